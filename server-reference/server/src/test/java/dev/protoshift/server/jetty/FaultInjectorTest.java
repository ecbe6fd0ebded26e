package dev.protoshift.server.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.protoshift.proto.game.Move;
import dev.protoshift.proto.game.PlayerInput;
import dev.protoshift.proto.game.WsEnvelope;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  static ByteBuffer validFrame() {
    return ByteBuffer.wrap(WsEnvelope.newBuilder()
        .setPlayerInput(PlayerInput.newBuilder().setClientSeq(1).setMove(Move.newBuilder().setDx(1))).build()
        .toByteArray());
  }

  @Test
  void off_returnsTheFrameItself() {
    ByteBuffer frame = validFrame();
    assertThat(FaultInjector.off().maybeCorrupt(frame)).isSameAs(frame);
    assertThat(FaultInjector.off().enabled()).isFalse();
  }

  @Test
  void share_corruptsAboutThatShare_deterministicallyPerSeed() {
    FaultInjector injector = new FaultInjector(0.25, 42);
    int corrupted = 0;
    for (int i = 0; i < 10_000; i++) {
      ByteBuffer frame = validFrame();
      if (FaultInjector.corrupted(frame, injector.maybeCorrupt(frame))) {
        corrupted++;
      }
    }
    assertThat(corrupted).isBetween(2_300, 2_700);
  }

  @Test
  void corruptedFrame_alwaysFailsToDecode_andTheOriginalIsUntouched() {
    FaultInjector always = new FaultInjector(1, 1);
    ByteBuffer frame = validFrame();
    ByteBuffer result = always.maybeCorrupt(frame);
    assertThat(frame.get(0)).isNotEqualTo((byte) 0xFF);
    assertThatThrownBy(() -> WsEnvelope.parseFrom(result)).isInstanceOf(InvalidProtocolBufferException.class);
    assertThat(always.maybeCorrupt(ByteBuffer.allocate(0)).remaining()).isEqualTo(1);
  }

  @Test
  void constructor_shareOutsideZeroToOne_isRefused() {
    assertThatThrownBy(() -> new FaultInjector(1.5, 0)).hasMessageContaining("was 1.5");
    assertThatThrownBy(() -> new FaultInjector(Double.NaN, 0)).hasMessageContaining("was NaN");
  }
}
