package dev.protoshift.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

  static SequenceTracker feed(long... ticks) {
    SequenceTracker t = new SequenceTracker();
    for (long tick : ticks) {
      t.observe(tick);
    }
    return t;
  }

  @Test
  void consecutiveTicks_haveNoGapsOrRepeats() {
    SequenceTracker t = feed(7, 8, 9, 10);
    assertThat(t.gaps()).isZero();
    assertThat(t.repeats()).isZero();
    assertThat(t.received()).isEqualTo(4);
    assertThat(t.last()).isEqualTo(10);
  }

  @Test
  void aJump_countsTheMissingTicks() {
    assertThat(feed(1, 2, 5, 6, 8).gaps()).isEqualTo(3);
  }

  @Test
  void aRepeatOrAStepBack_countsARepeatAndDoesNotMoveLast() {
    SequenceTracker t = feed(1, 2, 2, 1, 3);
    assertThat(t.repeats()).isEqualTo(2);
    assertThat(t.gaps()).isZero();
    assertThat(t.last()).isEqualTo(3);
  }

  @Test
  void restart_forgetsTheLastTick() {
    SequenceTracker t = feed(1, 2);
    t.restart();
    t.observe(40);
    assertThat(t.gaps()).isZero();
    assertThat(t.last()).isEqualTo(40);
  }
}
