package com.bmo.learning.localaws.junit;

import java.net.URI;

/**
 * The endpoint a test run talks to: the embedded one, or the one named by {@code AWS_ENDPOINT_URL}.
 *
 * @param embedded true when this JVM started the endpoint itself
 */
public record LocalAwsTarget(URI endpoint, String region, boolean embedded) {
}
