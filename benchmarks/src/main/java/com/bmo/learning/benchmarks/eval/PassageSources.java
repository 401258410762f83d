package com.bmo.learning.benchmarks.eval;

import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.ingestion.chunk.ChunkText;
import com.bmo.learning.ingestion.process.BatchResult;
import com.bmo.learning.ingestion.process.DocumentProcessor;
import com.bmo.learning.ingestion.process.FileResult;
import dev.langchain4j.data.segment.TextSegment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** The passages of a corpus, as the library pipeline makes them and as the naive baseline does. */
public final class PassageSources {

  private PassageSources() {
  }

  /** The library pipeline: clean-up, sections, section- and sentence-aware chunks of {@code maxChars}. */
  public static List<Passage> pipeline(List<Path> files, int maxChars, int overlapChars) {
    List<Passage> passages = new ArrayList<>();
    try (DocumentProcessor processor = DocumentProcessor.builder(null).chunking(maxChars, overlapChars)
        .parallelism(2).build()) {
      BatchResult result = processor.processLocalFiles(files, Map.of());
      for (FileResult r : result.results()) {
        if (r instanceof FileResult.Failure f) {
          throw new IllegalStateException("cannot ingest " + f.source() + ": " + f.error().getMessage(), f.error());
        }
        for (TextSegment chunk : ((FileResult.Success) r).chunks()) {
          passages.add(new Passage(chunk.metadata().getString(MetadataKeys.FILE_NAME),
              chunk.metadata().getInteger(MetadataKeys.PAGE), chunk.metadata().getInteger(MetadataKeys.PAGE_END),
              chunk.metadata().getString(MetadataKeys.HEADING_PATH), chunk.text(), ChunkText.forIndexing(chunk)));
        }
      }
    }
    return passages;
  }

  /**
   * The naive baseline: raw text (PDFBox per page, no clean-up; HTML as jsoup's body text), cut into
   * fixed windows of {@code windowChars}; the text is embedded as it is. HTML windows are labelled with
   * the heading they start under, for judging only (it is not indexed).
   */
  public static List<Passage> naive(List<Path> files, int windowChars) {
    List<Passage> passages = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      try {
        if (name.endsWith(".pdf")) {
          try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
              stripper.setStartPage(p);
              stripper.setEndPage(p);
              String text = stripper.getText(pdf);
              for (int s = 0; s < text.length(); s += windowChars) {
                String w = text.substring(s, Math.min(text.length(), s + windowChars));
                if (!w.isBlank()) {
                  passages.add(new Passage(name, p, null, null, w, w));
                }
              }
            }
          }
        } else {
          Element body = Jsoup.parse(Files.readString(file)).body();
          StringBuilder text = new StringBuilder();
          List<int[]> headingStarts = new ArrayList<>();
          List<String> headings = new ArrayList<>();
          NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
              if (node instanceof Element e && e.normalName().matches("h[1-6]")) {
                headingStarts.add(new int[] {text.length()});
                headings.add(e.text());
              }
              if (node instanceof TextNode t && !t.isBlank()) {
                text.append(t.text().strip()).append(' ');
              }
            }

            @Override
            public void tail(Node node, int depth) {
            }
          }, body);
          String all = text.toString();
          for (int s = 0; s < all.length(); s += windowChars) {
            String w = all.substring(s, Math.min(all.length(), s + windowChars));
            String heading = null;
            for (int h = 0; h < headingStarts.size() && headingStarts.get(h)[0] <= s + w.length() / 2; h++) {
              heading = headings.get(h);
            }
            passages.add(new Passage(name, null, null, heading, w, w));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return passages;
  }
}
