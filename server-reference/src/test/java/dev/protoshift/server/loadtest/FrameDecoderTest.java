package dev.protoshift.server.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.convert.WireProtocol;
import dev.protoshift.convert.game.GameProtocol;
import dev.protoshift.convert.game.Ghost;
import dev.protoshift.convert.game.RoomState;
import dev.protoshift.versioning.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

  private final GameProtocol game = GameProtocol.reference();
  private final FrameDecoder decoder = new FrameDecoder(game);
  private final RoomState room = new RoomState(1_700_000_000_000_000L, 42,
      List.of(Ghost.of("g-1", "Blinky", 1, 2, Ghost.State.WANDERING), Ghost.of("g-2", "Pinky", 3, 4, Ghost.State.CHASING)),
      null, null);

  @Test
  void binary_protobufState_givesNowAndTick() throws DecodeException {
    Cohort cohort = game.cohort(WireProtocol.PROTOBUF, ProtocolVersion.parse("1.2.0"), null);
    byte[] frame = game.encodeState(room, cohort).forRecipient("g-1");
    assertThat(decoder.binary(frame, cohort.view())).isEqualTo(new FrameDecoder.State(1_700_000_000_000_000L, 42));
  }

  @Test
  void text_legacyJsonState_givesNowAndTick() throws DecodeException {
    Cohort cohort = game.cohort(WireProtocol.JSON, null, null);
    String frame = new String(game.encodeState(room, cohort).forRecipient("g-2"), StandardCharsets.UTF_8);
    assertThat(decoder.text(frame, cohort.view())).isEqualTo(new FrameDecoder.State(1_700_000_000_000_000L, 42));
  }

  @Test
  void text_protocolSwitch() throws DecodeException {
    String frame = "{\"type\":\"protocol_switch\",\"protocol\":\"json\",\"version\":\"1.1.0\",\"reason\":\"kill_switch\",\"from_tick\":1235}";
    assertThat(decoder.text(frame, game.view(null, null)))
        .isEqualTo(new FrameDecoder.Switch("json", "1.1.0", "kill_switch", 1235));
  }

  @Test
  void text_helloAckAndReject() throws DecodeException {
    assertThat(decoder.text("{\"type\":\"hello_ack\",\"protocol\":\"json\",\"features\":[],\"reason\":\"no_client_support\"}",
        game.view(null, null))).isEqualTo(new FrameDecoder.HelloAck("json", "none", "no_client_support"));
    assertThat(decoder.text("{\"type\":\"hello_reject\",\"reason\":\"too_old\",\"message\":\"m\"}", game.view(null, null)))
        .isEqualTo(new FrameDecoder.HelloReject("too_old", "m"));
  }

  @Test
  void binary_garbage_isADecodeException() {
    assertThatThrownBy(() -> decoder.binary(new byte[] {1, 2, 3, 4, 5}, game.view(null, null)))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void text_switchToAnUnknownProtocol_isADecodeException() {
    assertThatThrownBy(() -> decoder.text("{\"type\":\"protocol_switch\",\"protocol\":\"xml\"}", game.view(null, null)))
        .isInstanceOf(DecodeException.class).hasMessageContaining("\"xml\"");
  }
}
