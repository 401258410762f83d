package com.bmo.learning.localaws.secretsmanager;

import java.time.Instant;

/** DeleteSecret's answer: the secret and when it is (or was) removed for good. */
record DeletedSecret(String arn, String name, Instant deletionDate) {
}
