package dev.protoshift.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protoshift.session.testgame.Court;
import dev.protoshift.session.testgame.Move;
import dev.protoshift.session.testgame.PongMessage;
import dev.protoshift.versioning.HelloReply;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import dev.protoshift.versioning.rollout.RolloutOverrides;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One connection's protocol life, on a fake transport: handshakes, limits, close codes. */
class SessionTest {

  final AtomicLong clock = new AtomicLong(1_000_000_000L);
  final RecordingMetrics metrics = new RecordingMetrics();
  final List<PongMessage.Builder> received = new ArrayList<>();
  final RolloutConfigHolder rollout = RolloutConfigHolder.builder()
      .environment(Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "100")).build();
  Sessions<PongMessage.Builder> sessions = sessions(SessionLimits.DEFAULTS);

  Sessions<PongMessage.Builder> sessions(SessionLimits limits) {
    return Sessions.builder(Pong.CHAIN, Pong.CODEC::decode, Pong.ERRORS)
        .rollout(rollout)
        .onMessage((session, message) -> received.add(message))
        .messageType(m -> m.getPayloadCase().name().toLowerCase())
        .limits(limits)
        .metrics(metrics)
        .nanoClock(clock::get)
        .build();
  }

  @AfterEach
  void close() {
    sessions.close();
    rollout.close();
  }

  Session open(String query, FakeTransport transport) {
    return sessions.upgrade(query, List.of(), new ConnectionIds("r1", "player-" + query, "c-" + query)).open(transport);
  }

  static byte[] move(int dy) {
    return PongMessage.newBuilder().setMove(Move.newBuilder().setPaddleId("p0").setDy(dy)).build().toByteArray();
  }

  @Test
  void queryHandshake_protobufInRollout_countsInItsGaugeAndDecodesWhatTheClientSends() {
    FakeTransport t = new FakeTransport();
    Session s = open("proto_version=1.1.0", t);

    assertThat(s.cohort().label()).isEqualTo("protobuf/1.1.0");
    assertThat(s.reason()).isEqualTo("in_rollout");
    assertThat(metrics.gauge("protobuf", "1.1.0")).isEqualTo(1);
    s.onBinary(ByteBuffer.wrap(move(2)));
    assertThat(received).singleElement().satisfies(m -> assertThat(m.getMove().getDy()).isEqualTo(2));
    assertThat(metrics.count("decoded protobuf 1.1.0 move")).isEqualTo(1);
  }

  @Test
  void hello_asTheFirstFrameInTime_isAcked_andASecondHelloGetsTheSameAckAgain() {
    FakeTransport t = new FakeTransport();
    Session s = open("", t);
    assertThat(s.cohort().label()).isEqualTo("json/1.0.0");

    String hello = "{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.1.0\"}";
    s.onText(hello);
    s.onText(hello);

    assertThat(t.texts()).hasSize(2).allSatisfy(ack ->
        assertThat(HelloReply.parse(ack)).isInstanceOf(HelloReply.Ack.class));
    assertThat(t.texts().get(0)).isEqualTo(t.texts().get(1));
    assertThat(s.cohort().label()).isEqualTo("protobuf/1.1.0");
    assertThat(t.closeCode).isNull();
    assertThat(metrics.gauge("protobuf", "1.1.0")).isEqualTo(1);
    assertThat(metrics.gauge("json", "1.0.0")).isZero();
  }

  @Test
  void hello_inARoom_thenDisconnectBeforeTheTick_leavesNoGaugeBehind() {
    FakeTransport t = new FakeTransport();
    Session s = open("", t);
    RoomFanout<Court> room = sessions.room(Pong.STATES, "court");
    room.add(s, "p0");
    room.broadcast(1, Pong.court(1, 1));

    s.onText("{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.1.0\"}");
    s.onClosed(1000, "bye");
    room.broadcast(2, Pong.court(2, 1));

    assertThat(metrics.gauge("protobuf", "1.1.0")).isZero();
    assertThat(metrics.gauge("json", "1.0.0")).isZero();
    assertThat(metrics.count("closed 1000")).isEqualTo(1);
  }

  @Test
  void hello_afterTheWindow_closesWith4001() {
    FakeTransport t = new FakeTransport();
    Session s = open("", t);

    clock.addAndGet(Duration.ofSeconds(6).toNanos());
    s.onText("{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.1.0\"}");

    assertThat(t.closeCode).isEqualTo(CloseCode.HANDSHAKE_TIMEOUT.code());
    assertThat(t.closeReason).contains("first frame, within 5000 ms");
  }

  @Test
  void hello_notTheFirstFrame_closesWith4001() {
    FakeTransport t = new FakeTransport();
    Session s = open("", t);

    s.onText("move { paddle_id: \"p0\" dy: 1 }");
    s.onText("{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.1.0\"}");

    assertThat(received).hasSize(1);
    assertThat(t.closeCode).isEqualTo(4001);
  }

  @Test
  void refusedHandshake_sendsTheRejectThenCloses_andTheMetricCountsTheCodeTheServerSent() {
    FakeTransport t = new FakeTransport();
    Session s = open("proto_version=9.0.0", t);

    assertThat(t.texts()).singleElement().satisfies(r -> assertThat(r).contains("\"type\":\"hello_reject\""));
    assertThat(t.closeCode).isEqualTo(CloseCode.VERSION_UNSUPPORTED.code());
    s.onClosed(1006, "the transport saw the peer go");
    assertThat(metrics.count("closed 4002")).isEqualTo(1);
    assertThat(metrics.count("closed 1006")).isZero();
  }

  @Test
  void refusedSubprotocolHandshake_stillSelectsAnOfferedSubprotocol_soABrowserReadsTheReject() {
    Upgrade upgrade = sessions.upgrade("", List.of("protoshift.protobuf.v9.0"), new ConnectionIds("r", null, "c"));

    assertThat(upgrade.accepted()).isFalse();
    assertThat(upgrade.subprotocol()).contains("protoshift.protobuf.v9.0");
    assertThat(sessions.upgrade("", List.of("protoshift.protobuf.v1.1"), new ConnectionIds("r", null, "c2"))
        .subprotocol()).contains("protoshift.protobuf.v1.1");
  }

  @Test
  void decodeErrors_overTheBudget_switchToJsonForGood_evenAcrossARedecision() {
    FakeTransport t = new FakeTransport();
    Session s = open("proto_version=1.1.0", t);
    for (int i = 0; i < SessionLimits.DEFAULTS.decodeErrorLimit() + 1; i++) {
      s.onBinary(ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xff}));
    }

    assertThat(s.protocol()).isEqualTo(Protocol.JSON);
    assertThat(s.reason()).isEqualTo("decode_errors");
    assertThat(t.frames().stream().flatMap(f -> f.protocolSwitch().stream()).toList()).singleElement()
        .satisfies(sw -> assertThat(sw.reason()).isEqualTo("decode_errors"));
    assertThat(metrics.count("switched protobuf json decode_errors")).isEqualTo(1);
    assertThat(metrics.count("decodeError protobuf 1.1.0 bad_frame")).isEqualTo(6);

    rollout.mergeAdminOverrides(RolloutOverrides.builder().rolloutBasisPoints(10_000).salt("changed").build());
    assertThat(s.reason()).isEqualTo("decode_errors");
  }

  @Test
  void badTextFrame_isAnsweredWithAnErrorInTheClientsProtocol_andDoesNotDowngrade() {
    FakeTransport t = new FakeTransport();
    Session s = open("", t);

    s.onText("this is not a message");

    assertThat(t.texts()).singleElement().satisfies(e -> assertThat(e).startsWith("problem {").contains("bad_frame"));
    assertThat(s.reason()).isEqualTo("no_client_support");
  }

  @Test
  void rateLimit_dropsThenClosesWith4003_countedAsSuch() {
    sessions = sessions(SessionLimits.DEFAULTS.withInboundRate(1, 1).withInboundCloseAfterDrops(2));
    FakeTransport t = new FakeTransport();
    Session s = open("proto_version=1.1.0", t);
    for (int i = 0; i < 4; i++) {
      s.onBinary(ByteBuffer.wrap(move(1)));
    }

    assertThat(received).hasSize(1);
    assertThat(metrics.count("inboundDropped rate_limited")).isEqualTo(3);
    assertThat(t.closeCode).isEqualTo(CloseCode.RATE_LIMITED.code());
    s.onClosed(1006, "");
    assertThat(metrics.count("closed 4003")).isEqualTo(1);
  }

  @Test
  void slowConsumer_isClosedWith4004_andAbortedWhenItDoesNotAnswerTheClose_freeingItsGauge() {
    sessions = sessions(SessionLimits.DEFAULTS.withSlowConsumerTimeout(Duration.ofSeconds(1))
        .withCloseTimeout(Duration.ofMillis(100)));
    FakeTransport t = new FakeTransport();
    t.reading = false;
    Session s = open("proto_version=1.1.0", t);
    RoomFanout<Court> room = sessions.room(Pong.STATES, "court");
    room.add(s, "p0");
    room.broadcast(1, Pong.court(1, 1));
    room.broadcast(2, Pong.court(2, 1)); // behind from here

    clock.addAndGet(Duration.ofSeconds(2).toNanos());
    room.broadcast(3, Pong.court(3, 1));

    await().atMost(Duration.ofSeconds(5)).until(() -> t.aborted);
    assertThat(metrics.count("closed 4004")).isEqualTo(1);
    assertThat(metrics.gauge("protobuf", "1.1.0")).isZero();
    assertThat(sessions.count()).isZero();
    room.broadcast(4, Pong.court(4, 1));
    assertThat(room.size()).isZero();
  }

  @Test
  void drain_closesEverySessionWith1012_andRefusesNewOnes() {
    FakeTransport a = new FakeTransport();
    open("proto_version=1.1.0", a);

    sessions.drain("restart; reconnect_after_ms=300");
    FakeTransport late = new FakeTransport();
    open("proto_version=1.1.0", late);

    assertThat(a.closeCode).isEqualTo(1012);
    assertThat(a.closeReason).isEqualTo("restart; reconnect_after_ms=300");
    assertThat(late.closeCode).isEqualTo(1012);
  }

  @Test
  void theGamesHandlerFailing_answersServerError_andKeepsTheConnection() {
    sessions = Sessions.builder(Pong.CHAIN, Pong.CODEC::decode, Pong.ERRORS).rollout(rollout)
        .onMessage((session, message) -> {
          throw new IllegalStateException("game bug");
        }).build();
    FakeTransport t = new FakeTransport();
    Session s = open("proto_version=1.1.0", t);

    s.onBinary(ByteBuffer.wrap(move(1)));

    assertThat(t.frames()).singleElement().satisfies(f -> assertThat(f.binary()).isTrue());
    assertThat(s.isOpen()).isTrue();
  }
}
