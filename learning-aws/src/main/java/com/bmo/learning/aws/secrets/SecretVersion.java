package com.bmo.learning.aws.secrets;

/** The version a create or update wrote: it is now the secret's AWSCURRENT. */
public record SecretVersion(String name, String arn, String versionId) {
}
