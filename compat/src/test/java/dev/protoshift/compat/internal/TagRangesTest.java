package dev.protoshift.compat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.protoshift.compat.internal.TagRanges.Range;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class TagRangesTest {

  @Test
  void missing_listsTheUncoveredParts() {
    assertThat(TagRanges.missing(new Range(5, 10), List.of(new Range(5, 5), new Range(7, 8))))
        .containsExactly(new Range(6, 6), new Range(9, 10));
    assertThat(TagRanges.missing(new Range(1, 1), List.of())).containsExactly(new Range(1, 1));
    assertThat(TagRanges.missing(new Range(3, 4), List.of(new Range(1, 9)))).isEmpty();
  }

  @Test
  void text_usesBufsNotation() {
    assertThat(TagRanges.text(new Range(5, 5), TagRanges.MESSAGE_MAX)).isEqualTo("[5]");
    assertThat(TagRanges.text(new Range(5, 9), TagRanges.MESSAGE_MAX)).isEqualTo("[5,9]");
    assertThat(TagRanges.text(new Range(100, TagRanges.MESSAGE_MAX), TagRanges.MESSAGE_MAX)).isEqualTo("[100,max]");
  }

  @Test
  void missing_partitionsTheRange() {
    // Law: every number of the range is either covered by a range or in exactly one missing part.
    Gen<Range> ranges = integers().between(0, 60).zip(integers().between(0, 20), (s, len) -> new Range(s, s + len));
    qt().forAll(ranges, lists().of(ranges).ofSizeBetween(0, 6)).checkAssert((range, cover) -> {
      List<Range> missing = TagRanges.missing(range, cover);
      for (int n = range.start(); n <= range.end(); n++) {
        int number = n;
        boolean covered = cover.stream().anyMatch(r -> r.start() <= number && number <= r.end());
        long inMissing = missing.stream().filter(r -> r.start() <= number && number <= r.end()).count();
        assertThat(inMissing).isEqualTo(covered ? 0 : 1);
      }
      assertThat(missing).allMatch(r -> r.start() >= range.start() && r.end() <= range.end() && r.start() <= r.end());
    });
  }
}
