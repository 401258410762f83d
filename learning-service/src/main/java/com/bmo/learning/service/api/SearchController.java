package com.bmo.learning.service.api;

import com.bmo.learning.service.ingestion.SourceDocument;
import com.bmo.learning.service.search.ChunkHit;
import com.bmo.learning.service.search.ChunkIndex;
import com.bmo.learning.service.search.SearchQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Semantic search over the indexed chunks. */
@Tag(name = "search")
@RestController
public class SearchController {

  /**
   * A search.
   *
   * @param k hits wanted, 1..50 (default 5)
   * @param filters metadata every hit must have, e.g. {@code {"course": "math-101"}}
   */
  public record SearchRequest(@NotBlank @Size(max = 2000) String query, @Min(1) @Max(50) Integer k,
      @Size(max = 10) Map<@NotBlank String, @NotBlank String> filters) {
  }

  /**
   * One hit: the chunk's text, where it comes from and how well it matches (0..1).
   *
   * @param documentId the service's document id (for {@code GET /api/v1/documents/{id}}); null for chunks
   *     restored from a backup of another instance's documents
   */
  public record Hit(double score, String text, String sourceUri, Integer page, String documentId, String chunkId,
      Map<String, String> metadata) {
    static Hit of(ChunkHit h) {
      return new Hit(h.score(), h.text(), h.sourceUri(), h.page(), h.metadata().get(SourceDocument.SERVICE_DOCUMENT_ID), h.chunkId(),
          h.metadata());
    }
  }

  public record SearchResponse(String query, List<Hit> hits) {
  }

  private final ChunkIndex index;

  public SearchController(ChunkIndex index) {
    this.index = index;
  }

  @Operation(summary = "The chunks most similar to the query, with score, text, source URI and page")
  @PostMapping(path = "/api/v1/search", consumes = MediaType.APPLICATION_JSON_VALUE)
  public SearchResponse search(@Valid @RequestBody SearchRequest request) {
    int k = request.k() == null ? 5 : request.k();
    List<ChunkHit> hits = index.search(new SearchQuery(request.query().trim(), k,
        request.filters() == null ? Map.of() : request.filters()));
    return new SearchResponse(request.query(), hits.stream().map(Hit::of).toList());
  }
}
