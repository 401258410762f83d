package com.bmo.learning.service.documents;

import com.bmo.learning.service.auth.Caller;
import java.util.Set;

/**
 * Which documents a caller may see and change. Admins: all. Users: their own (uploaded or ingested with
 * their key), those of the courses their key was granted, and read-only the shared ones (no owner: queued
 * by the service itself, such as local mode's samples, or recorded before documents had owners).
 * {@code learner_id} is shown only to the document's owner and to admins.
 *
 * @param principal the caller's key id; null for {@link #EVERYTHING}
 */
public record Visibility(String principal, Set<String> courses, boolean everything) {

  /** The service itself, and admins. */
  public static final Visibility EVERYTHING = new Visibility(null, Set.of(), true);

  /** Chunk metadata naming the owner as {@link #ownerTag}: search filters on it. */
  public static final String OWNER_METADATA = "uploaded_by";
  /** {@link #OWNER_METADATA} of shared documents; owners are {@code key:<id>}, so no key id can equal it. */
  public static final String SHARED = "shared";

  public Visibility {
    courses = Set.copyOf(courses);
  }

  public static Visibility of(Caller caller) {
    return caller.isAdmin() ? EVERYTHING : new Visibility(caller.id(), caller.courses(), false);
  }

  public static String ownerTag(String uploadedBy) {
    return uploadedBy == null ? SHARED : "key:" + uploadedBy;
  }

  public boolean canRead(Document d) {
    return everything || d.uploadedBy() == null || canChange(d);
  }

  public boolean canChange(Document d) {
    return everything || principal.equals(d.uploadedBy()) || (d.course() != null && courses.contains(d.course()));
  }

  public boolean seesLearnerId(String uploadedBy) {
    return everything || principal.equals(uploadedBy);
  }

  /** The {@link #OWNER_METADATA} values whose chunks this caller may find, besides its granted courses'. */
  public Set<String> ownerTags() {
    return Set.of(ownerTag(principal), SHARED);
  }
}
