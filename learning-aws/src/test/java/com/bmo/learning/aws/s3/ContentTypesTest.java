package com.bmo.learning.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypesTest {

  @ParameterizedTest
  @CsvSource({
      "lessons/intro.pdf, application/pdf",
      "lessons/INTRO.PDF, application/pdf",
      "notes.md, text/markdown",
      "a/b/c.json, application/json",
      "img.JPEG, image/jpeg",
      "backup/index-2024.tar.gz, application/gzip",
      "slides.pptx, application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "page.html, text/html",
      "noextension, application/octet-stream",
      "dir.with.dots/file, application/octet-stream",
      ".hidden, application/octet-stream",
      "trailing., application/octet-stream",
      "weird.unknownext, application/octet-stream"})
  void detectsFromTheExtension(String name, String type) {
    assertThat(ContentTypes.detect(name)).isEqualTo(type);
  }
}
