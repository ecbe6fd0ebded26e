package dev.protoshift.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.CohortEncoder;
import dev.protoshift.convert.CohortFrame;
import dev.protoshift.convert.RecipientSplicer;
import dev.protoshift.session.testgame.Court;
import dev.protoshift.session.testgame.PongMessage;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import dev.protoshift.versioning.rollout.RolloutOverrides;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A room's fan-out: once per cohort, and the ordering guarantees across protocol switches. */
class RoomFanoutTest {

  final RecordingMetrics metrics = new RecordingMetrics();
  final RolloutConfigHolder rollout = RolloutConfigHolder.builder()
      .environment(Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "100")).build();
  final Sessions<PongMessage.Builder> sessions = Sessions.builder(Pong.CHAIN, Pong.CODEC::decode, Pong.ERRORS)
      .rollout(rollout).metrics(metrics).build();

  @AfterEach
  void close() {
    sessions.close();
    rollout.close();
  }

  Session open(String query, FakeTransport t, String id) {
    return sessions.upgrade(query, List.of(), new ConnectionIds("room", id, "c-" + id)).open(t);
  }

  static void killSwitch(RolloutConfigHolder rollout, boolean on) {
    if (on) {
      rollout.mergeAdminOverrides(RolloutOverrides.builder().enabled(false).build());
    } else {
      rollout.clearAdminOverrides();
    }
  }

  @Test
  void broadcast_encodesOncePerCohort_andEveryMemberGetsItsCohortsFrame() {
    FakeTransport a = new FakeTransport();
    FakeTransport b = new FakeTransport();
    FakeTransport c = new FakeTransport();
    RoomFanout<Court> room = sessions.room(Pong.STATES, "court");
    room.add(open("proto_version=1.1.0", a, "a"), "p0");
    room.add(open("proto_version=1.1.0", b, "b"), "p1");
    room.add(open("", c, "c"), "p2");

    room.broadcast(1, Pong.court(1, 3));
    room.broadcast(2, Pong.court(2, 3));

    assertThat(metrics.count("encoded protobuf 1.1.0 court")).isEqualTo(2);
    assertThat(metrics.count("encoded json 1.0.0 court")).isEqualTo(2);
    assertThat(a.frames()).extracting(FakeTransport.Frame::binary).containsExactly(true, true);
    assertThat(c.frames()).extracting(FakeTransport.Frame::binary).containsExactly(false, false);
    assertThat(a.frames().get(1).payload()).isEqualTo(b.frames().get(1).payload());
    assertThat(c.ticks()).containsExactly(1L, 2L);
    assertThat(room.size()).isEqualTo(3);
  }

  @Test
  void killSwitch_switchesTheWholeRoomAtOneTick_withTheSwitchBetweenTheLastOldAndTheFirstNewState() {
    List<FakeTransport> clients = new ArrayList<>();
    RoomFanout<Court> room = sessions.room(Pong.STATES, "court");
    for (int i = 0; i < 5; i++) {
      FakeTransport t = new FakeTransport();
      clients.add(t);
      room.add(open("proto_version=1.1.0", t, "m" + i), "p" + i);
    }
    room.broadcast(1, Pong.court(1, 5));
    room.broadcast(2, Pong.court(2, 5));

    killSwitch(rollout, true);
    room.broadcast(3, Pong.court(3, 5));
    room.broadcast(4, Pong.court(4, 5));

    for (FakeTransport t : clients) {
      List<FakeTransport.Frame> f = t.frames();
      assertThat(f).hasSize(5);
      assertThat(f.get(0).binary()).isTrue();
      assertThat(f.get(1).binary()).isTrue();
      assertThat(f.get(2).protocolSwitch()).hasValueSatisfying(sw -> {
        assertThat(sw.protocol()).isEqualTo(Protocol.JSON);
        assertThat(sw.reason()).isEqualTo("kill_switch");
        assertThat(sw.fromTick()).isEqualTo(3);
      });
      assertThat(f.get(3).binary()).isFalse();
      assertThat(t.ticks()).containsExactly(1L, 2L, 3L, 4L);
    }
    assertThat(metrics.count("switched protobuf json kill_switch")).isEqualTo(5);
    assertThat(metrics.gauge("json", "1.1.0")).isEqualTo(5);
  }

  @Test
  void aMemberSeatedAfterAConfigChange_catchesUpBeforeItsFirstState() {
    FakeTransport t = new FakeTransport();
    Session s = open("proto_version=1.1.0", t, "late");
    killSwitch(rollout, true); // after the handshake, before the seat
    RoomFanout<Court> room = sessions.room(Pong.STATES, "court");
    room.add(s, "p0");

    room.broadcast(7, Pong.court(7, 1));

    assertThat(t.frames()).hasSize(2);
    assertThat(t.frames().get(0).protocolSwitch()).hasValueSatisfying(sw -> {
      assertThat(sw.protocol()).isEqualTo(Protocol.JSON);
      assertThat(sw.fromTick()).isLessThanOrEqualTo(7); // not in a room yet when it switched: before any state
    });
    assertThat(t.frames().get(1).binary()).isFalse();
    assertThat(t.ticks()).containsExactly(7L);
  }

  @Test
  void anyInterleavingOfConfigChangesAndTicks_neverLosesRepeatsOrMislabelsAState_property() {
    // Each step: 0 = broadcast, 1 = kill switch on, 2 = off, 3 = a hello from the legacy member.
    qt().withExamples(200).forAll(lists().of(integers().between(0, 3)).ofSizeBetween(1, 40)).checkAssert(steps -> {
      RolloutConfigHolder config = RolloutConfigHolder.builder()
          .environment(Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "100")).build();
      try (Sessions<PongMessage.Builder> s = Sessions.builder(Pong.CHAIN, Pong.CODEC::decode, Pong.ERRORS)
          .rollout(config).build()) {
        RoomFanout<Court> room = s.room(Pong.STATES, "court");
        FakeTransport proto = new FakeTransport();
        FakeTransport legacy = new FakeTransport();
        room.add(s.upgrade("proto_version=1.1.0", List.of(), new ConnectionIds("r", "a", "a")).open(proto), "p0");
        Session old = s.upgrade("", List.of(), new ConnectionIds("r", "b", "b")).open(legacy);
        room.add(old, "p1");
        long tick = 0;
        for (int step : steps) {
          switch (step) {
            case 0 -> room.broadcast(++tick, Pong.court(tick, 2));
            case 1 -> killSwitch(config, true);
            case 2 -> killSwitch(config, false);
            default -> old.onText("{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.1.0\"}");
          }
        }
        room.broadcast(++tick, Pong.court(tick, 2));
        assertOrdered(proto, Protocol.PROTOBUF, tick);
        assertOrdered(legacy, Protocol.JSON, tick);
      } finally {
        config.close();
      }
    });
  }

  /** Ticks 1..last, each once, each in the protocol the last control message before it announced. */
  private static void assertOrdered(FakeTransport t, Protocol initial, long last) {
    Protocol expected = initial;
    long next = 1;
    Long switchFrom = null;
    for (FakeTransport.Frame f : t.frames()) {
      if (f.protocolSwitch().isPresent()) {
        expected = f.protocolSwitch().get().protocol();
        switchFrom = f.protocolSwitch().get().fromTick();
        continue;
      }
      if (!f.binary() && f.text().contains("\"hello_ack\"")) {
        expected = f.text().contains("\"protobuf\"") ? Protocol.PROTOBUF : Protocol.JSON;
        continue;
      }
      assertThat(f.tick()).as("frames " + t.frames()).isEqualTo(next);
      assertThat(f.protocol()).as("tick " + next).isEqualTo(expected);
      if (switchFrom != null) {
        assertThat(switchFrom).as("from_tick of the switch before tick " + next).isEqualTo(next);
        switchFrom = null;
      }
      next++;
    }
    assertThat(next - 1).isEqualTo(last);
  }

  @Test
  void removedMember_getsNoFurtherState() {
    FakeTransport t = new FakeTransport();
    Session s = open("proto_version=1.1.0", t, "x");
    RoomFanout<Court> room = sessions.room(Pong.STATES, "court");
    room.add(s, "p0");
    room.broadcast(1, Pong.court(1, 1));

    room.remove(s);
    room.broadcast(2, Pong.court(2, 1));

    assertThat(t.ticks()).containsExactly(1L);
    assertThat(room.isIdle()).isTrue();
    assertThat(s.recipientId()).isEmpty();
  }

  @Test
  void broadcast_tickMustIncrease() {
    RoomFanout<Court> room = sessions.room(Pong.STATES, "court");
    room.broadcast(5, Pong.court(5, 0));

    assertThatThrownBy(() -> room.broadcast(5, Pong.court(5, 0))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tick must increase: 5 after 5");
  }

  @Test
  void shadowCheck_findsAFrameThatDiffersFromTheViewsConversion_andNeverTouchesTheClient() {
    ShadowCheck shadow = ShadowCheck.sampling(1);
    Sessions<PongMessage.Builder> checked = Sessions.builder(Pong.CHAIN, Pong.CODEC::decode, Pong.ERRORS)
        .rollout(rollout).metrics(metrics).shadow(shadow).build();
    // A per-recipient step with a bug: every member's frame is the shared one with a byte flipped.
    RecipientSplicer broken = (cohort, converted, json) -> {
      byte[] bytes = cohort.protocol().isBinary() ? converted.toByteArray() : json.write(converted);
      return CohortFrame.of(cohort, bytes, id -> {
        byte[] copy = bytes.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
      });
    };
    CohortEncoder<Court> encoder = CohortEncoder.builder(Pong.CODEC, (Court c) -> PongMessage.newBuilder().setCourt(c))
        .perRecipient(broken, (c, id) -> PongMessage.newBuilder().setCourt(c)).build();
    RoomFanout<Court> room = checked.room(encoder, "court");
    FakeTransport t = new FakeTransport();
    room.add(checked.upgrade("proto_version=1.1.0", List.of(), new ConnectionIds("r", "z", "z")).open(t), "p0");

    room.broadcast(1, Pong.court(1, 2));

    assertThat(shadow.checks()).isEqualTo(1);
    assertThat(shadow.mismatches()).isEqualTo(1);
    assertThat(metrics.count("shadowMismatch protobuf 1.1.0")).isEqualTo(1);
    assertThat(t.frames()).hasSize(1);
    checked.close();
  }

  @Test
  void shadowCheck_onCorrectFrames_findsNothing() {
    ShadowCheck shadow = ShadowCheck.sampling(1);
    Sessions<PongMessage.Builder> checked = Sessions.builder(Pong.CHAIN, Pong.CODEC::decode, Pong.ERRORS)
        .rollout(rollout).shadow(shadow).build();
    RoomFanout<Court> room = checked.room(Pong.STATES, "court");
    room.add(checked.upgrade("proto_version=1.0.0", List.of(), new ConnectionIds("r", "y", "y")).open(new FakeTransport()),
        "p0");
    room.add(checked.upgrade("", List.of(), new ConnectionIds("r", "w", "w")).open(new FakeTransport()), "p1");

    for (int tick = 1; tick <= 10; tick++) {
      room.broadcast(tick, Pong.court(tick, 2));
    }

    assertThat(shadow.checks()).isEqualTo(20);
    assertThat(shadow.mismatches()).isZero();
    checked.close();
  }

  /** Release 1.1.0 as frozen without Paddle.y, as if y came later and the chain did not strip it for 1.1.0. */
  static dev.protoshift.proto.ReleaseHistory historyWhere110Lacks(String field) {
    com.google.protobuf.DescriptorProtos.FileDescriptorProto current = PongMessage.getDescriptor().getFile().toProto();
    com.google.protobuf.DescriptorProtos.FileDescriptorProto.Builder frozen = current.toBuilder();
    for (com.google.protobuf.DescriptorProtos.DescriptorProto.Builder m : frozen.getMessageTypeBuilderList()) {
      for (int i = m.getFieldCount() - 1; i >= 0; i--) {
        if ((m.getName() + "." + m.getField(i).getName()).equals(field)) {
          m.removeField(i);
        }
      }
    }
    return dev.protoshift.proto.ReleaseHistory.of("pong", Map.of(
        "1.0.0", com.google.protobuf.DescriptorProtos.FileDescriptorSet.newBuilder().addFile(current).build(),
        "1.1.0", com.google.protobuf.DescriptorProtos.FileDescriptorSet.newBuilder().addFile(frozen).build()));
  }

  int shadowMismatches(ShadowCheck shadow, String query, int ticks) {
    Sessions<PongMessage.Builder> checked = Sessions.builder(Pong.CHAIN, Pong.CODEC::decode, Pong.ERRORS)
        .rollout(rollout).metrics(metrics).shadow(shadow).build();
    try {
      RoomFanout<Court> room = checked.room(Pong.STATES, "court");
      FakeTransport t = new FakeTransport();
      room.add(checked.upgrade(query, List.of(), new ConnectionIds("r", "x", "x")).open(t), "p0");
      for (int tick = 1; tick <= ticks; tick++) {
        room.broadcast(tick, Pong.court(tick, 2));
      }
      assertThat(t.frames()).as("the client gets every state, checked or not").hasSize(ticks);
      return (int) shadow.mismatches();
    } finally {
      checked.close();
    }
  }

  @Test
  void shadowCheckWithHistory_findsAFieldTheClientsFrozenReleaseDoesNotKnow() {
    ShadowCheck shadow = ShadowCheck.sampling(1).withHistory(historyWhere110Lacks("Paddle.y"), "session.test.PongMessage");

    assertThat(shadowMismatches(shadow, "proto_version=1.1.0", 3)).isEqualTo(3);
    assertThat(metrics.count("shadowMismatch protobuf 1.1.0")).isEqualTo(3);
  }

  @Test
  void shadowCheckWithHistory_onFramesEveryReleaseKnows_findsNothing() {
    ShadowCheck shadow = ShadowCheck.sampling(1).withHistory(historyWhere110Lacks("Paddle.no_such_field"),
        "session.test.PongMessage");

    assertThat(shadowMismatches(shadow, "proto_version=1.1.0", 5)).isZero();
    assertThat(shadowMismatches(shadow, "proto_version=1.0.0", 5)).isZero();
    assertThat(shadow.checks()).isEqualTo(10);
  }

  @Test
  void shadowCheckWithHistory_findsAFrameThatDecodesButDiffersFromTheViewsConversion() {
    ShadowCheck shadow = ShadowCheck.sampling(1).withHistory(historyWhere110Lacks("Paddle.no_such_field"),
        "session.test.PongMessage");
    Sessions<PongMessage.Builder> checked = Sessions.builder(Pong.CHAIN, Pong.CODEC::decode, Pong.ERRORS)
        .rollout(rollout).metrics(metrics).shadow(shadow).build();
    // A per-recipient step with a bug that still gives valid bytes: every member gets tick + 1.
    RecipientSplicer wrongTick = (cohort, converted, json) -> CohortFrame.of(cohort, converted.toByteArray(), id -> {
      PongMessage.Builder m = PongMessage.newBuilder().mergeFrom(converted);
      m.getCourtBuilder().setTick(m.getCourt().getTick() + 1);
      return m.build().toByteArray();
    });
    CohortEncoder<Court> encoder = CohortEncoder.builder(Pong.CODEC, (Court c) -> PongMessage.newBuilder().setCourt(c))
        .perRecipient(wrongTick, (c, id) -> PongMessage.newBuilder().setCourt(c)).build();
    RoomFanout<Court> room = checked.room(encoder, "court");
    room.add(checked.upgrade("proto_version=1.1.0", List.of(), new ConnectionIds("r", "v", "v")).open(new FakeTransport()),
        "p0");

    room.broadcast(1, Pong.court(1, 2));

    assertThat(shadow.mismatches()).isEqualTo(1);
    checked.close();
  }
}
