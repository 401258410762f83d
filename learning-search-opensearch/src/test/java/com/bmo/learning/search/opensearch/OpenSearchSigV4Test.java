package com.bmo.learning.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * Amazon OpenSearch Service wiring: with signing on, every request leaves signed with SigV4 for the
 * configured service and region. Amazon's endpoint cannot be reached from a test, so the HTTP client here
 * records the request that would have been sent and answers 200.
 */
class OpenSearchSigV4Test {

  private static final URI DOMAIN = URI.create("https://search-learning-abc123.eu-west-1.es.amazonaws.com");

  @Test
  void requestsAreSignedForTheServiceAndRegionWithTheProvidersCredentials() throws Exception {
    RecordingHttpClient http = new RecordingHttpClient();
    OpenSearchClient client = OpenSearchClients.sigV4(DOMAIN, Region.EU_WEST_1, "es",
        StaticCredentialsProvider.create(AwsSessionCredentials.create("AKIDEXAMPLE", "secret", "session-token")), http);

    assertThat(client.indices().exists(e -> e.index("chunks")).value()).isTrue();

    SdkHttpRequest sent = http.requests.get(0);
    assertThat(sent.getUri()).isEqualTo(URI.create(DOMAIN + "/chunks"));
    Map<String, List<String>> headers = sent.headers();
    assertThat(headers.get("Authorization")).singleElement().asString()
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
        .contains("/eu-west-1/es/aws4_request")
        .contains("SignedHeaders=").contains("host")
        .containsPattern("Signature=[0-9a-f]{64}$");
    assertThat(headers.get("X-Amz-Security-Token")).containsExactly("session-token");
    assertThat(headers).containsKey("X-Amz-Date");
  }

  @Test
  void serverlessCollectionsAreSignedForAoss() throws Exception {
    RecordingHttpClient http = new RecordingHttpClient();
    OpenSearchClient client = OpenSearchClients.sigV4(URI.create("https://abc.us-east-1.aoss.amazonaws.com"),
        Region.US_EAST_1, "aoss", StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), http);

    client.indices().exists(e -> e.index("chunks"));

    assertThat(http.requests.get(0).headers().get("Authorization")).singleElement().asString()
        .contains("/us-east-1/aoss/aws4_request");
  }

  @Test
  void signingIsRefusedOverPlainHttpAndUnknownServices() {
    assertThatThrownBy(() -> OpenSearchSettings.builder(URI.create("http://localhost:9200"), "chunks")
        .awsSigV4(true).build()).hasMessageContaining("https");
    assertThatThrownBy(() -> OpenSearchSettings.builder(DOMAIN, "chunks").awsSigV4(true).signingService("s3").build())
        .hasMessageContaining("es or aoss");
  }

  @Test
  void aSignedClientIsBuiltWithoutLookingUpCredentialsYet() {
    // Credentials come from the SDK's default chain when a request is signed, not at start-up.
    OpenSearchClient client = OpenSearchClients.create(OpenSearchSettings.builder(DOMAIN, "chunks").awsSigV4(true)
        .signingRegion("eu-west-1").build());
    assertThat(client._transport()).isInstanceOf(org.opensearch.client.transport.aws.AwsSdk2Transport.class);
  }

  @Test
  void indexNamesOpenSearchWouldRefuseAreRefusedUpFront() {
    assertThatThrownBy(() -> OpenSearchSettings.builder(DOMAIN, "Chunks").build()).hasMessageContaining("index name");
    assertThatThrownBy(() -> OpenSearchSettings.builder(DOMAIN, "_chunks").build()).hasMessageContaining("index name");
    assertThatThrownBy(() -> OpenSearchSettings.builder(DOMAIN, "a*").build()).hasMessageContaining("index name");
    assertThat(OpenSearchSettings.builder(DOMAIN, "learning-chunks.v2").build().index()).isEqualTo("learning-chunks.v2");
  }

  /** Records each request and answers 200 with an empty JSON object. */
  private static final class RecordingHttpClient implements SdkHttpClient {
    final List<SdkHttpRequest> requests = new ArrayList<>();

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      requests.add(request.httpRequest());
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() {
          return HttpExecuteResponse.builder()
              .response(SdkHttpResponse.builder().statusCode(200).putHeader("Content-Type", "application/json").build())
              .responseBody(AbortableInputStream.create(new ByteArrayInputStream("{}".getBytes())))
              .build();
        }

        @Override
        public void abort() {
        }
      };
    }

    @Override
    public void close() {
    }
  }
}
