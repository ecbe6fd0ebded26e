package dev.protoshift.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationTextTest {

  @Test
  void parse_unitsAndIso() {
    assertThat(DurationText.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(DurationText.parse("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(DurationText.parse(" 10m ")).isEqualTo(Duration.ofMinutes(10));
    assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(DurationText.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void parse_garbage_namesTheValue() {
    assertThatThrownBy(() -> DurationText.parse("ten seconds"))
        .isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessageContaining("\"ten seconds\"");
    assertThatThrownBy(() -> DurationText.parse("PT-5S")).hasMessageContaining("negative");
    assertThatThrownBy(() -> DurationText.parse("5w")).hasMessageContaining("\"5w\"");
    assertThat(DurationText.parse("2d")).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void format_readable() {
    assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(DurationText.format(Duration.ofMinutes(10))).isEqualTo("10m");
    assertThat(DurationText.format(Duration.ofSeconds(10))).isEqualTo("10s");
    assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
  }
}
