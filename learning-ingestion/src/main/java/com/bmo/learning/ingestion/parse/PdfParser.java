package com.bmo.learning.ingestion.parse;

import com.bmo.learning.ingestion.CorruptDocumentException;
import com.bmo.learning.ingestion.EmptyDocumentException;
import com.bmo.learning.ingestion.EncryptedDocumentException;
import com.bmo.learning.ingestion.IngestionLimits;
import com.bmo.learning.ingestion.MetadataKeys;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import com.bmo.learning.ingestion.parse.clean.Dehyphenator;
import com.bmo.learning.ingestion.parse.clean.NavigationPageDetector;
import com.bmo.learning.ingestion.parse.clean.PageKind;
import com.bmo.learning.ingestion.parse.clean.RunningLineRemover;
import com.bmo.learning.ingestion.parse.clean.TextCleaner;
import com.bmo.learning.ingestion.parse.clean.UnicodeNormalizer;
import com.bmo.learning.ingestion.parse.clean.WhitespaceNormalizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * PDF text with Apache PDFBox, cleaned and cut into sections: one document per part of a section on one
 * page ({@code page} = 1-based number, {@code heading_path}, {@code section_index}; blank pages are left
 * out) or one per file, as configured. Documents carry {@code page_count} and {@code title} (the PDF's
 * title, else the largest line of page 1, else the file name).
 *
 * <p>Clean-up, per document: Unicode NFKC ({@link UnicodeNormalizer}); table-of-contents and index pages
 * left out ({@link NavigationPageDetector}); running headers, footers and page numbers removed
 * ({@link RunningLineRemover}); line-break hyphenation undone ({@link Dehyphenator}); white space
 * normalised. Sections come from the outline (bookmarks) when there is one, else from typography and
 * numbering ({@link PdfHeadings}).
 *
 * <p>A PDF that needs a password, or whose permissions forbid extracting text, is an
 * {@link EncryptedDocumentException}; one PDFBox cannot read is a {@link CorruptDocumentException}; one
 * with no text at all (scanned images) is an {@link EmptyDocumentException}. Large PDFs are read from a
 * file, not loaded into memory.
 *
 * <p>{@link IngestionLimits}: the page count is checked before anything is extracted, then what the
 * streams inflate to ({@link PdfStreamSizes}, counted without holding it), then the characters as pages
 * are extracted; over any of them is a {@link com.bmo.learning.ingestion.DocumentLimitExceededException}.
 */
public final class PdfParser implements ContentParser {

  /** How a PDF becomes documents. */
  public enum Mode {
    /** One document per page with text: citations can name the page. */
    PER_PAGE,
    /** One document for the whole file. */
    PER_FILE
  }

  private static final TextCleaner UNICODE = new UnicodeNormalizer();
  private static final TextCleaner WHITESPACE = new WhitespaceNormalizer();
  private static final NavigationPageDetector NAVIGATION = new NavigationPageDetector();
  private static final RunningLineRemover RUNNING_LINES = new RunningLineRemover();
  private static final Pattern TRAILING_HYPHEN = Pattern.compile("(\\p{L}+)-\\s*\\z");
  private static final Pattern LEADING_WORD = Pattern.compile("\\A\\s*(\\p{Ll}[\\p{L}\\p{M}]*)");

  private final Mode mode;
  private final IngestionLimits limits;

