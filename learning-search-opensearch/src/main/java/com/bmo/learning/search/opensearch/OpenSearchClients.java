package com.bmo.learning.search.opensearch;

import java.net.URI;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.aws.AwsSdk2Transport;
import org.opensearch.client.transport.aws.AwsSdk2TransportOptions;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Makes the {@link OpenSearchClient} for {@link OpenSearchSettings}: plain HTTP(S) through Apache
 * HttpClient 5, or, for Amazon OpenSearch Service, requests signed with AWS SigV4 through the AWS SDK's
 * HTTP client and default credential chain (environment, profile, container or instance role). Closing
 * the client's transport ({@code client._transport().close()}) releases its connections.
 */
public final class OpenSearchClients {

  private OpenSearchClients() {
  }

  public static OpenSearchClient create(OpenSearchSettings settings) {
    if (settings.awsSigV4()) {
      Region region = settings.signingRegion().map(Region::of)
          .orElseGet(() -> DefaultAwsRegionProviderChain.builder().build().getRegion());
      SdkHttpClient http = UrlConnectionHttpClient.builder()
          .connectionTimeout(settings.timeout()).socketTimeout(settings.timeout()).build();
      return sigV4(settings.endpoint(), region, settings.signingService(), DefaultCredentialsProvider.builder().build(),
          http);
    }
    return new OpenSearchClient(plain(settings));
  }

  /** A client whose requests are signed with SigV4 for {@code service} in {@code region}. */
  static OpenSearchClient sigV4(URI endpoint, Region region, String service, AwsCredentialsProvider credentials,
      SdkHttpClient http) {
    String host = endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
    AwsSdk2TransportOptions options = AwsSdk2TransportOptions.builder()
        .setCredentials(credentials)
        .setMapper(new JacksonJsonpMapper())
        .build();
    return new OpenSearchClient(new AwsSdk2Transport(http, host, service, region, options));
  }

  private static OpenSearchTransport plain(OpenSearchSettings settings) {
    URI uri = settings.endpoint();
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    Timeout timeout = Timeout.of(settings.timeout());
    return ApacheHttpClient5TransportBuilder.builder(new HttpHost(uri.getScheme(), uri.getHost(), port))
        .setMapper(new JacksonJsonpMapper())
        .setHttpClientConfigCallback(http -> http.setConnectionManager(
            PoolingAsyncClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                    .setSocketTimeout(timeout).build())
                .setMaxConnTotal(50).setMaxConnPerRoute(50)
                .build()))
        .setRequestConfigCallback(request -> request.setResponseTimeout(timeout))
        .build();
  }
}
