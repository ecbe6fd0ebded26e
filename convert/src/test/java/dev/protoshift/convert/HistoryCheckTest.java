package dev.protoshift.convert;

import static dev.protoshift.convert.HistorySchemas.PKG;
import static dev.protoshift.convert.HistorySchemas.history;
import static dev.protoshift.convert.HistorySchemas.v100;
import static dev.protoshift.convert.HistorySchemas.v110;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import dev.protoshift.convert.HistoryProblem.Kind;
import dev.protoshift.convert.testschema.history.Frame;
import dev.protoshift.convert.testschema.history.Snake;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code VersionChain.checkHistory()}: what clients of the frozen releases would get wrong. */
class HistoryCheckTest {

  /** A 1.1.0 change that sets what only 1.2.0 has: the 1.2.0 strip has already run when it does. */
  private static final class SetsColor implements VersionChange<Frame.Builder> {
    @Override
    public String title() {
      return "Colours";
    }

    @Override
    public String description() {
      return "Sets a colour.";
    }

    @Override
    public Frame.Builder downgrade(Frame.Builder frame) {
      if (frame.hasState()) {
        frame.getStateBuilder().getSnakesBuilderList().forEach(s -> s.setColor("pink"));
      }
      return frame;
    }

    @Override
    public Frame.Builder upgrade(Frame.Builder frame) {
      return frame;
    }
  }

  /** A change that refuses every message. */
  private static final class RefusesAll implements VersionChange<Frame.Builder> {
    @Override
    public String title() {
      return "Nothing goes";
    }

    @Override
    public String description() {
      return "Refuses.";
    }

    @Override
    public Frame.Builder downgrade(Frame.Builder frame) {
      throw new IllegalArgumentException("nothing for old clients");
    }

    @Override
    public Frame.Builder upgrade(Frame.Builder frame) {
      return frame;
    }
  }

  private static List<String> describe(List<HistoryProblem> problems) {
    return problems.stream().map(p -> p.kind() + " " + p.release() + " " + p.element()).toList();
  }

  @Test
  void checkHistory_aChainThatFillsWhatOldClientsRead_hasNoProblems() {
    assertThat(HistorySchemas.chain().checkHistory()).isEmpty();
  }

  @Test
  void checkHistory_aDeprecatedFieldNoChangeFills_isReportedNamingTheReleaseAndTheField() {
    List<HistoryProblem> problems = HistorySchemas.derivedOnly().checkHistory();

    assertThat(problems).extracting(HistoryProblem::toString).containsExactly(
        "field convert.test.history.Snake.body_json is deprecated since 1.1.0 but clients on 1.0.0 still read it; it"
            + " is empty after the downgrade (state.snakes[0].body_json): fill it in a VersionChange of release 1.1.0");
    assertThat(describe(problems)).containsExactly("DEPRECATED_FIELD_EMPTY 1.0.0 convert.test.history.Snake.body_json");
  }

  @Test
  void checkHistory_aChangeThatSetsANewerField_isReportedForTheOlderRelease() {
    VersionChain<Frame.Builder> chain = VersionChain.<Frame.Builder>startingAt("1.0.0", "x")
        .history(HistorySchemas.history(), Frame.getDefaultInstance())
        .release("1.1.0", new BodyJson(), new SetsColor())
        .release("1.2.0")
        .build();

    assertThat(chain.checkHistory()).extracting(HistoryProblem::toString).containsExactly(
        "clients on 1.0.0 receive field convert.test.history.Snake.color (7), which release 1.0.0 does not have"
            + " (state.snakes[0].color): a VersionChange sets it for them, or the current schema added it without a"
            + " new release in the chain");
  }

  @Test
  void checkHistory_theCurrentSchemaAddedToTheNewestRelease_isReportedForEveryReleaseItReaches() {
    VersionChain<Frame.Builder> chain = VersionChain.<Frame.Builder>startingAt("1.0.0", "x")
        .history(HistorySchemas.history(), Frame.getDefaultInstance())
        .release("1.1.0", new BodyJson())
        .build();

    assertThat(describe(chain.checkHistory())).containsExactly(
        "UNKNOWN_FIELD 1.0.0 convert.test.history.Snake.color",
        "UNKNOWN_FIELD 1.1.0 convert.test.history.Snake.color",
        "UNKNOWN_ENUM_VALUE 1.1.0 convert.test.history.Direction.WARP");
    assertThat(chain.checkHistory().get(2).message()).isEqualTo("clients on 1.1.0 receive enum value"
        + " convert.test.history.Direction.WARP (6), which release 1.1.0 does not have (state.snakes[0].heading)");
  }

  @Test
  void checkHistory_aFieldWhoseTypeChangedSinceARelease_isReportedAsUnreadable() {
    VersionChain<Frame.Builder> chain = VersionChain.<Frame.Builder>startingAt("1.0.0", "x")
        .history(history("1.0.0", v100().retype(PKG + "Snake", "score", FieldDescriptorProto.Type.TYPE_STRING).toSet(),
            "1.1.0", v110().toSet()), Frame.getDefaultInstance())
        .release("1.1.0", new BodyJson())
        .release("1.2.0")
        .build();

    assertThat(chain.checkHistory()).extracting(HistoryProblem::toString).containsExactly(
        "clients on 1.0.0 cannot read field convert.test.history.Snake.score (3): release 1.0.0 gives it another type"
            + " (string), so they drop its value (state.snakes[0].score)");
  }

  @Test
  void checkHistory_everySampleRefused_isReportedAsNotChecked() {
    VersionChain<Frame.Builder> chain = VersionChain.<Frame.Builder>startingAt("1.0.0", "x")
        .history(HistorySchemas.history(), Frame.getDefaultInstance())
        .release("1.1.0", new BodyJson(), new RefusesAll())
        .release("1.2.0")
        .build();

    assertThat(chain.checkHistory()).extracting(HistoryProblem::kind, p -> p.release().toString(), HistoryProblem::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.NOT_CHECKED, "1.0.0", "no sample"
            + " convert.test.history.Frame could be downgraded for clients on 1.0.0, so nothing was checked; the first"
            + " was refused: nothing for old clients"));
  }

  @Test
  void checkHistory_withoutAHistory_isAnError() {
    VersionChain<Frame.Builder> chain = VersionChain.<Frame.Builder>startingAt("1.0.0", "x").build();

    assertThatThrownBy(chain::checkHistory).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("checkHistory needs the schema's release history");
  }

  @Test
  @SuppressWarnings("deprecation")
  void checkHistory_isStable_andTheChainStillWorksAfterwards() {
    VersionChain<Frame.Builder> chain = HistorySchemas.derivedOnly();

    assertThat(chain.checkHistory()).isEqualTo(chain.checkHistory());
    assertThat(chain.downgrade(Frame.newBuilder().setState(dev.protoshift.convert.testschema.history.State.newBuilder()
        .addSnakes(Snake.newBuilder().setBodyJson("[]"))), chain.baselineView()).getState().getSnakes(0).getBodyJson())
        .isEqualTo("[]");
  }
}
