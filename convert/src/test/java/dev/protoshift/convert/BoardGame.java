package dev.protoshift.convert;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.TextFormat;
import com.google.protobuf.WireFormat;
import dev.protoshift.convert.testschema.board.Board;
import dev.protoshift.convert.testschema.board.Envelope;
import dev.protoshift.convert.testschema.board.Piece;
import dev.protoshift.versioning.Protocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A game that is not the reference game, as an adopter writes it: its chain (1.1.0: positions
 * travel as x/y, before as the text "x,y"), a JSON codec, and a splicer that appends a member's
 * own piece as {@code Board.you}.
 */
final class BoardGame {

  private BoardGame() {}

  /** 1.1.0: positions as x and y; clients before read legacy_pos. */
  @SuppressWarnings("deprecation")
  static final class PositionsBecameXy implements VersionChange<Envelope.Builder> {
    @Override
    public String title() {
      return "Positions travel as x and y";
    }

    @Override
    public String description() {
      return "Before 1.1.0 a piece's position was the text `legacy_pos`, \"x,y\".";
    }

    @Override
    public Envelope.Builder downgrade(Envelope.Builder envelope) {
      if (envelope.hasBoard()) {
        Board.Builder board = envelope.getBoardBuilder();
        for (Piece.Builder p : board.getPiecesBuilderList()) {
          p.setLegacyPos(p.getX() + "," + p.getY()).clearX().clearY();
        }
        if (board.hasYou()) {
          Piece.Builder you = board.getYouBuilder();
          you.setLegacyPos(you.getX() + "," + you.getY()).clearX().clearY();
        }
      }
      return envelope;
    }

    @Override
    public Envelope.Builder upgrade(Envelope.Builder envelope) throws DecodeException {
      return envelope; // clients send moves, which did not change
    }
  }

  static final VersionChain<Envelope.Builder> CHAIN = VersionChain.<Envelope.Builder>startingAt("1.0.0", "First.")
      .release("1.1.0", new PositionsBecameXy())
      .build();

  /** A stand-in JSON codec (protobuf's text format): the tests here are about the plumbing. */
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

  static final MessageCodec<Envelope.Builder> CODEC = MessageCodec.of(CHAIN, Envelope::newBuilder, TEXT);

  static Envelope.Builder shared(Board board) {
    return Envelope.newBuilder().setBoard(board.toBuilder().clearYou());
  }

  static Envelope.Builder own(Board board, String id) {
    Piece you = board.getPiecesList().stream().filter(p -> p.getId().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no piece " + id));
    return Envelope.newBuilder().setBoard(board.toBuilder().setYou(you));
  }

  /**
   * Protobuf: the envelope's board re-prefixed, then {@code you} (field 15, the last) appended:
   * the bytes protobuf writes for the member's own message. JSON: encoded per member.
   */
  static final class AppendYou implements RecipientSplicer {
    @Override
    public CohortFrame splice(Cohort cohort, Message converted, JsonCodec json) {
      Envelope envelope = (Envelope) converted;
      if (!cohort.protocol().isBinary()) {
        return new PerMember(cohort, envelope, json);
      }
      return new Appended(cohort, envelope);
    }
  }

  private record PerMember(Cohort cohort, Envelope envelope, JsonCodec json) implements CohortFrame {
    @Override
    public byte[] shared() {
      return json.write(envelope);
    }

    @Override
    public byte[] forRecipient(String id) {
      return id == null ? shared() : json.write(withYou(envelope, id));
    }
  }

  private static final class Appended implements CohortFrame {
    private final Cohort cohort;
    private final Envelope envelope;
    private final byte[] board;
    private final byte[] shared;

    Appended(Cohort cohort, Envelope envelope) {
      this.cohort = cohort;
      this.envelope = envelope;
      this.board = envelope.getBoard().toByteArray();
      this.shared = envelope.toByteArray();
    }

    @Override
    public Cohort cohort() {
      return cohort;
    }

    @Override
    public byte[] shared() {
      return shared;
    }

    @Override
    public byte[] forRecipient(String id) {
      if (id == null) {
        return shared;
      }
      Piece you = withYou(envelope, id).getBoard().getYou();
      try {
        int youSize = CodedOutputStream.computeMessageSize(Board.YOU_FIELD_NUMBER, you);
        int body = board.length + youSize;
        byte[] out = new byte[CodedOutputStream.computeTagSize(Envelope.BOARD_FIELD_NUMBER)
            + CodedOutputStream.computeUInt32SizeNoTag(body) + body];
        CodedOutputStream o = CodedOutputStream.newInstance(out);
        o.writeTag(Envelope.BOARD_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        o.writeUInt32NoTag(body);
        o.writeRawBytes(board);
        o.writeMessage(Board.YOU_FIELD_NUMBER, you);
        o.checkNoSpaceLeft();
        return out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The converted envelope with the member's own (already converted) piece as {@code you}. */
  private static Envelope withYou(Envelope converted, String id) {
    Board b = converted.getBoard();
    Piece you = b.getPiecesList().stream().filter(p -> p.getId().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no piece " + id + " on the board"));
    return converted.toBuilder().setBoard(b.toBuilder().setYou(you)).build();
  }

  static Board board(long tick, List<Piece> pieces) {
    return Board.newBuilder().setTick(tick).addAllPieces(pieces).build();
  }

  static Envelope parse(byte[] bytes) {
    try {
      return Envelope.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  static Cohort cohort(Protocol protocol, String version) {
    return new Cohort(protocol, CHAIN.view(dev.protoshift.versioning.ProtocolVersion.parse(version), null));
  }
}
