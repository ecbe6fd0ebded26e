package dev.protoshift.versioning.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void unitsAndIso8601() {
    assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
    assertThat(Durations.parse(" 30s ")).contains(Duration.ofSeconds(30));
    assertThat(Durations.parse("15m")).contains(Duration.ofMinutes(15));
    assertThat(Durations.parse("24h")).contains(Duration.ofHours(24));
    assertThat(Durations.parse("2d")).contains(Duration.ofDays(2));
    assertThat(Durations.parse("PT1H30M")).contains(Duration.ofMinutes(90));
    assertThat(Durations.parse("0s")).contains(Duration.ZERO);
  }

  @Test
  void notADuration_isEmpty() {
    assertThat(Durations.parse(null)).isEmpty();
    assertThat(Durations.parse("")).isEmpty();
    assertThat(Durations.parse("10")).isEmpty();
    assertThat(Durations.parse("10 s")).isEmpty();
    assertThat(Durations.parse("-5s")).isEmpty();
    assertThat(Durations.parse("PT-5S")).isEmpty();
    assertThat(Durations.parse("1w")).isEmpty();
    assertThat(Durations.parse("9999999999s")).isEmpty(); // more digits than a unit form takes
  }

  @Test
  void secondsWrittenEitherWay_agree() {
    qt().forAll(integers().between(0, 999_999_999)).checkAssert(n ->
        assertThat(Durations.parse(n + "s")).isEqualTo(Durations.parse("PT" + n + "S")).contains(Duration.ofSeconds(n)));
  }

  @Test
  void arbitraryText_neverThrows() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 20)).checkAssert(s ->
        assertThat(Durations.parse(s)).satisfiesAnyOf(d -> assertThat(d).isEmpty(),
            d -> assertThat(d.get()).isGreaterThanOrEqualTo(Duration.ZERO)));
  }
}
