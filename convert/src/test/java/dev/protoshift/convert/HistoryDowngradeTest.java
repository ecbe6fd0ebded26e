package dev.protoshift.convert;

import static dev.protoshift.convert.HistorySchemas.derivedOnly;
import static dev.protoshift.convert.HistorySchemas.history;
import static dev.protoshift.convert.HistorySchemas.v100;
import static dev.protoshift.convert.HistorySchemas.v110;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import dev.protoshift.convert.testschema.history.Boost;
import dev.protoshift.convert.testschema.history.Direction;
import dev.protoshift.convert.testschema.history.Event;
import dev.protoshift.convert.testschema.history.Frame;
import dev.protoshift.convert.testschema.history.Point;
import dev.protoshift.convert.testschema.history.Snake;
import dev.protoshift.convert.testschema.history.State;
import dev.protoshift.convert.testschema.history.Trail;
import dev.protoshift.versioning.ProtocolVersion;
import org.junit.jupiter.api.Test;

/** Downgrades derived from the release history of the snake schema (1.0.0, 1.1.0 released; 1.2.0 current). */
@SuppressWarnings("deprecation") // body_json
class HistoryDowngradeTest {

  private static final VersionChain<Frame.Builder> DERIVED = derivedOnly();

  static Point point(int x, int y) {
    return Point.newBuilder().setX(x).setY(y).build();
  }

  static Trail trail(int steps, boolean heat) {
    Trail.Builder trail = Trail.newBuilder().setStep(steps).setHeat(heat ? 10 * steps : 0);
    if (steps > 1) {
      trail.setNext(trail(steps - 1, heat));
    }
    return trail.build();
  }

  /** A 1.2.0 frame with everything each release added. */
  static Frame frame() {
    Snake ada = Snake.newBuilder().setId("ada").setScore(7).addBody(point(1, 2)).addBody(point(1, 3))
        .setHeading(Direction.BOOST).addTurns(Direction.UP).addTurns(Direction.BOOST).addTurns(Direction.WARP)
        .addTurns(Direction.LEFT).setColor("green").build();
    Snake bob = Snake.newBuilder().setId("bob").setScore(3).addBody(point(5, 5)).setHeading(Direction.WARP)
        .setColor("red").build();
    State state = State.newBuilder().addSnakes(ada).addSnakes(bob).putByName("bob", bob)
        .setLastEvent(Event.newBuilder().setTeleported(point(9, 9))).setTrail(trail(3, true))
        .putIntents("ada", Direction.BOOST).putIntents("bob", Direction.RIGHT).putIntents("cy", Direction.WARP)
        .putMarks("apple", point(4, 4)).build();
    return Frame.newBuilder().setTick(42).setState(state).setMotd("hi").build();
  }

  private static ProtocolVersion v(String version) {
    return ProtocolVersion.parse(version);
  }

  private static Frame down(VersionChain<Frame.Builder> chain, Frame frame, String version) {
    return chain.downgrade(frame.toBuilder(), chain.view(v(version), null)).build();
  }

  @Test
  void classes_startAtEveryReleaseThatAddedSomething() {
    assertThat(DERIVED.classes()).extracting(VersionClass::toString)
        .containsExactly("1.0.0 view (>=1.0.0 <1.1.0)", "1.1.0 view (>=1.1.0 <1.2.0)", "1.2.0 view (>=1.2.0)");
  }

  @Test
  void classes_aReleaseThatAddedNothing_startsNoClass() {
    VersionChain<Frame.Builder> chain = VersionChain.<Frame.Builder>startingAt("1.0.0", "x")
        .history(history("1.0.0", v100().toSet(), "1.0.1", v100().toSet(), "1.1.0", v110().toSet()),
            Frame.getDefaultInstance())
        .release("1.0.1").release("1.1.0").release("1.2.0").build();

    assertThat(chain.classes()).extracting(VersionClass::label).containsExactly("1.0.0", "1.1.0", "1.2.0");
    assertThat(chain.releases().get(0).changes()).isEmpty();
    assertThat(chain.classOf(v("1.0.1")).label()).isEqualTo("1.0.0");
  }

  @Test
  void downgrade_forTheBaseline_stripsEverythingAddedSince() {
    Snake ada = Snake.newBuilder().setId("ada").setScore(7).addTurns(Direction.UP).addTurns(Direction.LEFT).build();
    Snake bob = Snake.newBuilder().setId("bob").setScore(3).build();
    State state = State.newBuilder().addSnakes(ada).addSnakes(bob).putByName("bob", bob)
        .setLastEvent(Event.getDefaultInstance()).setTrail(trail(3, false)).putIntents("bob", Direction.RIGHT).build();

    assertThat(down(DERIVED, frame(), "1.0.0")).isEqualTo(Frame.newBuilder().setTick(42).setState(state).build());
  }

  @Test
  void downgrade_forAMiddleRelease_stripsOnlyWhatNewerReleasesAdded() {
    Frame.Builder expected = frame().toBuilder();
    State.Builder state = expected.getStateBuilder();
    state.getSnakesBuilder(0).clearColor().clearTurns().addTurns(Direction.UP).addTurns(Direction.BOOST)
        .addTurns(Direction.LEFT);
    state.getSnakesBuilder(1).clearColor().clearHeading();
    state.putByName("bob", state.getSnakes(1)).removeIntents("cy");

    assertThat(down(DERIVED, frame(), "1.1.5")).isEqualTo(expected.build());
  }

