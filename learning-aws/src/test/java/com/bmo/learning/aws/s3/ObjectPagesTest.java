package com.bmo.learning.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectPagesTest {

  @Test
  void keysSortInUtf8ByteOrderAsS3ListsThem() {
    // U+FF21 (fullwidth A) is 3 bytes in UTF-8, U+1F600 (emoji) is 4 bytes starting 0xF0: the emoji sorts
    // last in S3, though its UTF-16 form (a surrogate pair, 0xD83D...) compares lower as a Java String.
    List<String> keys = new ArrayList<>(List.of("k/😀", "k/Ａ", "k/a", "k/"));
    keys.sort(ObjectPages::compareAsUtf8);
    assertThat(keys).containsExactly("k/", "k/a", "k/Ａ", "k/😀");
    assertThat("k/😀".compareTo("k/Ａ")).isNegative(); // what String order would have done
  }
}
