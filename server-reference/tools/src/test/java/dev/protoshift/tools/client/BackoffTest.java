package dev.protoshift.tools.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void delay_isWithinTheExponentialCap_andNeverAboveMax() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), 0);
    qt().forAll(integers().between(1, 1000), longs().all()).checkAssert((attempt, seed) -> {
      long cap = Math.min(10_000, 100L << Math.min(attempt - 1, 30));
      assertThat(b.delay(attempt, new SplittableRandom(seed)).toMillis()).isBetween(0L, cap);
    });
  }

  @Test
  void delay_isJittered() {
    Backoff b = Backoff.DEFAULT;
    SplittableRandom random = new SplittableRandom(1);
    long distinct = java.util.stream.IntStream.range(0, 50).mapToLong(i -> b.delay(8, random).toMillis()).distinct().count();
    assertThat(distinct).isGreaterThan(40);
  }

  @Test
  void allows_countsAttempts() {
    assertThat(new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 3).allows(3)).isTrue();
    assertThat(new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 3).allows(4)).isFalse();
    assertThat(Backoff.DEFAULT.allows(1_000_000)).isTrue();
    assertThat(Backoff.NONE.allows(1)).isFalse();
  }

  @Test
  void constructor_badValues_areRefusedNamingThem() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0)).hasMessageContaining("was PT0S");
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0)).hasMessageContaining("was PT1S");
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), -2)).hasMessageContaining("was -2");
  }
}
