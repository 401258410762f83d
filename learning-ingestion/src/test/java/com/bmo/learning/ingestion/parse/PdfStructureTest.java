package com.bmo.learning.ingestion.parse;

import static com.bmo.learning.testfixtures.TestPdf.Line.body;
import static com.bmo.learning.testfixtures.TestPdf.Line.heading;
import static org.assertj.core.api.Assertions.assertThat;

import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.testfixtures.TestPdf;
import com.bmo.learning.ingestion.chunk.ChunkText;
import com.bmo.learning.ingestion.chunk.DocumentChunker;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.segment.TextSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sections and their heading paths from a PDF's outline, and from typography when it has none. */
class PdfStructureTest {

  private static final String GETTING_STARTED = "Widget Manual › 1 Getting started";
  private static final String INSTALLING = GETTING_STARTED + " › 1.1 Installing widgets";
  private static final String CONFIGURATION = "Widget Manual › 2 Configuration";

  private static TestPdf manual() {
    return new TestPdf().header("Widget Manual, release 4 page %d").pageNumbers()
        .page(heading("Widget Manual", 24), body("A short guide to widgets for new users."),
            heading("1 Getting started", 16),
            body("Widgets are small programs that run inside the dashboard."),
            body("Each widget shows one kind of information."))
        .page(heading("1.1 Installing widgets", 13),
            body("Download the widget package and unpack it into any folder. Run the instal-"),
            body("ler as an administrator, because it writes to the system folders."),
            body("The installer checks that the dashboard is closed before it starts."),
            body("It then copies the widget files and registers each widget with the"))
        .page(body("dashboard, so that they appear in the widget gallery at the next start."),
            body("Uninstalling works the same way in reverse order."),
            heading("2 Configuration", 16),
            body("Widgets read their settings from the file widget.conf in the home folder."),
            body("A setting is a name, an equals sign and a value."));
  }

  @Test
  void sectionsComeFromTheOutlineWithTheirPages() {
    byte[] pdf = manual().title("Widget Manual")
        .bookmark(1, "1 Getting started", 1).bookmark(2, "1.1 Installing widgets", 2)
        .bookmark(1, "2 Configuration", 3).build();
    assertStructure(parse(pdf));
  }

  @Test
  void sectionsComeFromTypographyWithoutAnOutline() {
    // No outline, no title in the document information: the title is page 1's largest line.
    assertStructure(parse(manual().build()));
  }

  @Test
  void numberedHeadingsAreFoundWhenAllTextHasOneFont() {
    byte[] pdf = new TestPdf()
        .page(body("Widget Manual"), body("2.1 Installing widgets"), body("Download the package and run it."),
            body("2.2 Removing widgets"), body("Run the installer again and choose Remove."),
            body("1. Close the dashboard."))
        .build();
    List<Document> docs = new PdfParser().parse(Content.ofBytes("s3://b/widget-manual.pdf", "widget-manual.pdf", pdf));
    assertThat(docs).extracting(d -> d.metadata().getString(MetadataKeys.HEADING_PATH)).containsExactly(
        "widget manual", "widget manual › 2.1 Installing widgets", "widget manual › 2.2 Removing widgets");
    assertThat(docs.get(2).text()).endsWith("1. Close the dashboard.");
  }

  private static List<Document> parse(byte[] pdf) {
    return new PdfParser().parse(Content.ofBytes("s3://b/widgets.pdf", "widgets.pdf", pdf));
  }

  private static void assertStructure(List<Document> docs) {
    assertThat(docs).allSatisfy(d -> {
      assertThat(d.metadata().getString(MetadataKeys.TITLE)).isEqualTo("Widget Manual");
      assertThat(d.text()).doesNotContain("release 4").doesNotContainPattern("(?m)^\\d+$");
    });
    assertThat(docs).extracting(d -> d.metadata().getString(MetadataKeys.HEADING_PATH) + " p"
        + d.metadata().getInteger(MetadataKeys.PAGE)).containsExactly(
        "Widget Manual p1", GETTING_STARTED + " p1", INSTALLING + " p2", INSTALLING + " p3", CONFIGURATION + " p3");
    Document installing = docs.get(2);
    assertThat(installing.text()).startsWith("1.1 Installing widgets\n").contains("Run the installer as an administrator");
    assertThat(docs.get(4).text()).startsWith("2 Configuration");

    // Chunks follow the sections: one spans pages 2-3, none mixes two sections.
    List<TextSegment> chunks = new DocumentChunker(1000, 0).chunk("s3://b/widgets.pdf", "v1", docs);
    assertThat(chunks).extracting(c -> c.metadata().getString(MetadataKeys.HEADING_PATH))
        .containsExactly("Widget Manual", GETTING_STARTED, INSTALLING, CONFIGURATION);
    TextSegment spanning = chunks.get(2);
    assertThat(spanning.metadata().getInteger(MetadataKeys.PAGE)).isEqualTo(2);
    assertThat(spanning.metadata().getInteger(MetadataKeys.PAGE_END)).isEqualTo(3);
    assertThat(spanning.text()).contains("widget gallery").doesNotContain("Configuration", "Widget Manual ›");
    assertThat(chunks.get(3).metadata().containsKey(MetadataKeys.PAGE_END)).isFalse();
    assertThat(ChunkText.forIndexing(spanning)).startsWith(INSTALLING + "\n\n1.1 Installing widgets");
  }
}
