package dev.protoshift.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeBucketsTest {

  @Test
  void sum_window_countsOnlyTheBucketsItOverlaps() {
    TimeBuckets<String> b = new TimeBuckets<>(100, 10_000, 2);
    b.add(50, "a", 1, 10);
    b.add(150, "a", 2, 20);
    b.add(160, "b", 5, 0);
    b.add(350, "a", 4, 40);

    assertThat(b.sum(0, 1_000).get("a")).containsExactly(7, 70);
    assertThat(b.sum(100, 199).get("a")).containsExactly(2, 20);
    assertThat(b.sum(100, 199).get("b")).containsExactly(5, 0);
    assertThat(b.sum(199, 300)).containsOnlyKeys("a", "b"); // rounded out to the bucket of 199
    assertThat(b.sum(200, 299)).isEmpty();
    assertThat(b.sum(301, 400).get("a")).containsExactly(4, 40);
  }

  @Test
  void add_pastTheRetention_dropsOldBuckets() {
    TimeBuckets<String> b = new TimeBuckets<>(100, 1_000, 1);
    b.add(0, "a", 1);
    b.add(1_099, "a", 2);
    assertThat(b.oldestMillis()).isZero();
    b.add(1_100, "a", 4); // the bucket [0, 100) is now older than the retention

    assertThat(b.oldestMillis()).isEqualTo(1_000);
    assertThat(b.sum(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2).get("a")).containsExactly(6);
  }

  @Test
  void add_clockSteppedBack_countsInTheNewestBucket() {
    TimeBuckets<String> b = new TimeBuckets<>(100, 10_000, 1);
    b.add(500, "a", 1);
    b.add(120, "a", 1);

    assertThat(b.sum(500, 599).get("a")).containsExactly(2);
  }

  @Test
  void add_wrongNumberOfAmounts_isRefused() {
    TimeBuckets<String> b = new TimeBuckets<>(100, 1_000, 2);
    assertThatThrownBy(() -> b.add(0, "a", 1)).hasMessageContaining("expected 2 amounts, got 1");
    assertThatThrownBy(() -> new TimeBuckets<String>(100, 50, 1)).hasMessageContaining("retention (50 ms)");
  }

  @Test
  void sum_ofDisjointWindows_addsUpToTheSumOfTheirUnion() {
    qt().forAll(lists().of(integers().between(0, 5_000)).ofSizeBetween(0, 60), integers().between(1, 49))
        .checkAssert((times, cut) -> {
          TimeBuckets<String> b = new TimeBuckets<>(100, 100_000, 1);
          List<Integer> sorted = times.stream().sorted().toList();
          sorted.forEach(t -> b.add(t, "k", 1));
          long split = cut * 100L; // a bucket boundary
          long whole = total(b.sum(0, 5_000));
          long parts = total(b.sum(0, split - 1)) + total(b.sum(split, 5_000));
          assertThat(whole).isEqualTo(sorted.size());
          assertThat(parts).isEqualTo(whole);
        });
  }

  private static long total(Map<String, long[]> sums) {
    return sums.values().stream().mapToLong(c -> c[0]).sum();
  }
}
