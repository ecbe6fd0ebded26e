package com.example.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.StringValue;
import dev.protoshift.convert.MessageCodec;
import dev.protoshift.convert.ProtoJson;
import dev.protoshift.convert.VersionChain;
import dev.protoshift.operations.ConnectionKey;
import dev.protoshift.operations.ConnectionWindows;
import dev.protoshift.operations.WindowSettings;
import dev.protoshift.operations.ramp.RampController;
import dev.protoshift.operations.ramp.RampEvent;
import dev.protoshift.operations.ramp.RampMetrics;
import dev.protoshift.operations.ramp.RampStatus;
import dev.protoshift.operations.readiness.ReadinessJson;
import dev.protoshift.operations.readiness.ReadinessReport;
import dev.protoshift.session.ConnectionIds;
import dev.protoshift.session.Session;
import dev.protoshift.session.SessionMetrics;
import dev.protoshift.session.Sessions;
import dev.protoshift.session.Transport;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a team with its own server and transport writes to use protoshift-operations: only public
 * types, from a package of its own (no package-private access is possible from here).
 */
class AdopterTest {

  /** The team's game: one message type, one release (the operations do not care about the schema). */
  static final VersionChain<StringValue.Builder> CHAIN =
      VersionChain.<StringValue.Builder>startingAt("1.0.0", "First.").build();
  static final MessageCodec<StringValue.Builder> CODEC = MessageCodec.of(CHAIN, StringValue::newBuilder,
      ProtoJson.create());

  /** The team's transport: drops what is sent (this test reads the counts, not the frames). */
  static final class NullTransport implements Transport {
    @Override
    public void sendBinary(ByteBuffer payload, SendCallback done) {
      done.succeeded();
    }

    @Override
    public void sendText(String text, SendCallback done) {
      done.succeeded();
    }

    @Override
    public void close(int code, String reason) {}

    @Override
    public void abort() {}
  }

  @TempDir
  Path dir;

