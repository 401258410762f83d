package com.bmo.learning.service.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "lesson.pdf                     | PDF      | lesson.pdf",
      "../../etc/passwd.pdf           | PDF      | passwd.pdf",
      "C:\\Users\\ana\\My Notes.PDF   | PDF      | My-Notes.pdf",
      "Cell Biology (v2).pdf          | PDF      | Cell-Biology-v2.pdf",
      "Résumé à l'école.md            | MARKDOWN | Resume-a-l-ecole.md",
      ".hidden.md                     | MARKDOWN | hidden.md",
      "notes.txt                      | PDF      | notes.pdf",
      "README                         | MARKDOWN | README.md",
      "数学.pdf                       | PDF      | document.pdf",
      "'   '                          | TEXT     | document.txt",
      "a..b...c.html                  | HTML     | a.b.c.html",
  })
  void namesAreSafeAndEndWithAnExtensionOfTheDetectedType(String original, FileType type, String expected) {
    assertThat(FileNames.safeName(original, type)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"PDF", "TEXT"})
  void longNamesAreCutKeepingTheExtension(FileType type) {
    String name = FileNames.safeName("x".repeat(500) + ".pdf", type);
    assertThat(name).hasSizeLessThanOrEqualTo(FileNames.MAX_LENGTH);
    assertThat(type.hasExtension(name)).isTrue();
  }
}
