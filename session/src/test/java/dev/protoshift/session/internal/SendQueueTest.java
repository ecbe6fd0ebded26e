package dev.protoshift.session.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.session.internal.SendQueue.Offer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SendQueueTest {

  /** A sink that completes writes only when told to, like a socket whose buffer is full. */
  static final class ManualSink implements SendQueue.Sink {
    final List<OutboundFrame> written = new ArrayList<>();
    final List<SendQueue.WriteCallback> pending = new ArrayList<>();
    boolean autoComplete;

    @Override
    public void write(OutboundFrame frame, SendQueue.WriteCallback callback) {
      written.add(frame);
      if (autoComplete) {
        callback.succeeded();
      } else {
        pending.add(callback);
      }
    }

    void completeOne() {
      pending.remove(0).succeeded();
    }

    List<String> log() {
      return written.stream().map(f -> f.kind() == OutboundFrame.Kind.STATE ? "state" + f.tick() : f.text()).toList();
    }
  }

  final AtomicLong clock = new AtomicLong(1_000);
  final ManualSink sink = new ManualSink();
  final SendQueue queue = new SendQueue(sink, 4, clock::get);

  static OutboundFrame state(long tick) {
    return OutboundFrame.binaryState(tick, ByteBuffer.wrap(new byte[] {(byte) tick, 1, 2}));
  }

  @Test
  void offerState_fastClient_sendsEveryStateInOrder() {
    sink.autoComplete = true;
    for (long t = 1; t <= 5; t++) {
      assertThat(queue.offerState(state(t))).isEqualTo(Offer.QUEUED);
    }
    assertThat(sink.log()).containsExactly("state1", "state2", "state3", "state4", "state5");
    assertThat(queue.dropped()).isZero();
    assertThat(queue.sentFrames()).isEqualTo(5);
    assertThat(queue.sentBytes()).isEqualTo(15);
    assertThat(queue.behindNanos()).isZero();
  }

  @Test
  void closeAfterControl_sendsTheWaitingControlFramesButNotTheState_thenRunsOnce() {
    java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();
    queue.offerState(state(1)); // in flight
    queue.offerControl(OutboundFrame.control("{\"type\":\"hello_reject\"}"));
    queue.offerState(state(2)); // waiting: dropped by the close

    queue.closeAfterControl(ran::incrementAndGet);
    assertThat(queue.offerControl(OutboundFrame.control("late"))).isEqualTo(Offer.CLOSED);
    assertThat(ran).hasValue(0);
    sink.completeOne();
    sink.completeOne();

    assertThat(sink.log()).hasSize(2).startsWith("state1");
    assertThat(ran).hasValue(1);
    queue.closeAfterControl(ran::incrementAndGet);
    assertThat(ran).hasValue(1);
  }

  @Test
  void closeAfterControl_onAnIdleQueue_runsAtOnce() {
    java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();

    queue.closeAfterControl(ran::incrementAndGet);

    assertThat(ran).hasValue(1);
  }

  @Test
  void offerState_whileOneWaits_dropsTheOlderAndCountsIt() {
    queue.offerState(state(1)); // in flight
    assertThat(queue.offerState(state(2))).isEqualTo(Offer.QUEUED);
    assertThat(queue.offerState(state(3))).isEqualTo(Offer.SUPERSEDED);
    assertThat(queue.offerState(state(4))).isEqualTo(Offer.SUPERSEDED);
    sink.completeOne();
    sink.completeOne();

    assertThat(sink.log()).containsExactly("state1", "state4");
    assertThat(queue.dropped()).isEqualTo(2);
    assertThat(queue.waiting()).isZero();
  }

  @Test
  void offerControl_isNeverDroppedAndKeepsItsPlaceBeforeLaterStates() {
    queue.offerState(state(1)); // in flight
    queue.offerState(state(2)); // waits, will be superseded
    queue.offerControl(OutboundFrame.control("switch"));
    queue.offerState(state(3));
    sink.completeOne();
    sink.completeOne();
    sink.completeOne();

    assertThat(sink.log()).containsExactly("state1", "switch", "state3");
    assertThat(queue.dropped()).isEqualTo(1);
  }

  @Test
  void offerControl_beyondTheLimit_overflows() {
    queue.offerState(state(1)); // in flight, never completes
    for (int i = 0; i < 4; i++) {
      assertThat(queue.offerControl(OutboundFrame.control("c" + i))).isEqualTo(Offer.QUEUED);
    }
    assertThat(queue.offerControl(OutboundFrame.control("c4"))).isEqualTo(Offer.OVERFLOW);
  }

  @Test
  void behindNanos_growsWhileTheClientLags_andResetsOnceItCatchesUp() {
    queue.offerState(state(1)); // in flight
    clock.addAndGet(50);
    queue.offerState(state(2)); // behind from now
    clock.addAndGet(70);
    queue.offerState(state(3));
    assertThat(queue.behindNanos()).isEqualTo(70);

    sink.completeOne(); // state 1 done, state 3 goes out
    sink.completeOne(); // state 3 done: idle
    queue.offerState(state(4)); // offered to an idle queue: caught up
    assertThat(queue.behindNanos()).isZero();
  }

  @Test
  void close_discardsWaitingFramesAndRefusesNewOnes() {
    queue.offerState(state(1));
    queue.offerState(state(2));
    queue.close();
    sink.completeOne();

    assertThat(sink.log()).containsExactly("state1");
    assertThat(queue.offerState(state(3))).isEqualTo(Offer.CLOSED);
    assertThat(queue.offerControl(OutboundFrame.control("x"))).isEqualTo(Offer.CLOSED);
  }

  @Test
  void writeFailure_closesTheQueue() {
    List<SendQueue.WriteCallback> callbacks = new ArrayList<>();
    SendQueue failing = new SendQueue((f, cb) -> callbacks.add(cb), 2, clock::get);
    failing.offerState(state(1));
    callbacks.get(0).failed(new java.io.IOException("broken pipe"));

    assertThat(failing.offerState(state(2))).isEqualTo(Offer.CLOSED);
  }

  @Test
  void offer_wrongKind_isRefused() {
    assertThatThrownBy(() -> queue.offerState(OutboundFrame.control("x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a state frame");
    assertThatThrownBy(() -> queue.offerControl(state(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a control frame");
  }

  @Test
  void binaryPayload_isSharedWithoutBeingConsumed() {
    sink.autoComplete = true;
    OutboundFrame shared = state(7);
    shared.binary().get(); // a reader moving its view's position
    assertThat(shared.binary().remaining()).isEqualTo(3);
    assertThat(shared.size()).isEqualTo(3);
  }

  @Test
  void constructor_nonPositiveControlLimit_isRefusedWithTheValue() {
    assertThatThrownBy(() -> new SendQueue(sink, 0, clock::get)).hasMessageContaining("was 0");
  }
}
