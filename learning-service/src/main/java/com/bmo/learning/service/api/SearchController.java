package com.bmo.learning.service.api;

import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.search.ChunkFilter;
import com.bmo.learning.search.SearchHit;
import com.bmo.learning.search.SearchIndex;
import com.bmo.learning.search.SearchMode;
import com.bmo.learning.search.SearchQuery;
import com.bmo.learning.search.embedding.BatchEmbedder;
import com.bmo.learning.service.auth.Caller;
import com.bmo.learning.service.documents.InvalidRequestException;
import com.bmo.learning.service.documents.Visibility;
import com.bmo.learning.service.ingestion.SourceDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Search over the indexed chunks: keyword, vector or both (hybrid, the default). */
@Tag(name = "search")
@RestController
public class SearchController {

  /**
   * A search.
   *
   * @param k hits wanted, 1..50 (default 5)
   * @param filters metadata every hit must have, e.g. {@code {"course": "math-101"}}
   * @param mode {@code hybrid} (default: exact terms and meaning), {@code vector} (meaning only) or
   *     {@code keyword} (BM25 over text and section title only)
   */
  public record SearchRequest(@NotBlank @Size(max = 2000) String query, @Min(1) @Max(50) Integer k,
      @Size(max = 10) Map<@NotBlank String, @NotBlank String> filters,
      @Schema(allowableValues = {"hybrid", "vector", "keyword"}, defaultValue = "hybrid") String mode) {
  }

  /**
   * One hit: the chunk's text, where it comes from and how well it matches.
   *
   * @param score relevance, higher is better; comparable within one response only (the scale depends on the
   *     mode)
   * @param documentId the service's document id (for {@code GET /api/v1/documents/{id}}); null for chunks
   *     restored from a backup of another instance's documents
   * @param title the document's title
   * @param headingPath the section the passage is in, e.g. "Manual › 5 Arrays › 5.1 Arrays"
   * @param page first page of the passage (paged formats), {@code pageEnd} the last when it spans pages
   * @param snippet the passage with the query's terms marked as {@code snippetMarkup} says; null when no
   *     term matched (vector mode, or a paraphrase)
   * @param snippetMarkup {@code html-mark}: HTML-escaped text, matched terms in {@code <mark>…</mark>}
   * @param metadata the chunk's other metadata (course, file name, ...) as strings
   */
  public record Hit(double score, String text, String sourceUri, Integer page, Integer pageEnd, String title,
      String headingPath, String snippet, String snippetMarkup, String documentId, String chunkId,
      Map<String, String> metadata) {

    /** Carried as fields of their own, or ids that would contradict {@code documentId}. */
    private static final List<String> NOT_IN_METADATA = List.of(SourceDocument.SERVICE_DOCUMENT_ID,
        MetadataKeys.DOCUMENT_ID, MetadataKeys.CHUNK_ID, Visibility.OWNER_METADATA);

    static Hit of(SearchHit h, Visibility visibility) {
      Object owner = h.metadata().get(Visibility.OWNER_METADATA);
      boolean learnerVisible = visibility.everything()
          || Visibility.ownerTag(visibility.principal()).equals(owner);
      Map<String, String> metadata = new LinkedHashMap<>();
      h.metadata().forEach((key, value) -> {
        if (!NOT_IN_METADATA.contains(key) && (learnerVisible || !key.equals("learner_id"))) {
          metadata.put(key, String.valueOf(value));
        }
      });
      Object documentId = h.metadata().get(SourceDocument.SERVICE_DOCUMENT_ID);
      return new Hit(h.score(), h.text(), h.sourceUri(), h.page(), h.pageEnd(), h.title(), h.headingPath(),
          h.snippet() == null ? null : h.snippet().text(), h.snippet() == null ? null : h.snippet().markup(),
          documentId == null ? null : documentId.toString(), h.chunkId(), metadata);
    }
  }

  public record SearchResponse(String query, String mode, List<Hit> hits) {
  }

  private final SearchIndex index;
  private final BatchEmbedder embedder;

  public SearchController(SearchIndex index, BatchEmbedder embedder) {
    this.index = index;
    this.embedder = embedder;
  }

  @Operation(summary = "The chunks that best match the query (hybrid keyword + vector by default), with "
      + "score, text, title, section, pages, a highlighted snippet and the document they come from")
  @PostMapping(path = "/api/v1/search", consumes = MediaType.APPLICATION_JSON_VALUE)
  public SearchResponse search(@Valid @RequestBody SearchRequest request, @AuthenticationPrincipal Caller caller) {
    SearchMode mode = mode(request.mode());
    int k = request.k() == null ? 5 : request.k();
    String text = request.query().trim();
    // Embedded before the index is asked: no index lock waits for the model.
    float[] vector = mode.usesVector() ? embedder.embedQuery(text) : null;
    ChunkFilter filter = request.filters() == null ? null : ChunkFilter.allOf(request.filters().entrySet()
        .stream().map(e -> ChunkFilter.eq(e.getKey(), e.getValue())).toList());
    Visibility visibility = Visibility.of(caller);
    List<SearchHit> hits = visibility.everything()
        ? index.search(new SearchQuery(text, vector, filter, mode, k, 0))
        : visibleHits(text, vector, filter, mode, k, visibility);
    return new SearchResponse(request.query(), mode.toString(),
        hits.stream().map(h -> Hit.of(h, visibility)).toList());
  }

  /**
   * Only chunks the caller may see: its own and shared documents', or its granted courses' — one filter
   * (an "or" across the two keys, inside the caller's own filter), so one search, ranked once.
   */
  private List<SearchHit> visibleHits(String text, float[] vector, ChunkFilter filter, SearchMode mode, int k,
      Visibility visibility) {
    List<ChunkFilter> readable = new ArrayList<>();
    readable.add(ChunkFilter.anyOf(Visibility.OWNER_METADATA, visibility.ownerTags()));
    if (!visibility.courses().isEmpty()) {
      readable.add(ChunkFilter.anyOf("course", visibility.courses()));
    }
    List<ChunkFilter> all = new ArrayList<>();
    all.add(ChunkFilter.anyMatch(readable));
    if (filter != null) {
      all.add(filter);
    }
    return index.search(new SearchQuery(text, vector, ChunkFilter.allOf(all), mode, k, 0));
  }

  private static SearchMode mode(String value) {
    if (value == null) {
      return SearchMode.HYBRID;
    }
    try {
      return SearchMode.parse(value);
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.of("mode", "must be one of " + SearchMode.names());
    }
  }
}
