package com.bmo.learning.service.documents;

import com.bmo.learning.aws.s3.S3Uri;
import com.bmo.learning.service.auth.Caller;
import com.bmo.learning.service.auth.ForbiddenException;
import com.bmo.learning.service.config.ServiceProperties;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where {@code POST /documents/ingest} may read from: users, the documents bucket under the key prefixes
 * of {@code learning.ingest.user-prefixes} (none configured: the whole bucket); admins, the whole
 * documents bucket and the S3 prefixes listed in {@code learning.ingest.allowed-sources} (e.g.
 * {@code s3://shared-library/lessons/}). Anything else — the backups bucket, another team's bucket,
 * another part of the documents bucket — is refused with 403 before S3 is asked.
 *
 * @param allowedSources extra {@code s3://bucket/prefix/} locations admins may ingest from
 * @param userPrefixes key prefixes of the documents bucket users may ingest from (e.g. {@code lessons/});
 *     empty: all of it
 */
@ConfigurationProperties("learning.ingest")
public record IngestSources(@DefaultValue List<String> allowedSources, @DefaultValue List<String> userPrefixes) {

  /** @throws ForbiddenException when {@code caller} may not ingest {@code uri} (an unparsable URI passes: it is a 400 later) */
  public void check(String uri, Caller caller, ServiceProperties properties) {
    S3Uri location;
    try {
      location = S3Uri.parse(uri);
    } catch (IllegalArgumentException e) {  // InvalidS3UriException among them
      return;
    }
    String documents = properties.buckets().documents();
    if (location.bucket().equals(documents)) {
      if (caller.isAdmin() || userPrefixes.isEmpty()
          || userPrefixes.stream().anyMatch(prefix -> location.key().startsWith(prefix))) {
        return;
      }
      throw new ForbiddenException("Users ingest only from s3://" + documents + "/ under "
          + userPrefixes.stream().map(p -> "'" + p + "'").collect(java.util.stream.Collectors.joining(", "))
          + " (learning.ingest.user-prefixes)");
    }
    if (caller.isAdmin()) {
      for (String source : allowedSources) {
        S3Uri allowed = S3Uri.parse(source);
        if (allowed.bucket().equals(location.bucket()) && location.key().startsWith(allowed.key())) {
          return;
        }
      }
    }
    throw new ForbiddenException("Ingest reads only from the documents bucket (s3://"
        + properties.buckets().documents() + "/)" + (caller.isAdmin()
            ? " and learning.ingest.allowed-sources" : "") + "; " + location.bucket() + " is not allowed");
  }
}
