package com.bmo.learning.service.config;

import com.bmo.learning.aws.secrets.ResolvedSetting;
import com.bmo.learning.aws.secrets.SettingNotFoundException;
import java.util.function.Supplier;
import org.springframework.core.env.PropertySource;

/**
 * Secrets as configuration properties: {@code ${secrets.database#password}} is field {@code password} of the
 * secret {@code bmo-learning/{env}/database}, {@code ${secrets.openai-api-key}} the whole secret, each
 * resolved through the settings resolver (Secrets Manager → environment variable → default) and its cache.
 * Nothing is read until a property asks for it.
 */
public final class SecretsPropertySource extends PropertySource<Supplier<SecretsAccess>> {

  public static final String NAME = "learning-secrets";
  public static final String PREFIX = "secrets.";

  public SecretsPropertySource(Supplier<SecretsAccess> access) {
    super(NAME, access);
  }

  /** The shared access, creating it if no property has needed it yet. */
  public SecretsAccess access() {
    return getSource().get();
  }

  @Override
  public Object getProperty(String name) {
    if (!name.startsWith(PREFIX) || name.length() == PREFIX.length()) {
      return null;
    }
    String ref = name.substring(PREFIX.length());
    int hash = ref.indexOf('#');
    try {
      ResolvedSetting resolved = hash < 0
          ? access().settings().resolve(ref)
          : access().settings().resolveField(ref.substring(0, hash), ref.substring(hash + 1), null);
      return resolved.value().reveal();
    } catch (SettingNotFoundException e) {
      // Unresolvable: Spring reports the placeholder with its own message; ours says where we looked.
      throw new IllegalStateException("Property " + name + ": " + e.getMessage(), e);
    }
  }
}
