package dev.protoshift.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.convert.testschema.board.Envelope;
import dev.protoshift.convert.testschema.board.Move;
import dev.protoshift.convert.testschema.board.Problem;
import dev.protoshift.versioning.Protocol;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

  @Test
  void decode_eachProtocol_readsWhatEncodeWrote() throws DecodeException {
    for (Protocol protocol : Protocol.values()) {
      Cohort cohort = BoardGame.cohort(protocol, "1.0.0");
      Envelope.Builder move = Envelope.newBuilder().setMove(Move.newBuilder().setPieceId("a").setDx(1).setDy(-1));

      byte[] frame = BoardGame.CODEC.encode(move.clone(), cohort);

      assertThat(BoardGame.CODEC.decode(frame, cohort).build()).as(protocol.code()).isEqualTo(move.build());
    }
  }

  @Test
  void encode_problem_isConvertedForTheView() {
    byte[] frame = BoardGame.CODEC.encode(
        Envelope.newBuilder().setProblem(Problem.newBuilder().setCode("bad_frame")), BoardGame.cohort(Protocol.PROTOBUF, "1.1.0"));

    assertThat(BoardGame.parse(frame).getProblem().getCode()).isEqualTo("bad_frame");
  }

  @Test
  void decode_garbageBinary_isMalformedNamingTheMessageType() {
    assertThatThrownBy(() -> BoardGame.CODEC.decode(new byte[] {(byte) 0xff, (byte) 0xff, 0x01},
        BoardGame.cohort(Protocol.PROTOBUF, "1.1.0")))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("not a protobuf convert.test.board.Envelope")
        .extracting(e -> ((DecodeException) e).reason()).isEqualTo(DecodeException.Reason.MALFORMED);
  }

  @Test
  void decode_badJsonText_isTheJsonCodecsError() {
    assertThatThrownBy(() -> BoardGame.CODEC.decode("{{{", BoardGame.cohort(Protocol.JSON, "1.1.0")))
        .isInstanceOf(DecodeException.class).hasMessageStartingWith("not text format");
  }
}
