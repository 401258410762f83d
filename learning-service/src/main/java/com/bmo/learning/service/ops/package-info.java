/**
 * Health indicators for the database, S3, Secrets Manager and the index.
 */
package com.bmo.learning.service.ops;
