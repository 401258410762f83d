package com.bmo.learning.aws.secrets;

import java.util.List;

/**
 * What {@link SecretsClient#list(SecretQuery)} returns: secrets matching every filter (all secrets when
 * there is none), across all pages.
 *
 * @param includePlannedDeletion also list secrets scheduled for deletion
 * @param pageSize secrets per ListSecrets call, 1 to 100 (AWS's maximum); affects only the number of calls
 */
public record SecretQuery(List<SecretFilter> filters, boolean includePlannedDeletion, int pageSize) {

  public static final int MAX_PAGE_SIZE = 100;

  public SecretQuery {
    filters = List.copyOf(filters);
  }

  public static SecretQuery of(SecretFilter... filters) {
    return new SecretQuery(List.of(filters), false, MAX_PAGE_SIZE);
  }

  public SecretQuery withPlannedDeletion() {
    return new SecretQuery(filters, true, pageSize);
  }

  public SecretQuery withPageSize(int size) {
    return new SecretQuery(filters, includePlannedDeletion, size);
  }
}
