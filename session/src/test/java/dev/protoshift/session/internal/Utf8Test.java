package dev.protoshift.session.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

  @Test
  void length_equalsTheEncodedLength_forAnyString() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 64))
        .checkAssert(s -> assertThat(Utf8.length(s)).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length));
  }

  @Test
  void length_examples() {
    assertThat(Utf8.length("a")).isEqualTo(1);
    assertThat(Utf8.length("é")).isEqualTo(2);
    assertThat(Utf8.length("€")).isEqualTo(3);
    assertThat(Utf8.length("👻")).isEqualTo(4);
    assertThat(Utf8.length("\uD83D")).isEqualTo(1);
  }
}
