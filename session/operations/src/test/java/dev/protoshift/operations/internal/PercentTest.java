package dev.protoshift.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PercentTest {

  @Test
  void format_neverRoundsToZeroOrAllWhenItIsNot() {
    assertThat(Percent.format(0)).isEqualTo("0%");
    assertThat(Percent.format(0.00001)).isEqualTo("<0.01%");
    assertThat(Percent.format(0.031)).isEqualTo("3.1%");
    assertThat(Percent.format(0.0005)).isEqualTo("0.05%");
    assertThat(Percent.format(0.99999)).isEqualTo(">99.99%");
    assertThat(Percent.format(1)).isEqualTo("100%");
  }

  @Test
  void duration_inHoursMinutesSeconds() {
    assertThat(Percent.duration(Duration.ofHours(1))).isEqualTo("1h");
    assertThat(Percent.duration(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Percent.duration(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(Percent.duration(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(Percent.duration(Duration.ZERO)).isEqualTo("0s");
  }
}
