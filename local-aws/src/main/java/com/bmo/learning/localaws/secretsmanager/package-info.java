/**
 * Secrets Manager's JSON 1.1 protocol and an in-memory or file-backed secret store with AWS's
 * semantics.
 */
package com.bmo.learning.localaws.secretsmanager;
