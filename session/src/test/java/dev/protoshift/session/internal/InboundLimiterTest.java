package dev.protoshift.session.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.session.internal.InboundLimiter.Verdict;
import org.junit.jupiter.api.Test;

class InboundLimiterTest {

  static final long MS = 1_000_000L;

  @Test
  void check_withinBurst_acceptsThenDrops() {
    InboundLimiter limiter = new InboundLimiter(10, 3, 100, 10_000 * MS, 0);
    assertThat(limiter.check(0)).isEqualTo(Verdict.ACCEPT);
    assertThat(limiter.check(0)).isEqualTo(Verdict.ACCEPT);
    assertThat(limiter.check(0)).isEqualTo(Verdict.ACCEPT);
    assertThat(limiter.check(0)).isEqualTo(Verdict.DROP);
  }

  @Test
  void check_atTheSustainedRate_acceptsEverything() {
    InboundLimiter limiter = new InboundLimiter(20, 1, 5, 10_000 * MS, 0);
    for (int i = 1; i <= 1000; i++) {
      assertThat(limiter.check(i * 50 * MS)).as("message %d", i).isEqualTo(Verdict.ACCEPT);
    }
  }

  @Test
  void check_floodBeyondTheDropAllowance_closes() {
    InboundLimiter limiter = new InboundLimiter(10, 1, 5, 10_000 * MS, 0);
    assertThat(limiter.check(0)).isEqualTo(Verdict.ACCEPT);
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.check(0)).isEqualTo(Verdict.DROP);
    }
    assertThat(limiter.check(0)).isEqualTo(Verdict.CLOSE);
  }

  @Test
  void check_dropsSpreadOverWindows_doNotClose() {
    InboundLimiter limiter = new InboundLimiter(1, 1, 2, 1_000 * MS, 0);
    long t = 0;
    for (int window = 0; window < 10; window++) {
      t = window * 1_000 * MS + 1;
      limiter.check(t);
      assertThat(limiter.check(t)).isEqualTo(Verdict.DROP);
      assertThat(limiter.check(t)).isEqualTo(Verdict.DROP);
    }
  }

  @Test
  void constructor_badLimits_areRefusedWithTheValue() {
    assertThatThrownBy(() -> new InboundLimiter(0, 1, 1, 1, 0)).hasMessageContaining("was 0.0");
    assertThatThrownBy(() -> new InboundLimiter(Double.NaN, 1, 1, 1, 0)).hasMessageContaining("was NaN");
    assertThatThrownBy(() -> new InboundLimiter(1, 0, 1, 1, 0)).hasMessageContaining("burst must be at least 1, was 0");
    assertThatThrownBy(() -> new InboundLimiter(1, 1, 0, 1, 0)).hasMessageContaining("was 0");
  }
}