  @Test
  void downgrade_forTheNewestClass_changesNothing() {
    Frame.Builder builder = frame().toBuilder();

    assertThat(DERIVED.downgrade(builder, DERIVED.latestView())).isSameAs(builder);
    assertThat(builder.build()).isEqualTo(frame());
    assertThat(DERIVED.changesFor(DERIVED.latestView())).isEmpty();
  }

  @Test
  void downgrade_declaredChangesOfARelease_runBeforeItsStrip_andReadWhatItAdded() {
    Frame downgraded = down(HistorySchemas.chain(), frame(), "1.0.0");

    assertThat(downgraded.getState().getSnakesList()).extracting(Snake::getBodyJson)
        .containsExactly("[{\"x\":1,\"y\":2},{\"x\":1,\"y\":3}]", "[{\"x\":5,\"y\":5}]");
    assertThat(downgraded.getState().getByNameMap().get("bob").getBodyJson()).isEqualTo("[{\"x\":5,\"y\":5}]");
    assertThat(downgraded.getState().getSnakesList()).allSatisfy(s -> assertThat(s.getBodyList()).isEmpty());
  }

  @Test
  void downgrade_aRootOneofCaseTheReleaseLacks_isRefusedNamingTheCaseAndTheRelease() {
    Frame boost = Frame.newBuilder().setTick(1).setBoost(Boost.newBuilder().setSnakeId("ada").setTicks(3)).build();

    assertThatThrownBy(() -> down(DERIVED, boost, "1.0.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("oneof case convert.test.history.Frame.boost (4) of payload was added in 1.1.0: a message carrying"
            + " it cannot be sent to clients older than 1.1.0");
    assertThat(down(DERIVED, boost, "1.1.0")).isEqualTo(boost);
  }

  @Test
  void downgrade_aRootOneofCaseTheReleaseHas_isKept_andNestedCasesAreCleared() {
    Frame chat = Frame.newBuilder().setChat(dev.protoshift.convert.testschema.history.Chat.newBuilder().setText("hi"))
        .build();

    assertThat(down(DERIVED, chat, "1.0.0")).isEqualTo(chat);
    assertThat(down(DERIVED, frame(), "1.0.0").getState().getLastEvent().getKindCase())
        .isEqualTo(Event.KindCase.KIND_NOT_SET);
  }

  @Test
  void upgrade_theDerivedStepDoesNothing() throws DecodeException {
    Frame old = Frame.newBuilder().setState(State.newBuilder().addSnakes(Snake.newBuilder().setId("ada")
        .setBodyJson("[{\"x\":1,\"y\":2}]"))).build();

    assertThat(DERIVED.upgrade(old.toBuilder(), DERIVED.baselineView()).build()).isEqualTo(old);
    assertThat(HistorySchemas.chain().upgrade(old.toBuilder(), DERIVED.baselineView()).build().getState().getSnakes(0))
        .isEqualTo(Snake.newBuilder().setId("ada").addBody(point(1, 2)).build());
  }

  @Test
  void downgrade_leavesUnknownFieldsAlone() {
    UnknownFieldSet unknown = UnknownFieldSet.newBuilder()
        .addField(99, UnknownFieldSet.Field.newBuilder().addVarint(5).build()).build();
    Frame.Builder frame = frame().toBuilder();
    frame.getStateBuilder().getSnakesBuilder(0).setUnknownFields(unknown);

    Frame downgraded = DERIVED.downgrade(frame, DERIVED.baselineView()).build();

    assertThat(downgraded.getState().getSnakes(0).getUnknownFields()).isEqualTo(unknown);
  }

  @Test
  void downgrade_ofDynamicBuilders_isTheSameAsOfGeneratedOnes() throws InvalidProtocolBufferException {
    VersionChain<DynamicMessage.Builder> dynamic = VersionChain.<DynamicMessage.Builder>startingAt("1.0.0", "x")
        .history(HistorySchemas.history(), DynamicMessage.getDefaultInstance(Frame.getDescriptor()))
        .release("1.1.0").release("1.2.0").build();

    for (String version : new String[] {"1.0.0", "1.1.0", "1.2.0"}) {
      DynamicMessage.Builder builder = DynamicMessage.parseFrom(Frame.getDescriptor(), frame().toByteString()).toBuilder();
      Message downgraded = dynamic.downgrade(builder, dynamic.view(v(version), null)).build();

      assertThat(Frame.parseFrom(downgraded.toByteString())).as(version).isEqualTo(down(DERIVED, frame(), version));
    }
  }

  @Test
  void downgrade_aBuilderOfAnotherType_isRefusedNamingBoth() {
    VersionChain<Message.Builder> chain = VersionChain.<Message.Builder>startingAt("1.0.0", "x")
        .history(HistorySchemas.history(), Frame.getDefaultInstance()).release("1.1.0").release("1.2.0").build();

    assertThatThrownBy(() -> chain.downgrade(Snake.newBuilder(), chain.baselineView()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a chain with a release history converts builders of convert.test.history.Frame (the type of its"
            + " prototype), was a " + Snake.Builder.class.getName() + " of convert.test.history.Snake");
  }

  @Test
  void releases_listTheDerivedStepFirst_thenTheDeclaredChanges() {
    VersionChain<Frame.Builder> chain = HistorySchemas.chain();

    assertThat(chain.releases()).allSatisfy(r -> assertThat(r.changes().get(0).title()).isEqualTo("Schema additions"));
    assertThat(chain.releases().get(0).changes()).extracting(VersionChange::title)
        .containsExactly("Schema additions", "Bodies travel as points");
    assertThat(chain.changesFor(chain.baselineView())).extracting(VersionChange::title)
        .containsExactly("Schema additions", "Bodies travel as points", "Schema additions");
  }
}
