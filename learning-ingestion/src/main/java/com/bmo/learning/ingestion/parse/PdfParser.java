package com.bmo.learning.ingestion.parse;

import com.bmo.learning.ingestion.CorruptDocumentException;
import com.bmo.learning.ingestion.EmptyDocumentException;
import com.bmo.learning.ingestion.EncryptedDocumentException;
import com.bmo.learning.ingestion.MetadataKeys;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF text with Apache PDFBox: one document per page ({@code page} = 1-based number; blank pages are
 * left out) or one per file, as configured. Documents carry {@code page_count} and, when the PDF has one,
 * {@code title}.
 *
 * <p>A PDF that needs a password, or whose permissions forbid extracting text, is an
 * {@link EncryptedDocumentException}; one PDFBox cannot read is a {@link CorruptDocumentException}; one
 * with no text at all (scanned images) is an {@link EmptyDocumentException}. Large PDFs are read from a
 * file, not loaded into memory.
 */
public final class PdfParser implements ContentParser {

  /** How a PDF becomes documents. */
  public enum Mode {
    /** One document per page with text: citations can name the page. */
    PER_PAGE,
    /** One document for the whole file. */
    PER_FILE
  }

  private final Mode mode;

  public PdfParser(Mode mode) {
    this.mode = Objects.requireNonNull(mode, "mode");
  }

  /** One document per page. */
  public PdfParser() {
    this(Mode.PER_PAGE);
  }

  public Mode mode() {
    return mode;
  }

  @Override
  public DocumentType type() {
    return DocumentType.PDF;
  }

  @Override
  public List<Document> parse(Content content) {
    String source = content.source();
    try (PDDocument pdf = load(content)) {
      if (pdf.isEncrypted() && !pdf.getCurrentAccessPermission().canExtractContent()) {
        throw new EncryptedDocumentException(source, "the PDF is encrypted and its permissions forbid"
            + " extracting text", null);
      }
      int pages = pdf.getNumberOfPages();
      if (pages == 0) {
        throw new CorruptDocumentException(source, "the PDF has no pages", null);
      }
      Metadata base = new Metadata().put(MetadataKeys.PAGE_COUNT, pages);
      String title = pdf.getDocumentInformation() == null ? null : pdf.getDocumentInformation().getTitle();
      if (title != null && !title.isBlank()) {
        base.put(MetadataKeys.TITLE, title.strip());
      }
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setLineSeparator("\n");
      List<Document> documents = new ArrayList<>();
      if (mode == Mode.PER_FILE) {
        String text = clean(stripper.getText(pdf));
        if (!text.isEmpty()) {
          documents.add(Document.from(text, base));
        }
      } else {
        for (int page = 1; page <= pages; page++) {
          stripper.setStartPage(page);
          stripper.setEndPage(page);
          String text = clean(stripper.getText(pdf));
          if (!text.isEmpty()) {
            documents.add(Document.from(text, base.copy().put(MetadataKeys.PAGE, page)));
          }
        }
      }
      if (documents.isEmpty()) {
        throw new EmptyDocumentException(source, "the PDF has no extractable text in its " + pages
            + " page(s); it may hold scanned images only", null);
      }
      return documents;
    } catch (InvalidPasswordException e) {
      throw new EncryptedDocumentException(source, "the PDF is password-protected", e);
    } catch (IOException e) {
      throw new CorruptDocumentException(source, "the PDF cannot be read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e instanceof com.bmo.learning.ingestion.IngestionException typed) {
        throw typed;
      }
      // PDFBox can fail on damaged structures with unchecked exceptions too.
      throw new CorruptDocumentException(source, "the PDF cannot be read: " + e, e);
    }
  }

  private static PDDocument load(Content content) throws IOException {
    if (content.file().isPresent()) {
      return Loader.loadPDF(new RandomAccessReadBufferedFile(content.file().get().toFile()));
    }
    return Loader.loadPDF(content.bytes().orElseThrow());
  }

  /** Line ends normalised, NULs and trailing spaces removed. */
  private static String clean(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (String line : text.replace("\u0000", "").replace("\r\n", "\n").split("\n", -1)) {
      sb.append(line.stripTrailing()).append('\n');
    }
    return sb.toString().strip();
  }
}
