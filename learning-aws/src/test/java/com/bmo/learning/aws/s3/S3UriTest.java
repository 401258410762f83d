package com.bmo.learning.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.aws.s3.InvalidS3UriException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3UriTest {

  @ParameterizedTest(name = "{0} -> bucket={1} key={2} prefix={3}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      s3://lessons/course/intro.pdf            | lessons     | course/intro.pdf     | false
      S3://lessons/intro.pdf                   | lessons     | intro.pdf            | false
      "  s3://lessons/intro.pdf  "             | lessons     | intro.pdf            | false
      s3://lessons/course/                     | lessons     | course/              | true
      s3://lessons/                            | lessons     | ""                   | true
      s3://lessons                             | lessons     | ""                   | true
      s3://my.bucket-01/a/b/c.md               | my.bucket-01| a/b/c.md             | false
      s3://lessons/My%20Lesson.pdf             | lessons     | My Lesson.pdf        | false
      s3://lessons/%C3%9Cber%20Kurs/%E2%82%AC.md | lessons   | Über Kurs/€.md       | false
      s3://lessons/Über Kurs/日本語.txt          | lessons     | Über Kurs/日本語.txt   | false
      s3://lessons/100%.txt                    | lessons     | 100%.txt             | false
      s3://lessons/a%2Fb.txt                   | lessons     | a/b.txt              | false
      s3://lessons/q?x=1#frag                  | lessons     | q?x=1#frag           | false
      s3://lessons//double                     | lessons     | /double              | false
      """)
  void parsesValidUris(String input, String bucket, String key, boolean prefix) {
    S3Uri uri = S3Uri.parse(input);
    assertThat(uri.bucket()).isEqualTo(bucket);
    assertThat(uri.key()).isEqualTo(key);
    assertThat(uri.isPrefix()).isEqualTo(prefix);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      ""                                  | EMPTY
      "   "                               | EMPTY
      lessons/intro.pdf                   | SCHEME
      http://lessons/intro.pdf            | SCHEME
      s3a://lessons/intro.pdf             | SCHEME
      file:///tmp/intro.pdf               | SCHEME
      s3:/lessons/intro.pdf               | SCHEME
      s3:///intro.pdf                     | MISSING_BUCKET
      s3://                               | MISSING_BUCKET
      s3://Lessons/intro.pdf              | INVALID_BUCKET
      s3://le/intro.pdf                   | INVALID_BUCKET
      s3://lessons_2024/intro.pdf         | INVALID_BUCKET
      s3://192.168.5.4/intro.pdf          | INVALID_BUCKET
      s3://-lessons/intro.pdf             | INVALID_BUCKET
      s3://lessons/%FF%FE.txt             | INVALID_ENCODING
      """)
  void rejectsInvalidUris(String input, Reason reason) {
    assertThatThrownBy(() -> S3Uri.parse(input))
        .isInstanceOfSatisfying(InvalidS3UriException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.getMessage()).contains("invalid S3 URI");
        });
  }

  @Test
  void nullIsEmpty() {
    assertThatThrownBy(() -> S3Uri.parse(null)).isInstanceOfSatisfying(InvalidS3UriException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY));
  }

  @Test
  void bucketErrorNamesTheRule() {
    assertThatThrownBy(() -> S3Uri.parse("s3://Lessons/a.pdf"))
        .hasMessageContaining("lowercase letters");
  }

  @Test
  void keyLongerThan1024Utf8BytesIsRejected() {
    String longKey = "é".repeat(513); // 1,026 bytes in UTF-8, 513 characters
    assertThatThrownBy(() -> S3Uri.parse("s3://lessons/" + longKey))
        .isInstanceOfSatisfying(InvalidS3UriException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.INVALID_KEY);
          assertThat(e.detail()).contains("1026 bytes");
        });
    assertThat(S3Uri.parse("s3://lessons/" + "é".repeat(512)).key()).hasSize(512);
  }

  @Test
  void parseObjectRequiresAKey() {
    assertThat(S3Uri.parseObject("s3://lessons/a.pdf").key()).isEqualTo("a.pdf");
    assertThatThrownBy(() -> S3Uri.parseObject("s3://lessons"))
        .isInstanceOfSatisfying(InvalidS3UriException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_KEY));
    assertThatThrownBy(() -> S3Uri.parseObject("s3://lessons/course/"))
        .isInstanceOfSatisfying(InvalidS3UriException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.MISSING_KEY);
          assertThat(e.detail()).contains("prefix");
        });
  }

  @Test
  void encodedFormRoundTripsAnyKey() {
    for (String key : new String[] {"a b/c+d.pdf", "100%.txt", "%41", "Über/日本語 #1?.md", "x/"}) {
      S3Uri uri = S3Uri.of("lessons", key);
      assertThat(S3Uri.parse(uri.toEncodedString())).isEqualTo(uri);
    }
    assertThat(S3Uri.of("lessons", "a b.pdf").toEncodedString()).isEqualTo("s3://lessons/a%20b.pdf");
    assertThat(S3Uri.of("lessons", "a b.pdf").toString()).isEqualTo("s3://lessons/a b.pdf");
  }

  @Test
  void fileNameIsTheLastSegment() {
    assertThat(S3Uri.parse("s3://lessons/course/intro.pdf").fileName()).isEqualTo("intro.pdf");
    assertThat(S3Uri.parse("s3://lessons/intro.pdf").fileName()).isEqualTo("intro.pdf");
    assertThat(S3Uri.parse("s3://lessons/course/").fileName()).isEqualTo("course");
  }

  @Test
  void ofValidatesToo() {
    assertThatThrownBy(() -> S3Uri.of("Bad_Bucket", "k")).isInstanceOf(InvalidS3UriException.class);
    assertThat(S3Uri.of("lessons", null).isPrefix()).isTrue();
  }
}
