/**
 * A thread-safe S3 storage client (S3Storage) with its configuration, S3 locations (S3Uri), value
 * records and the sealed StorageException family. Nullability: parameters, return values and record
 * components are non-null unless their Javadoc says they may be null (the convention of every library
 * module).
 */
package com.bmo.learning.aws.s3;
