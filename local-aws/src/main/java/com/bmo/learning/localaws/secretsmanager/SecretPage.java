package com.bmo.learning.localaws.secretsmanager;

import java.util.List;

/** One page of secrets; {@code nextToken} is {@code null} on the last page. */
record SecretPage(List<Secret> secrets, String nextToken) {
  SecretPage {
    secrets = List.copyOf(secrets);
  }
}
