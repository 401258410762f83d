/**
 * Local mode: the service with the embedded AWS endpoint and an embedded PostgreSQL started in the
 * same JVM, safe by default.
 */
package com.bmo.learning.local;