  final AtomicLong clock = new AtomicLong(600_000);
  final RolloutConfigHolder rollout = RolloutConfigHolder.builder()
      .environment(Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "100")).build();
  final List<Map<ConnectionKey, Integer>> samples = new CopyOnWriteArrayList<>();
  final ConnectionWindows windows = new ConnectionWindows(
      new WindowSettings(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1)), clock::get, samples::add);
  Sessions<StringValue.Builder> sessions;

  @AfterEach
  void close() {
    windows.close();
    if (sessions != null) {
      sessions.close();
    }
    rollout.close();
  }

  Session open(Sessions<StringValue.Builder> sessions, String query, String connection) {
    return sessions.upgrade(query, List.of(), new ConnectionIds("room-1", connection, connection))
        .open(new NullTransport());
  }

  @Test
  void readiness_fromTheTeamsOwnSessions_saysNotYetWhileALegacyClientIsOnJson_thenReady() {
    // 1. Wrap the server's own SessionMetrics with the windows' counting decorator.
    sessions = Sessions.builder(CHAIN, CODEC::decode, (code, message, cohort) -> new byte[0])
        .rollout(rollout)
        .metrics(windows.counting(SessionMetrics.NONE))
        .build();
    windows.start(sessions);

    // 2. The transport feeds a few sessions: two protobuf clients, one legacy JSON client.
    Session fast = open(sessions, "proto_version=1.0.0", "c1");
    Session other = open(sessions, "proto_version=1.0.0", "c2");
    Session legacy = open(sessions, "", "c3");
    assertThat(List.of(fast.protocol().code(), other.protocol().code(), legacy.protocol().code()))
        .containsExactly("protobuf", "protobuf", "json");
    fast.onBinary(ByteBuffer.wrap(StringValue.of("move").toByteArray()));
    fast.onBinary(ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}));
    clock.addAndGet(30_000);
    windows.sample();
    assertThat(samples).last().satisfies(open -> assertThat(open)
        .containsEntry(new ConnectionKey("json", "no_client_support", "none", false), 1)
        .containsEntry(new ConnectionKey("protobuf", "in_rollout", "1.0.0", true), 2));
    legacy.onClosed(1006, "dropped");
    windows.closed(legacy, 1006); // the transport's close callback

    long now = clock.get();
    Map<String, long[]> events = windows.events(now - 60_000, now);
    assertThat(events.get("protobuf")[ConnectionWindows.DECODED]).isEqualTo(1);
    assertThat(events.get("protobuf")[ConnectionWindows.DECODE_ERRORS]).isEqualTo(1);
    assertThat(events.get("json")[ConnectionWindows.ABNORMAL_CLOSES]).isEqualTo(1);

    // 3. Ask the readiness report for a window and read its verdict, reasons and JSON.
    ReadinessReport notYet = ReadinessReport.of(windows, Duration.ofMinutes(1), 0.001);
    assertThat(notYet.ready()).isFalse();
    assertThat(notYet.reasons()).anySatisfy(r -> assertThat(r)
        .contains("clients that cannot speak protobuf (no_client_support").contains("versions none"));
    ObjectNode json = ReadinessJson.write(notYet, rollout.current().toMap());
    assertThat(json.path("verdict").asText()).isEqualTo("not_yet");
    assertThat(json.path("rollout").path("rollout_percentage").asInt()).isEqualTo(100);

    // Two minutes later the legacy client is long gone: the last minute was all protobuf.
    clock.addAndGet(120_000);
    windows.sample();
    ReadinessReport ready = ReadinessReport.of(windows, Duration.ofMinutes(1), 0.001);
    assertThat(ready.ready()).as(ready.summary()).isTrue();
    assertThat(ReadinessJson.write(ready, rollout.current().toMap()).path("verdict").asText()).isEqualTo("ready");
  }

  @Test
  void ramp_onATempStateDir_appliesItsFirstStepToTheRolloutConfig_andAnOperatorPausesIt() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yaml"), """
        protobuf:
          enabled: true
        protobuf_ramp:
          enabled: true
          start: "%s"
          steps: [10, 50, 100]
          soak: 1h
          evaluation_interval: 200ms
          gate_window: 10s
          state_dir: %s
        """.formatted(Instant.now().minusSeconds(5), dir.resolve("state")));
    List<String> seen = new CopyOnWriteArrayList<>();
    RampMetrics metrics = new RampMetrics() {
      @Override
      public void applied(RampStatus status, int basisPoints, int stepIndex) {
        seen.add("applied " + status.code() + " " + basisPoints + " step " + stepIndex);
      }

      @Override
      public void transition(RampEvent.Action action) {
        seen.add("wrote " + action.code());
      }
    };
    ConnectionWindows counts = new ConnectionWindows(
        new WindowSettings(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMinutes(1)));
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().watchFile(config).build();
        RampController ramp = new RampController(holder, counts, Optional.of(config), "replica a", Clock.systemUTC(),
            metrics, result -> seen.add("plan " + result))) {
      ramp.start();

      assertThat(holder.current().rolloutBasisPoints()).isEqualTo(1_000);
      assertThat(ramp.view().applied()).isEqualTo(RampStatus.RAMPING);
      assertThat(ramp.view().instance()).isEqualTo("replica_a");
      assertThat(Files.readString(dir.resolve("state/state.json"))).contains("\"status\" : \"ramping\"");
      assertThat(seen).containsExactly("wrote start", "applied ramping 1000 step 0");
      await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(dir.resolve("state/health/replica_a.json")));

      assertThat(ramp.pause().status()).isEqualTo(RampStatus.PAUSED);
      assertThat(ramp.view().applied()).isEqualTo(RampStatus.PAUSED);
      assertThat(holder.current().rolloutBasisPoints()).isEqualTo(1_000);
      assertThat(ramp.view().toJson().path("state").path("status").asText()).isEqualTo("paused");
    } finally {
      counts.close();
    }
  }
}
