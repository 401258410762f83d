package com.bmo.learning.ingestion.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyGlobTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource(delimiter = '|', textBlock = """
      **/*.pdf        | a.pdf                | true
      **/*.pdf        | x/y/z/a.pdf          | true
      **/*.pdf        | x/a.PDF              | false
      **/*.pdf        | x/a.pdf.txt          | false
      *.pdf           | a.pdf                | true
      *.pdf           | x/a.pdf              | false
      x/*.md          | x/r.md               | true
      x/*.md          | x/y/r.md             | false
      x/**            | x/y/r.md             | true
      **              | anything/at/all      | true
      **/*.{pdf,md}   | c/r.md               | true
      **/*.{pdf,md}   | c/r.txt              | false
      lesson-?.txt    | lesson-1.txt         | true
      lesson-?.txt    | lesson-10.txt        | false
      lesson-[0-4].*  | lesson-3.md          | true
      lesson-[!0-4].* | lesson-3.md          | false
      lesson-[!0-4].* | lesson-7.md          | true
      a\\*b.txt       | a*b.txt              | true
      a\\*b.txt       | axb.txt              | false
      (1)+.txt        | (1)+.txt             | true
      **/week-*/*.pdf | 2024/week-01/a.pdf   | true
      **/week-*/*.pdf | week-01/a.pdf        | true
      **/week-*/*.pdf | 2024/week-01/x/a.pdf | false
      """)
  void matchesLikeJavaGlobs(String glob, String key, boolean matches) {
    assertThat(KeyGlob.compile(glob).matches(key)).isEqualTo(matches);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[abc", "{a,b", "{a,{b}}", "x\\", "[a/b]", ""})
  void malformedGlobsAreRejected(String glob) {
    assertThatThrownBy(() -> KeyGlob.compile(glob)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("glob");
  }
}
