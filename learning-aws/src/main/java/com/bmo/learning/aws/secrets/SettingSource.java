package com.bmo.learning.aws.secrets;

/** Where a setting's value was found, in the order they are consulted. */
public enum SettingSource {
  SECRETS_MANAGER,
  ENVIRONMENT,
  DEFAULT
}
