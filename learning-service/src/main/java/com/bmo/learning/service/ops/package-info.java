/**
 * Operations: health indicators (database, S3, Secrets Manager, the index), the audit log and log-safe text.
 */
package com.bmo.learning.service.ops;
