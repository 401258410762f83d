package com.bmo.learning.localaws.init;

import com.bmo.learning.localaws.LocalAwsStartException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names the service and its tooling share (environment, buckets, secret names), read from the classpath
 * resource {@value #RESOURCE} (the repository's {@code config/bmo-learning.env}, also read by
 * {@code scripts/localstack-init.sh} and the service), each overridable by an environment variable of the
 * same name, as in the script. Lets the launcher's bundled seed say {@code ${BMO_DOCUMENTS_BUCKET}} and
 * {@code ${secret-name:BMO_DATABASE_SECRET}} instead of spelling the names a second time.
 */
public final class SharedNames {

  public static final String RESOURCE = "bmo-learning.env";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(secret-name:)?([A-Z][A-Z0-9_]*)}");

  private final Map<String, String> values;

  private SharedNames(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** The bundled names, overridden by {@code environment}; {@code BMO_LEARNING_ENV} defaults to {@code BMO_LOCAL_ENV}. */
  public static SharedNames load(Map<String, String> environment) {
    try (InputStream in = SharedNames.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new LocalAwsStartException(RESOURCE + " is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), environment);
    } catch (IOException e) {
      throw new LocalAwsStartException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  static SharedNames parse(String content, Map<String, String> environment) throws IOException {
    Properties file = new Properties();
    file.load(new StringReader(content));
    Map<String, String> values = new LinkedHashMap<>();
    file.stringPropertyNames().forEach(k -> values.put(k, file.getProperty(k)));
    values.replaceAll((k, v) -> environment.getOrDefault(k, v));
    String localEnv = values.get("BMO_LOCAL_ENV");
    String env = environment.getOrDefault("BMO_LEARNING_ENV", localEnv);
    if (env != null) {
      values.put("BMO_LEARNING_ENV", env);
    }
    return new SharedNames(values);
  }

  /** The value of {@code key}; an unknown key is an error, never an empty name. */
  public String get(String key) {
    String value = values.get(key);
    if (value == null || value.isBlank()) {
      throw new LocalAwsStartException(key + " is not set in " + RESOURCE);
    }
    return value;
  }

  /** The secret name of a setting: {@code BMO_SECRET_NAME_PATTERN} with the environment and the setting. */
  public String secretName(String settingKey) {
    return get("BMO_SECRET_NAME_PATTERN").replace("{env}", get("BMO_LEARNING_ENV"))
        .replace("{setting}", get(settingKey));
  }

  /** {@code text} with every {@code ${KEY}} and {@code ${secret-name:KEY}} replaced. */
  public String resolve(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = m.group(1) != null ? secretName(m.group(2)) : get(m.group(2));
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }
}
