package dev.protoshift.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CloseCodeTest {

  @Test
  void codes_areUniqueAndInTheRangesAServerMaySend() {
    assertThat(Arrays.stream(CloseCode.values()).map(CloseCode::code)).doesNotHaveDuplicates();
    for (CloseCode c : CloseCode.values()) {
      assertThat(c.code()).as(c.label()).satisfiesAnyOf(
          code -> assertThat(code).isBetween(1000, 1014),
          code -> assertThat(code).isBetween(4000, 4999));
    }
  }

  @Test
  void of_findsOurCodes() {
    assertThat(CloseCode.of(1012)).contains(CloseCode.SERVICE_RESTART);
    assertThat(CloseCode.of(4004)).contains(CloseCode.TOO_SLOW);
    assertThat(CloseCode.of(4999)).isEmpty();
  }

  @Test
  void reason_isCutTo123BytesWithoutSplittingACharacter() {
    String ghosts = "👻".repeat(40); // 160 bytes
    String cut = CloseCode.reason(ghosts);
    assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123).isEqualTo(120);
    assertThat(cut).isEqualTo("👻".repeat(30));
    assertThat(CloseCode.reason("short")).isEqualTo("short");
    assertThat(CloseCode.reason(null)).isEmpty();
  }
}
