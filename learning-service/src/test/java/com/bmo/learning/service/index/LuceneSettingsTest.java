package com.bmo.learning.service.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bmo.learning.search.lucene.IndexSettings;
import com.bmo.learning.search.lucene.MergeSettings;
import com.bmo.learning.service.config.ServiceProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What {@code learning.index.merge-above} / {@code merge-to} make of the Lucene backend's merging. */
class LuceneSettingsTest {

  private static ServiceProperties.Index index(int mergeAbove, int mergeTo) {
    return new ServiceProperties.Index(Path.of("data/index"), "lessons", 800, mergeAbove, mergeTo);
  }

  @Test
  void theDefaultsMergeInTheBackgroundAsLearningSearchRecommends() {
    assertThat(IndexConfiguration.luceneSettings(384, index(8, 3))).isEqualTo(IndexSettings.defaults(384));
  }

  @Test
  void mergeAboveChoosesWhenAndMergeToHowFar() {
    MergeSettings merges = IndexConfiguration.luceneSettings(384, index(20, 5)).merges();
    assertThat(merges.backgroundMerge()).isTrue();
    assertThat(merges.mergeAbove()).isEqualTo(20);
    assertThat(merges.mergeTo()).isEqualTo(5);
  }

  @Test
  void mergeAboveZeroTurnsTheBackgroundMergeOff() {
    assertThat(IndexConfiguration.luceneSettings(384, index(0, 3)).merges().backgroundMerge()).isFalse();
  }

  @Test
  void mergeToNotBelowMergeAboveIsRefusedNamingTheProperties() {
    assertThatThrownBy(() -> IndexConfiguration.luceneSettings(384, index(3, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learning.index.merge-to (3)")
        .hasMessageContaining("learning.index.merge-above (3)");
  }
}
