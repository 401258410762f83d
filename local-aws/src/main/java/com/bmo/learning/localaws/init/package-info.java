/**
 * Declarative init files (buckets, secrets, objects) applied through the AWS SDK at start-up.
 */
package com.bmo.learning.localaws.init;
