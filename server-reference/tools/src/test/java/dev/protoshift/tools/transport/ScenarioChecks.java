package dev.protoshift.tools.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.protoshift.reference.ReferenceSchema;
import dev.protoshift.session.CloseCode;
import dev.protoshift.session.ProtocolSwitch;
import dev.protoshift.tools.transport.ScenarioClient.StateEvent;
import dev.protoshift.versioning.HelloReply;
import dev.protoshift.versioning.Protocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What {@link TransportScenario} checks of what its clients received, whatever the transport. */
final class ScenarioChecks {

  static final Duration WAIT = Duration.ofSeconds(15);

  private ScenarioChecks() {}

  static void awaitStates(List<ScenarioClient> clients, int atLeast) {
    await().atMost(WAIT).until(() -> clients.stream().allMatch(c -> c.states().size() >= atLeast));
  }

  static StateEvent last(ScenarioClient c) {
    List<StateEvent> states = c.states();
    return states.get(states.size() - 1);
  }

  /** The protocols of a client's states, runs collapsed: [protobuf, json] for one switch to JSON. */
  static List<Protocol> protocols(ScenarioClient c) {
    List<Protocol> runs = new ArrayList<>();
    for (StateEvent e : c.states()) {
      if (runs.isEmpty() || runs.get(runs.size() - 1) != e.protocol()) {
        runs.add(e.protocol());
      }
    }
    return runs;
  }

  static <G> List<G> wanderers(List<G> ghosts, Function<G, String> id) {
    return ghosts.stream().filter(g -> id.apply(g).startsWith("g")).collect(Collectors.toList());
  }

  /**
   * Checks a client's {@code index}-th switch: it says {@code to}, {@code reason} and the client's
   * version, and it is between the last state in {@code from} and the first in {@code to}, whose
   * ticks enclose {@code from_tick}. With {@link TransportScenario#assertNoStateLost} and nothing dropped, that is
   * exactly: the last old state is {@code from_tick - 1}, the first new one {@code from_tick}. A
   * connection that is behind may have the state before or at {@code from_tick} replaced by a
   * newer one (latest state wins), counted by the server.
   *
   * @return its {@code from_tick}
   */
  static long assertSwitch(ScenarioClient c, int index, Protocol from, Protocol to, String reason) {
    List<ScenarioClient.Event> events = List.copyOf(c.events);
    int at = -1;
    for (int i = 0, seen = -1; i < events.size() && at < 0; i++) {
      if (events.get(i) instanceof ScenarioClient.SwitchEvent && ++seen == index) {
        at = i;
      }
    }
    assertThat(at).as(c + " switch #" + index).isNotNegative();
    ProtocolSwitch s = ((ScenarioClient.SwitchEvent) events.get(at)).value();
    assertThat(s.protocol()).as(c + " " + s).isEqualTo(to);
    assertThat(s.reason()).as(c + " " + s).isEqualTo(reason);
    assertThat(s.version()).as(c + " " + s).hasValueSatisfying(v -> {
      assertThat(v.major()).isEqualTo(c.version.major());
      assertThat(v.minor()).isEqualTo(c.version.minor());
    });
    StateEvent before = null;
    for (int i = at - 1; i >= 0 && before == null; i--) {
      before = events.get(i) instanceof StateEvent e ? e : null;
    }
    StateEvent after = null;
    for (int i = at + 1; i < events.size() && after == null; i++) {
      after = events.get(i) instanceof StateEvent e ? e : null;
    }
    assertThat(before).as(c + ": a state before " + s).isNotNull();
    assertThat(after).as(c + ": a state after " + s).isNotNull();
    assertThat(before.protocol()).as(c + ": last state before " + s).isEqualTo(from);
    assertThat(after.protocol()).as(c + ": first state after " + s).isEqualTo(to);
    // before < from_tick <= after; with nothing dropped (assertNoStateLost) after = before + 1 = from_tick.
    assertThat(before.tick()).as(c + ": last state before " + s).isLessThan(s.fromTick());
    assertThat(after.tick()).as(c + ": first state after " + s).isGreaterThanOrEqualTo(s.fromTick());
    return s.fromTick();
  }

  /** {@link #assertSwitch} for every client of one room, and they all switched at the same tick. */
  static long assertSwitchedTogether(List<ScenarioClient> room, int index, Protocol from, Protocol to, String reason) {
    List<Long> ticks = room.stream().map(c -> assertSwitch(c, index, from, to, reason)).distinct()
        .collect(Collectors.toList());
    assertThat(ticks).as("from_tick of every member of the room").hasSize(1);
    return ticks.get(0);
  }

  /**
   * Every binary state {@code c} got, parsed with the frozen 1.0.0 schema as a 1.0.0 client does:
   * nothing it does not know (no unknown field), and each wandering ghost's route in {@code route_json}.
   */
  static void assertEachFrameIsPlain100(ScenarioClient c) throws InvalidProtocolBufferException {
    Descriptor v100Envelope = ReferenceSchema.releasedMessage("1.0.0", "WsEnvelope");
    for (StateEvent e : c.states()) {
      DynamicMessage frame = DynamicMessage.parseFrom(v100Envelope, e.frame());
      DynamicMessage state = (DynamicMessage) frame.getField(v100Envelope.findFieldByName("state_update"));
      assertThat(frame.getUnknownFields().asMap()).isEmpty();
      assertThat(state.getUnknownFields().asMap()).as("nothing newer than 1.0.0").isEmpty();
      var ghosts = state.getDescriptorForType().findFieldByName("ghosts");
      for (int i = 0; i < state.getRepeatedFieldCount(ghosts); i++) {
        DynamicMessage ghost = (DynamicMessage) state.getRepeatedField(ghosts, i);
        assertThat(ghost.getUnknownFields().asMap()).isEmpty();
        if (((String) ghost.getField(ghost.getDescriptorForType().findFieldByName("id"))).startsWith("g")) {
          assertThat((String) ghost.getField(ghost.getDescriptorForType().findFieldByName("route_json")))
              .as("route_json of a wandering ghost").startsWith("[{\"x\":");
        }
      }
    }
  }

  /** A hello_reject naming the supported range, no state, then close 4002. */
  static void assertRefused(ScenarioClient c) {
    await().atMost(WAIT).until(() -> !c.closeCodes.isEmpty());
    assertThat(c.closeCodes).containsExactly(CloseCode.VERSION_UNSUPPORTED.code());
    assertThat(c.events).hasSize(1).first().isInstanceOfSatisfying(ScenarioClient.ReplyEvent.class, r ->
        assertThat(r.reply()).isInstanceOfSatisfying(HelloReply.Reject.class, reject -> {
          assertThat(reject.reason()).isEqualTo("unsupported_major");
          assertThat(reject.message()).contains("9.0.0");
        }));
    assertThat(c.undecodable).isEmpty();
  }
}