  public PdfParser(Mode mode, IngestionLimits limits) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** With the {@linkplain IngestionLimits#defaults() default limits}. */
  public PdfParser(Mode mode) {
    this(mode, IngestionLimits.defaults());
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
      int pageCount = pdf.getNumberOfPages();
      if (pageCount == 0) {
        throw new CorruptDocumentException(source, "the PDF has no pages", null);
      }
      limits.check(source, IngestionLimits.Limit.PAGES, pageCount, false);
      try {
        PdfStreamSizes.decompressedSize(pdf, limits.maxDecompressedBytes());
      } catch (PdfStreamSizes.LimitReached e) {
        limits.check(source, IngestionLimits.Limit.DECOMPRESSED_BYTES, limits.maxDecompressedBytes() + 1, true);
      }
      List<PdfLines.Page> pages = clean(PdfLines.read(pdf, text -> limits.check(source,
          IngestionLimits.Limit.CHARACTERS, text, true)), pageCount);
      String infoTitle = pdf.getDocumentInformation() == null ? null : pdf.getDocumentInformation().getTitle();
      int titleLine = -1;
      String title;
      if (infoTitle != null && !infoTitle.isBlank()) {
        title = UNICODE.clean(infoTitle).strip();
      } else {
        titleLine = PdfHeadings.titleLine(pages);
        title = titleLine >= 0 ? pages.get(0).lines().get(titleLine).text().strip()
            : DocumentTitles.fromFileName(content.fileName());
      }
      List<PdfHeadings.Heading> headings = PdfHeadings.fromOutline(pdf, pages);
      if (headings.isEmpty()) {
        headings = PdfHeadings.fromTypography(pages, titleLine);
      }
      List<Piece> pieces = pieces(pages, headings, title);
      Metadata base = new Metadata().put(MetadataKeys.PAGE_COUNT, pageCount).put(MetadataKeys.TITLE, title);
      List<Document> documents = new ArrayList<>();
      if (mode == Mode.PER_FILE) {
        String text = pieces.stream().map(Piece::text).collect(Collectors.joining("\n\n"));
        if (!text.isEmpty()) {
          documents.add(Document.from(text, base.copy().put(MetadataKeys.HEADING_PATH, title)));
        }
      } else {
        for (Piece piece : pieces) {
          documents.add(Document.from(piece.text(), base.copy()
              .put(MetadataKeys.PAGE, piece.page())
              .put(MetadataKeys.HEADING_PATH, piece.headingPath())
              .put(MetadataKeys.SECTION_INDEX, piece.section())));
        }
      }
      if (documents.isEmpty()) {
        throw new EmptyDocumentException(source, "the PDF has no extractable text in its " + pageCount
            + " page(s); it may hold scanned images only", null);
      }
      return documents;
    } catch (InvalidPasswordException e) {
      throw new EncryptedDocumentException(source, "the PDF is password-protected", e);
    } catch (java.io.InterruptedIOException e) {
      throw new com.bmo.learning.ingestion.SourceReadException(source, "text extraction was interrupted", e);
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

  /** Part of one section on one page. */
  private record Piece(int section, String headingPath, int page, String text) {
  }

  /**
   * Every page (index = number - 1) after the per-document clean-up: Unicode NFKC, table-of-contents and
   * index pages emptied, running headers, footers and page numbers removed.
   */
  private static List<PdfLines.Page> clean(List<PdfLines.Page> read, int pageCount) {
    List<PdfLines.Page> pages = new ArrayList<>(pageCount);
    for (int n = 1; n <= pageCount; n++) {
      pages.add(new PdfLines.Page(n, List.of()));
    }
    for (PdfLines.Page page : read) {
      List<PdfLines.Line> lines = page.lines().stream()
          .map(l -> new PdfLines.Line(UNICODE.clean(l.text()), l.fontSize(), l.bold(), l.paragraphStart()))
          .filter(l -> !l.text().isBlank())
          .toList();
      pages.set(page.number() - 1, new PdfLines.Page(page.number(), lines));
    }
    List<List<PdfLines.Line>> kept = new ArrayList<>(pageCount);
    boolean anyContent = false;
    for (PdfLines.Page page : pages) {
      boolean content = NAVIGATION.detect(page.lines().stream().map(PdfLines.Line::text).toList()) == PageKind.CONTENT;
      kept.add(content ? page.lines() : List.of());
      anyContent |= content && !page.lines().isEmpty();
    }
    if (!anyContent) {
      // Nothing but navigation: better its text than nothing.
      kept = pages.stream().map(PdfLines.Page::lines).toList();
    }
    List<List<PdfLines.Line>> cleaned = RUNNING_LINES.apply(kept, PdfLines.Line::text);
    List<PdfLines.Page> result = new ArrayList<>(pageCount);
    for (int i = 0; i < pageCount; i++) {
      result.add(new PdfLines.Page(i + 1, cleaned.get(i)));
    }
    return result;
  }

  /** The text cut into sections at the headings, per page, de-hyphenated and with normal white space. */
  private static List<Piece> pieces(List<PdfLines.Page> pages, List<PdfHeadings.Heading> headings, String title) {
    HeadingPath path = new HeadingPath(title);
    String currentPath = path.current();
    int section = 0;
    int next = 0;
    List<Piece> raw = new ArrayList<>();
    for (PdfLines.Page page : pages) {
      StringBuilder text = new StringBuilder();
      List<PdfLines.Line> lines = page.lines();
      for (int i = 0; i <= lines.size(); i++) {
        boolean started = false;
        while (next < headings.size() && (headings.get(next).page() < page.number()
            || (headings.get(next).page() == page.number() && headings.get(next).line() <= i))) {
          PdfHeadings.Heading h = headings.get(next++);
          if (!started) {
            if (text.length() > 0) {
              raw.add(new Piece(section, currentPath, page.number(), text.toString()));
              text.setLength(0);
            }
            section++;
            started = true;
          }
          currentPath = path.enter(h.level(), h.title());
        }
        if (i == lines.size()) {
          break;
        }
        PdfLines.Line line = lines.get(i);
        if (text.length() > 0) {
          text.append(line.paragraphStart() ? "\n\n" : "\n");
        }
        text.append(line.text());
      }
      if (text.length() > 0) {
        raw.add(new Piece(section, currentPath, page.number(), text.toString()));
      }
    }
    Dehyphenator dehyphenator = Dehyphenator.forDocument(
        raw.stream().map(Piece::text).collect(Collectors.joining("\n")));
    TextCleaner cleaner = dehyphenator.andThen(WHITESPACE);
    List<Piece> pieces = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      Piece p = raw.get(i);
      String text = p.text();
      // A word hyphenated across a page break, within one section: join it on the earlier page.
      if (i + 1 < raw.size() && raw.get(i + 1).section() == p.section()) {
        Matcher end = TRAILING_HYPHEN.matcher(text);
        Matcher start = LEADING_WORD.matcher(raw.get(i + 1).text());
        if (end.find() && start.find()) {
          String joined = dehyphenator.clean(end.group(1) + "-\n" + start.group(1));
          text = text.substring(0, end.start()) + joined;
          raw.set(i + 1, new Piece(raw.get(i + 1).section(), raw.get(i + 1).headingPath(), raw.get(i + 1).page(),
              raw.get(i + 1).text().substring(start.end())));
        }
      }
      text = cleaner.clean(text);
      if (!text.isEmpty()) {
        pieces.add(new Piece(p.section(), p.headingPath(), p.page(), text));
      }
    }
    return pieces;
  }

  private static PDDocument load(Content content) throws IOException {
    if (content.file().isPresent()) {
      return Loader.loadPDF(new RandomAccessReadBufferedFile(content.file().get().toFile()));
    }
    return Loader.loadPDF(content.bytes().orElseThrow());
  }


}
