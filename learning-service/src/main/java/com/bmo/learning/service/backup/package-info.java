/**
 * The service's port to index backups and its records.
 */
package com.bmo.learning.service.backup;
