package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protoshift.operations.ramp.RampController;
import dev.protoshift.tools.loadtest.LoadSettings.Mix;
import dev.protoshift.versioning.ProtocolVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guarded ramp on two server processes sharing one config file and one state directory, as
 * two replicas behind a balancer would. Clients are spread over both; two rooms are force-enabled
 * (rooms {@code chaos-0} on A and {@code chaos-1} on B), so that every step has protobuf clients on
 * both replicas whatever the hash of 40 connection ids gives. The ramp climbs to 25% on
 * both; then protobuf decode errors are injected into both (fault injection turned on at runtime,
 * the seed's chaos step) and the ramp must roll back to 10% at the first evaluation that counts the
 * errors, so within one evaluation interval of them, and both replicas must apply it within a state
 * poll ({@link RampController#TICK}). The timing comes from the replicas' own records (their
 * evaluations in {@code GET /admin/ramp}), so that a loaded machine's slow clients do not count.
 * Throughout, a watcher reads both replicas' ramp every 50 ms: they never apply different steps
 * for the same generation, and never stay a generation apart for longer than a state poll.
 */
class RampRollbackChaosTest {

  static final Duration INTERVAL = Duration.ofSeconds(2);
  /** Scheduling and HTTP on a loaded machine (2 cores shared with other builds). */
  static final Duration SLACK = Duration.ofMillis(750);
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  record Evaluation(String replica, long at, long generation, long errors, String decision) {}

  record Seen(long atMillis, long genA, int pctA, String statusA, long genB, int pctB, String statusB) {}

  static JsonNode call(ServerProcess s, String method, String path, String body) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(s.adminUri() + path))
        .header("Authorization", "Bearer " + Chaos.TOKEN).timeout(Duration.ofSeconds(5))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** When the replica corrupted its first frame since the injection was set. */
  static long firstCorrupted(ServerProcess s) throws Exception {
    String at = call(s, "GET", "/admin/fault-injection", null).path("first_corrupted_at").asText();
    return at.isEmpty() ? Long.MAX_VALUE : Instant.parse(at).toEpochMilli();
  }

  static int percent(JsonNode ramp) {
    return ramp.path("applied").path("rollout_percentage").asInt(-1);
  }

  @Test
  void decodeErrorsAtThe25PercentStep_bothReplicasRollBackTo10_withinOneEvaluationInterval() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yaml"), """
        protobuf:
          enabled: true
          bucket_by: connection
          force_enable_rooms: ["chaos-0", "chaos-1"]   # protobuf at every step, on both replicas
        protobuf_ramp:
          enabled: true
          start: "%s"
          steps: [{percent: 10, soak: 2s}, {percent: 25, soak: 10m}, 50, 100]
          evaluation_interval: 2s
          gate_window: 10s
          state_dir: %s
          gates:
            decode_error_margin: 0.01
            min_protobuf_messages: 1
            min_protobuf_connection_hours: 0.0002
        """.formatted(Instant.now(), dir.resolve("shared-ramp")));
    Map<String, String> env = Map.of("PROTOSHIFT_ADMIN_TOKEN", Chaos.TOKEN);
    String[] args = {"--config", config.toString(), "--allow-fault-injection", "--readiness-sample-interval", "20ms",
        "--readiness-resolution", "100ms", "--readiness-retention", "1m"};
    List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean watching = new AtomicBoolean(true);
    boolean passed = false;
    try (ServerProcess a = ServerProcess.start("A", env, args);
        ServerProcess b = ServerProcess.start("B", env, args)) {
      Thread watcher = new Thread(() -> {
        while (watching.get()) {
          try {
            JsonNode ra = call(a, "GET", "/admin/ramp", null);
            JsonNode rb = call(b, "GET", "/admin/ramp", null);
            seen.add(new Seen(System.currentTimeMillis(), ra.path("applied").path("generation").asLong(), percent(ra),
                ra.path("status").asText(), rb.path("applied").path("generation").asLong(), percent(rb),
                rb.path("status").asText()));
            Thread.sleep(50);
          } catch (Exception e) {
            return;
          }
        }
      }, "ramp-watcher");
      watcher.start();
      LoadSettings settings = new LoadSettings(List.of(URI.create("ws://127.0.0.1:" + a.gamePort() + "/ws"),
          URI.create("ws://127.0.0.1:" + b.gamePort() + "/ws")), 40, 20, "chaos", Duration.ofMinutes(5),
          Duration.ofMillis(400), Mix.PROTOBUF, Optional.of(ProtocolVersion.parse("1.2.0")), ClientHandshake.AUTO, 20,
          Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(1), 11);
      try (LoadSession clients = Chaos.open(settings)) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(50)).until(() ->
            percent(call(a, "GET", "/admin/ramp", null)) == 25 && percent(call(b, "GET", "/admin/ramp", null)) == 25);

        long injected = System.currentTimeMillis();
        call(a, "PUT", "/admin/fault-injection", "{\"inject_proto_errors\": 0.5}");
        call(b, "PUT", "/admin/fault-injection", "{\"inject_proto_errors\": 0.5}");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() ->
            percent(call(a, "GET", "/admin/ramp", null)) == 10 && percent(call(b, "GET", "/admin/ramp", null)) == 10);
        long bothBack = System.currentTimeMillis();
        long firstFault = Math.min(firstCorrupted(a), firstCorrupted(b));
        call(a, "PUT", "/admin/fault-injection", "{\"inject_proto_errors\": 0}");
        call(b, "PUT", "/admin/fault-injection", "{\"inject_proto_errors\": 0}");

        JsonNode rampA = call(a, "GET", "/admin/ramp", null);
        JsonNode rollback = null;
        for (JsonNode e : rampA.path("state").path("history")) {
          if (e.path("action").asText().equals("rollback") && e.path("from").asInt() == 25) {
            rollback = e;
          }
        }
        assertThat(rollback).as("a rollback from 25%% in %s", rampA.path("state").path("history")).isNotNull();
        assertThat(rollback.path("to").asInt()).isEqualTo(10);
        assertThat(rollback.path("reason").asText()).startsWith("gate failed at 25%: ").contains("decode_errors fail");
        long rolledBackAt = Instant.parse(rollback.path("at").asText()).toEpochMilli();
        assertThat(firstFault).as("the first corrupted frame came after the injection").isGreaterThanOrEqualTo(injected);
        assertThat(rolledBackAt).as("the rollback came after the first corrupted frame").isGreaterThanOrEqualTo(firstFault);

        // Timing from the replicas' own records, so that a loaded machine's slow clients do not count:
        // the rollback is decided at the first evaluation whose counts include the decode errors, at
        // most one evaluation interval after the last evaluation that had none.
        List<Evaluation> evaluations = new ArrayList<>();
        for (ServerProcess s : List.of(a, b)) {
          List<Evaluation> own = new ArrayList<>();
          for (JsonNode e : call(s, "GET", "/admin/ramp", null).path("evaluations")) {
            own.add(new Evaluation(s == a ? "A" : "B", Instant.parse(e.path("at").asText()).toEpochMilli(),
                e.path("generation").asLong(), e.path("protobuf_decode_errors").asLong(), e.path("decision").asText()));
          }
          for (int i = 1; i < own.size(); i++) {
            assertThat(own.get(i).at() - own.get(i - 1).at()).as("evaluations of %s %d apart", own.get(i).replica(), i)
                .isLessThanOrEqualTo(INTERVAL.plus(SLACK).toMillis());
          }
          evaluations.addAll(own);
        }
        long generation = rollback.path("generation").asLong() - 1; // the generation whose reports failed
        Evaluation firstWithErrors = evaluations.stream().filter(e -> e.generation() == generation && e.errors() > 0)
            .min(java.util.Comparator.comparingLong(Evaluation::at)).orElseThrow();
        long lastWithout = evaluations.stream().filter(e -> e.replica().equals(firstWithErrors.replica())
            && e.at() < firstWithErrors.at()).mapToLong(Evaluation::at).max().orElseThrow();
        assertThat(rolledBackAt).as("rolled back at the first evaluation that counted errors: %s", evaluations)
            .isLessThanOrEqualTo(firstWithErrors.at());
        assertThat(rolledBackAt - lastWithout).as("from the last evaluation without errors to the rollback, ms")
            .isLessThanOrEqualTo(INTERVAL.plus(SLACK).toMillis());
        System.out.printf("rollback %d ms after the last evaluation without decode errors (interval %d ms)%n",
            rolledBackAt - lastWithout, INTERVAL.toMillis());
        for (ServerProcess s : List.of(a, b)) {
          JsonNode applied = call(s, "GET", "/admin/ramp", null).path("applied");
          if (applied.path("generation").asLong() == generation + 1) {
            System.out.printf("replica %s applied it %d ms after the rollback%n", s == a ? "A" : "B",
                Instant.parse(applied.path("since").asText()).toEpochMilli() - rolledBackAt);
            assertThat(Instant.parse(applied.path("since").asText()).toEpochMilli() - rolledBackAt)
                .as("from the rollback to %s applying it, ms", s == a ? "A" : "B")
                .isLessThanOrEqualTo(RampController.TICK.plus(SLACK).toMillis());
          }
        }
        for (ServerProcess s : List.of(a, b)) {
          assertThat(call(s, "GET", "/admin/rollout", null).path("config").path("rollout_percentage").asInt())
              .as(s + " rollout config in force").isIn(10, 0);
          assertThat(call(s, "GET", "/admin/ramp", null).path("status").asText()).isEqualTo("rolled_back");
        }
        passed = true;
      } finally {
        watching.set(false);
        watcher.join(5_000);
        if (!passed) {
          System.out.println("server A:\n" + a.output() + "\nserver B:\n" + b.output());
        }
      }
      assertDidNotDiverge(seen);
    }
  }

  /** Same generation, same step; a generation apart for at most a state poll (250 ms) plus the watcher's two reads. */
  static void assertDidNotDiverge(List<Seen> seen) {
    assertThat(seen).hasSizeGreaterThan(20);
    long apartSince = -1;
    long longestApart = 0;
    for (Seen s : seen) {
      if (s.genA() == s.genB()) {
        assertThat(s.pctA()).as("same generation %d, same step: %s", s.genA(), s).isEqualTo(s.pctB());
        apartSince = -1;
      } else {
        assertThat(Math.abs(s.genA() - s.genB())).as("a generation apart at most: %s", s).isLessThanOrEqualTo(1);
        apartSince = apartSince < 0 ? s.atMillis() : apartSince;
        longestApart = Math.max(longestApart, s.atMillis() - apartSince);
      }
    }
    assertThat(longestApart).as("longest time the replicas applied different generations, ms").isLessThanOrEqualTo(1_000);
  }
}
