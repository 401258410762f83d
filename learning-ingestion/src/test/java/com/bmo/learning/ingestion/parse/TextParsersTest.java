package com.bmo.learning.ingestion.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.ingestion.BinaryContentException;
import com.bmo.learning.ingestion.EmptyDocumentException;
import com.bmo.learning.ingestion.MetadataKeys;
import com.bmo.learning.testfixtures.TestDocuments;
import dev.langchain4j.data.document.Document;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain text with charset detection, Markdown and HTML. */
class TextParsersTest {

  private static Document one(ContentParser parser, String name, byte[] bytes) {
    List<Document> docs = parser.parse(Content.ofBytes("s3://b/" + name, name, bytes));
    assertThat(docs).hasSize(1);
    return docs.get(0);
  }

  @Test
  void utf8TextIsDecodedAsUtf8() {
    Document d = one(new PlainTextParser(), "a.txt", TestDocuments.utf8("Café – 5 € – 日本\r\nline 2\r\n"));
    assertThat(d.text()).isEqualTo("Café – 5 € – 日本\nline 2");
    assertThat(d.metadata().getString(MetadataKeys.CHARSET)).isEqualTo("UTF-8");
  }

  @Test
  void latin1TextFallsBackToALegacyCharset() {
    Document d = one(new PlainTextParser(), "a.txt", TestDocuments.latin1("Épargne à long terme: café, crème, ñ"));
    assertThat(d.text()).isEqualTo("Épargne à long terme: café, crème, ñ");
    assertThat(d.metadata().getString(MetadataKeys.CHARSET)).isEqualTo("windows-1252");
  }

  @Test
  void windows1252SpecificCharactersAreDecoded() {
    byte[] cp1252 = "Price: 5 € – “quoted”".getBytes(Charset.forName("windows-1252"));
    assertThat(one(new PlainTextParser(), "a.txt", cp1252).text()).isEqualTo("Price: 5 € – “quoted”");
  }

  @Test
  void bytesUndefinedInWindows1252SelectIso88591() {
    byte[] bytes = {'a', (byte) 0x81, 'b', (byte) 0xe9};
    TextDecoder.DecodedText t = TextDecoder.decode("s", bytes);
    assertThat(t.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(t.text()).isEqualTo("a\u0081bé");
  }

  @Test
  void byteOrderMarksAreHonouredAndRemoved() {
    byte[] utf8Bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'h', 'i'};
    assertThat(TextDecoder.decode("s", utf8Bom).text()).isEqualTo("hi");
    byte[] utf16 = "\uFEFFÉté".getBytes(StandardCharsets.UTF_16LE);
    TextDecoder.DecodedText t = TextDecoder.decode("s", utf16);
    assertThat(t.text()).isEqualTo("Été");
    assertThat(t.charset()).isEqualTo(StandardCharsets.UTF_16LE);
  }

  @Test
  void blankTextIsEmpty() {
    assertThatThrownBy(() -> one(new PlainTextParser(), "a.txt", TestDocuments.utf8(" \n\t\r\n ")))
        .isInstanceOf(EmptyDocumentException.class);
  }

  @Test
  void nulBytesAreBinary() {
    assertThatThrownBy(() -> one(new PlainTextParser(), "a.txt", new byte[] {'a', 0, 'b'}))
        .isInstanceOf(BinaryContentException.class);
  }

  @Test
  void markdownIsRenderedToPlainTextOneDocumentPerSection() {
    List<Document> docs = new MarkdownParser().parse(Content.ofBytes("s3://b/r.md", "r.md",
        TestDocuments.utf8(TestDocuments.MARKDOWN)));
    assertThat(docs).hasSize(2);
    String text = docs.get(0).text() + "\n\n" + docs.get(1).text();
    assertThat(text)
        .startsWith("Saving for Retirement")
        .contains("Start early: compound interest does the heavy lifting.")
        .contains("An RRSP lowers your taxable income.")
        .contains("TFSA")
        .contains("balance = principal * (1 + rate) ** years")
        .doesNotContain("**early**", "author: Jane", "https://example.com", "# ");
    assertThat(docs.get(1).text()).startsWith("Accounts\n\n");
    assertThat(docs).extracting(d -> d.metadata().getString(MetadataKeys.HEADING_PATH))
        .containsExactly("Saving for Retirement", "Saving for Retirement › Accounts");
    assertThat(docs).allSatisfy(d ->
        assertThat(d.metadata().getString(MetadataKeys.TITLE)).isEqualTo("Saving for Retirement"));
  }

  @Test
  void markdownWithOnlyFrontMatterIsEmpty() {
    assertThatThrownBy(() -> one(new MarkdownParser(), "r.md", TestDocuments.utf8("---\na: b\n---\n")))
        .isInstanceOf(EmptyDocumentException.class);
  }

  @Test
  void htmlKeepsOnlyVisibleText() {
    Document d = one(new HtmlParser(), "p.html", TestDocuments.utf8(TestDocuments.HTML));
    assertThat(d.text())
        .contains("Budgeting Basics")
        .contains("A budget tracks income and expenses.")
        .contains("Rent")
        .contains("Groceries")
        .contains("Review it every month.")
        .doesNotContain("tracking", "color: red", "Hidden promo", "Also hidden", "Skip navigation",
            "Enable JavaScript", "Template text", "<p>");
    assertThat(d.text()).contains("\n\n");
    assertThat(d.metadata().getString(MetadataKeys.TITLE)).isEqualTo("Budgeting Basics");
  }

  @Test
  void htmlDeclaredCharsetIsUsed() {
    String page = "<html><head><meta charset=\"ISO-8859-1\"></head><body><p>Crème brûlée</p></body></html>";
    Document d = one(new HtmlParser(), "p.html", page.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(d.text()).isEqualTo("Crème brûlée");
    assertThat(d.metadata().getString(MetadataKeys.CHARSET)).isEqualTo("ISO-8859-1");
    String undeclared = "<p>Crème</p>";
    assertThat(one(new HtmlParser(), "p.htm", undeclared.getBytes(StandardCharsets.ISO_8859_1)).text())
        .isEqualTo("Crème");
  }

  @Test
  void htmlWithoutVisibleTextIsEmpty() {
    assertThatThrownBy(() -> one(new HtmlParser(), "p.html",
        TestDocuments.utf8("<html><head><title>T</title><script>x()</script></head><body> </body></html>")))
        .isInstanceOf(EmptyDocumentException.class);
  }
}
