package dev.protoshift.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.protoshift.convert.testschema.board.Board;
import dev.protoshift.convert.testschema.board.Envelope;
import dev.protoshift.convert.testschema.board.Piece;
import dev.protoshift.versioning.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class CohortEncoderTest {

  private static final Cohort PROTO_100 = BoardGame.cohort(Protocol.PROTOBUF, "1.0.0");
  private static final Cohort PROTO_110 = BoardGame.cohort(Protocol.PROTOBUF, "1.1.0");
  private static final Cohort JSON_100 = BoardGame.cohort(Protocol.JSON, "1.0.0");
  private static final Cohort JSON_110 = BoardGame.cohort(Protocol.JSON, "1.1.0");
  private static final List<Cohort> ALL = List.of(PROTO_100, PROTO_110, JSON_100, JSON_110);

  private static final CohortEncoder<Board> SHARED = CohortEncoder.builder(BoardGame.CODEC, BoardGame::shared).build();
  private static final CohortEncoder<Board> SPLICED = CohortEncoder.builder(BoardGame.CODEC, BoardGame::shared)
      .perRecipient(new BoardGame.AppendYou(), BoardGame::own).build();

  private static Board sample() {
    return BoardGame.board(7, List.of(
        Piece.newBuilder().setId("a").setX(1).setY(-2).build(),
        Piece.newBuilder().setId("b").setX(30).setY(4).build()));
  }

  @Test
  @SuppressWarnings("deprecation")
  void encode_convertsForTheCohortsView_andEncodesInItsProtocol() {
    Envelope old = BoardGame.parse(SHARED.encode(sample(), PROTO_100).shared());
    Envelope current = BoardGame.parse(SHARED.encode(sample(), PROTO_110).shared());

    assertThat(old.getBoard().getPiecesList()).extracting(Piece::getLegacyPos).containsExactly("1,-2", "30,4");
    assertThat(old.getBoard().getPieces(0).getX()).isZero();
    assertThat(current.getBoard().getPiecesList()).extracting(Piece::getX).containsExactly(1, 30);
    assertThat(current.getBoard().getPieces(0).getLegacyPos()).isEmpty();
    assertThat(new String(SHARED.encode(sample(), JSON_100).shared(), StandardCharsets.UTF_8))
        .contains("legacy_pos: \"1,-2\"");
  }

  @Test
  void encodeAll_convertsOncePerView_andKeepsTheCohortsOrder() {
    AtomicInteger conversions = new AtomicInteger();
    CohortEncoder<Board> counting = CohortEncoder.builder(BoardGame.CODEC, (Board b) -> {
      conversions.incrementAndGet();
      return BoardGame.shared(b);
    }).build();

    Map<Cohort, CohortFrame> frames = counting.encodeAll(sample(), ALL);

    assertThat(conversions).hasValue(2);
    assertThat(frames.keySet()).containsExactlyElementsOf(ALL);
    assertThat(frames.get(PROTO_100).binary()).isTrue();
    assertThat(frames.get(JSON_100).binary()).isFalse();
    assertThat(frames.get(PROTO_110).shared()).isEqualTo(SHARED.encode(sample(), PROTO_110).shared());
  }

  @Test
  void withoutASplicer_everyMemberGetsTheSharedFrame() {
    CohortFrame frame = SHARED.encode(sample(), PROTO_110);

    assertThat(frame.forRecipient("a")).isSameAs(frame.shared());
    assertThat(frame.forRecipient(null)).isSameAs(frame.shared());
    assertThat(SHARED.encodeForRecipient(sample(), PROTO_110, "a")).isEqualTo(frame.shared());
  }

  @Test
  void splicedFrame_forEveryRecipient_equalsEncodingItsOwnMessage_property() {
    qt().withExamples(300).forAll(boards(), integers().between(0, 1_000), integers().between(0, ALL.size() - 1))
        .checkAssert((board, pick, c) -> {
          Cohort cohort = ALL.get(c);
          CohortFrame frame = SPLICED.encode(board, cohort);
          String id = board.getPiecesCount() == 0 ? null : board.getPieces(pick % board.getPiecesCount()).getId();

          assertThat(frame.forRecipient(id)).isEqualTo(SPLICED.encodeForRecipient(board, cohort, id));
          assertThat(frame.shared()).isEqualTo(SHARED.encode(board, cohort).shared());
        });
  }

  @Test
  void splicedFrame_unknownRecipient_isAnError() {
    CohortFrame frame = SPLICED.encode(sample(), PROTO_110);

    assertThatThrownBy(() -> frame.forRecipient("zz")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no piece zz");
  }

  private static Gen<Board> boards() {
    Gen<Piece> piece = integers().between(0, 9_999).zip(integers().between(-1_000, 1_000),
        integers().between(-1_000, 1_000), (id, x, y) -> Piece.newBuilder().setId("p" + id).setX(x).setY(y).build());
    return longs().between(0, Long.MAX_VALUE).zip(integers().between(0, 12), (tick, n) -> new long[] {tick, n})
        .flatMap(tn -> random -> {
          List<Piece> pieces = new ArrayList<>();
          for (int i = 0; i < tn[1]; i++) {
            pieces.add(piece.generate(random).toBuilder().setId("p" + i).build());
          }
          return BoardGame.board(tn[0], pieces);
        });
  }
}
