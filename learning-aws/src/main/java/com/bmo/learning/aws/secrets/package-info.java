/**
 * Secrets Manager client, a Caffeine-backed secret cache and settings resolution (Secrets Manager,
 * then environment, then default). Nullability: parameters, return values and record components are
 * non-null unless their Javadoc says they may be null (the convention of every library module).
 */
package com.bmo.learning.aws.secrets;
