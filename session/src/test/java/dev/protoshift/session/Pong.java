package dev.protoshift.session;

import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.TextFormat;
import dev.protoshift.convert.CohortEncoder;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.convert.JsonCodec;
import dev.protoshift.convert.MessageCodec;
import dev.protoshift.convert.VersionChain;
import dev.protoshift.convert.VersionChange;
import dev.protoshift.session.testgame.Court;
import dev.protoshift.session.testgame.Paddle;
import dev.protoshift.session.testgame.PongMessage;
import dev.protoshift.session.testgame.Problem;
import java.nio.charset.StandardCharsets;

/** The test game, wired as an adopter wires theirs. */
final class Pong {

  private Pong() {}

  /** 1.1.0: y travels as a number; before, as the text legacy_y. */
  @SuppressWarnings("deprecation")
  static final class YBecameANumber implements VersionChange<PongMessage.Builder> {
    @Override
    public String title() {
      return "y as a number";
    }

    @Override
    public String description() {
      return "Paddles' y was the text legacy_y before 1.1.0.";
    }

    @Override
    public PongMessage.Builder downgrade(PongMessage.Builder m) {
      if (m.hasCourt()) {
        for (Paddle.Builder p : m.getCourtBuilder().getPaddlesBuilderList()) {
          p.setLegacyY(Integer.toString(p.getY())).clearY();
        }
      }
      return m;
    }

    @Override
    public PongMessage.Builder upgrade(PongMessage.Builder m) {
      return m;
    }
  }

  static final VersionChain<PongMessage.Builder> CHAIN = VersionChain.<PongMessage.Builder>startingAt("1.0.0", "First.")
      .release("1.1.0", new YBecameANumber())
      .build();

  /** A stand-in JSON codec: protobuf's text format (these tests are about sessions, not JSON). */
  static final JsonCodec TEXT = new JsonCodec() {
    @Override
    public byte[] write(MessageOrBuilder message) {
      return TextFormat.printer().emittingSingleLine(true).printToString(message).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void read(byte[] utf8, Message.Builder builder) throws DecodeException {
      try {
        TextFormat.merge(new String(utf8, StandardCharsets.UTF_8), builder);
      } catch (TextFormat.ParseException e) {
        throw DecodeException.malformed("not text format: " + e.getMessage(), e);
      }
    }
  };

  static final MessageCodec<PongMessage.Builder> CODEC = MessageCodec.of(CHAIN, PongMessage::newBuilder, TEXT);

  static final CohortEncoder<Court> STATES = CohortEncoder.builder(CODEC,
      (Court court) -> PongMessage.newBuilder().setCourt(court)).build();

  static final ErrorEncoder ERRORS = (code, message, cohort) ->
      CODEC.encode(PongMessage.newBuilder().setProblem(Problem.newBuilder().setCode(code).setMessage(message)), cohort);

  static Court court(long tick, int paddles) {
    Court.Builder c = Court.newBuilder().setTick(tick);
    for (int i = 0; i < paddles; i++) {
      c.addPaddles(Paddle.newBuilder().setId("p" + i).setY((int) (tick * 3 + i)));
    }
    return c.build();
  }

  /** The tick of a state frame as a client reads it, or -1 if the frame is not a state. */
  static long tickOf(byte[] payload, boolean binary) {
    try {
      PongMessage.Builder m = PongMessage.newBuilder();
      if (binary) {
        m.mergeFrom(payload);
      } else {
        TEXT.read(payload, m);
      }
      return m.hasCourt() ? m.getCourt().getTick() : -1;
    } catch (Exception e) {
      return -1;
    }
  }
}
