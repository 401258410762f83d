package com.bmo.learning.service.config;

import com.bmo.learning.aws.s3.MultipartChecksum;
import com.bmo.learning.ingestion.IngestionLimits;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The service's own settings, under {@code learning.*}.
 *
 * @param environment the {@code {env}} of secret names {@code bmo-learning/{env}/...} (local, dev, prod)
 */
@Validated
@ConfigurationProperties("learning")
public record ServiceProperties(
    @DefaultValue("dev") String environment,
    @DefaultValue Aws aws,
    @DefaultValue Buckets buckets,
    @DefaultValue Upload upload,
    @DefaultValue Jobs jobs,
    @DefaultValue Auth auth,
    @DefaultValue Index index,
    @DefaultValue Ingestion ingestion) {

  /**
   * Where AWS is.
   *
   * @param endpoint endpoint override (LocalStack, the embedded endpoint); null means the SDK's standard
   *     {@code AWS_ENDPOINT_URL}, else AWS itself
   * @param region null for the SDK's region chain ({@code AWS_REGION})
   * @param staticCredentials use the {@code test}/{@code test} credentials of local endpoints instead of
   *     the default credential chain
   * @param multipartChecksum how multipart uploads (objects over 16 MiB) are checksummed: AWS and
   *     LocalStack take FULL_OBJECT; the embedded endpoint (S3Mock) needs COMPOSITE
   */
  public record Aws(URI endpoint, String region, @DefaultValue("false") boolean staticCredentials,
      @DefaultValue("FULL_OBJECT") MultipartChecksum multipartChecksum) {
  }

  /**
   * The documents bucket (uploads) and the backups bucket (index backups); named in application.yaml from
   * {@code BMO_DOCUMENTS_BUCKET} / {@code BMO_BACKUPS_BUCKET} of bmo-learning.env.
   */
  public record Buckets(String documents, String backups) {
  }

  /**
   * Upload limits.
   *
   * @param maxSize largest accepted file
   * @param keyPrefix objects go under {@code {keyPrefix}/{yyyy}/{MM}/{id}/{name}}
   */
  public record Upload(@DefaultValue("25MB") DataSize maxSize, @DefaultValue("uploads") String keyPrefix) {
  }

  /**
   * Ingestion jobs.
   *
   * @param maxAttempts attempts per document, first one included, before it is FAILED
   * @param initialBackoff wait before the first retry; doubled (times {@code backoffMultiplier}) each time.
   *     Also how long a large document waits before it asks again for a large-document slot
   * @param timeout an attempt that has not produced its chunks by then is abandoned (its worker
   *     interrupted) and the document FAILED with the reason, without retry
   * @param largeDocumentSize documents above this size are large: queued behind small ones (lower
   *     priority) and at most {@code maxConcurrentLarge} at a time on an instance
   * @param maxConcurrentLarge large documents ingested at the same time on one instance; keep it below
   *     {@code db-scheduler.threads}, so that small documents always have a worker
   */
  public record Jobs(@DefaultValue("5") int maxAttempts, @DefaultValue("2s") Duration initialBackoff,
      @DefaultValue("2.0") double backoffMultiplier, @DefaultValue("10m") Duration timeout,
      @DefaultValue("4MB") DataSize largeDocumentSize, @DefaultValue("2") int maxConcurrentLarge) {
  }

  /**
   * Per-document ingestion limits (learning-ingestion's {@link IngestionLimits}); a document over one is
   * FAILED with the reason, without retry.
   *
   * @param maxPages pages of a PDF
   * @param maxCharacters characters of extracted text
   * @param maxDecompressedSize what a PDF's streams may inflate to, together
   * @param maxChunks chunks of one document
   */
  public record Ingestion(@DefaultValue("2000") int maxPages, @DefaultValue("5000000") long maxCharacters,
      @DefaultValue("256MB") DataSize maxDecompressedSize, @DefaultValue("10000") int maxChunks) {

    public IngestionLimits limits() {
      return IngestionLimits.builder().maxPages(maxPages).maxCharacters(maxCharacters)
          .maxDecompressedBytes(maxDecompressedSize.toBytes()).maxChunks(maxChunks).build();
    }
  }

  /**
   * API keys.
   *
   * @param apiKeysSetting the setting (secret {@code bmo-learning/{env}/{setting}}) holding the hashed keys;
   *     {@code BMO_API_KEYS_SECRET} of bmo-learning.env
   */
  public record Auth(String apiKeysSetting) {
  }

  /**
   * The local index and what its contents are made with.
   *
   * @param directory where the index lives on this instance
   * @param chunkSize the chunker's maximum chunk length in characters (800: the retrieval evaluation's
   *     choice); part of the index's content version, so changing it re-indexes every document at start-up
   * @param mergeAbove Lucene backend: a commit that leaves more segments than this starts a background merge
   *     (every ingestion commits, so a bulk load writes many small segments, and a search visits each one);
   *     0 turns the background merge off
   * @param mergeTo Lucene backend: the segments a background merge leaves (fewer than {@code mergeAbove})
   */
  public record Index(@DefaultValue("data/index") Path directory, @DefaultValue("lessons") String collection,
      @DefaultValue("800") int chunkSize, @DefaultValue("8") int mergeAbove, @DefaultValue("3") int mergeTo) {
  }
}
