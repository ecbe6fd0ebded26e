package dev.protoshift.session.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ErrorWindowTest {

  @Test
  void record_moreThanTheLimitWithinTheWindow_trips() {
    ErrorWindow w = new ErrorWindow(3, 1_000);
    assertThat(w.record(0)).isFalse();
    assertThat(w.record(10)).isFalse();
    assertThat(w.record(20)).isFalse();
    assertThat(w.record(30)).isTrue();
  }

  @Test
  void record_eventsOlderThanTheWindow_areForgotten() {
    ErrorWindow w = new ErrorWindow(2, 1_000);
    w.record(0);
    w.record(500);
    assertThat(w.record(1_000)).isFalse(); // the event at 0 left the window
    assertThat(w.count()).isEqualTo(2);
    assertThat(w.record(1_400)).isTrue();
  }

  @Test
  void reset_forgetsEverything() {
    ErrorWindow w = new ErrorWindow(1, 1_000);
    w.record(0);
    w.reset();
    assertThat(w.record(1)).isFalse();
  }

  @Test
  void constructor_badValues_areNamed() {
    assertThatThrownBy(() -> new ErrorWindow(0, 1)).hasMessageContaining("was 0");
    assertThatThrownBy(() -> new ErrorWindow(1, 0)).hasMessageContaining("was 0 ns");
  }
}
