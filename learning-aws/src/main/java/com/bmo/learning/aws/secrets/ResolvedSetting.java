package com.bmo.learning.aws.secrets;

/**
 * A setting's value and where it came from. Printing it shows the source, never the value.
 *
 * @param location the secret name (with {@code #field} for a JSON field), the environment variable, or
 *     {@code default}
 */
public record ResolvedSetting(String setting, SecretString value, SettingSource source, String location) {
}
