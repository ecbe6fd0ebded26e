package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protoshift.versioning.ProtocolVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak of issue 12, not part of the default build (its name is not a test's): for a few
 * minutes, against a server process as deployed, everything the hostile probe found at once — the
 * kill switch through the file and the admin API, the config file turned into {@code /dev/zero}, a
 * FIFO and garbage, rooms opened and left, clients that stop reading — while well-behaved clients
 * play. Asserts: the kill switch always works (file when healthy, admin always), gauges return to
 * zero, RSS stays bounded, no update lost, repeated or garbled for the well-behaved clients.
 *
 * <pre>{@code
 * ./mvnw -B -ntp -pl server-reference/tools -am verify -Dtest=ChaosSoak -Dsurefire.failIfNoSpecifiedTests=false -Dsoak.minutes=3
 * }</pre>
 */
class ChaosSoak {

  private static final Map<String, String> ENV = Map.of("PROTOSHIFT_ADMIN_TOKEN", Chaos.TOKEN);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  @Test
  void everythingAtOnce_forMinutes() throws Exception {
    double minutes = Double.parseDouble(System.getProperty("soak.minutes", "3"));
    long end = System.nanoTime() + (long) (minutes * 60e9);
    Path good = Files.writeString(dir.resolve("good.yaml"), config(true));
    Path link = Files.createSymbolicLink(dir.resolve("rollout.yaml"), good);
    Path fifo = dir.resolve("config.fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Path garbage = Files.write(dir.resolve("garbage.yaml"), new byte[] {'p', ':', (byte) 0xff, '{', '['});
    try (ServerProcess server = ServerProcess.start("soak", ENV, "--config", link.toString(), "--tick-rate", "30",
        "--wanderers", "200", "--slow-consumer-timeout", "1s")) {
      LoadSettings players = new LoadSettings(List.of(URI.create("ws://127.0.0.1:" + server.gamePort() + "/ws")), 60, 6,
          "soak", Duration.ofMinutes(30), Duration.ofSeconds(2), LoadSettings.Mix.MIXED, Optional.of(ProtocolVersion.parse("1.2.0")),
          ClientHandshake.AUTO, 2, Optional.empty(), Optional.of(server.adminUri()), Optional.of(Chaos.TOKEN),
          Duration.ofSeconds(5), 11);
      List<Long> rss = new ArrayList<>();
      AtomicInteger churned = new AtomicInteger();
      AtomicInteger stalledClosed = new AtomicInteger();
      AtomicBoolean stop = new AtomicBoolean();
      Thread churn = churn(server, stop, churned);
      int flips = 0;
      int faults = 0;
      try (LoadSession session = LoadSession.open(players, new PrintWriter(new StringWriter()))) {
        session.startWindow();
        churn.start();
        for (int round = 0; System.nanoTime() < end; round++) {
          rss.add(rssKb(server));
          // The kill switch through the file (healthy now) and back.
          Files.writeString(good, config(false));
          awaitAll(session, "json");
          Files.writeString(good, config(true));
          awaitAll(session, "protobuf");
          flips += 2;
          // A config-source fault: /dev/zero, a FIFO or garbage; the admin kill switch still works.
          Path bad = switch (round % 3) {
            case 0 -> Path.of("/dev/zero");
            case 1 -> fifo;
            default -> garbage;
          };
          point(link, bad);
          faults++;
          await().atMost(Duration.ofSeconds(10)).until(() ->
              metrics(server).contains("protoshift_config_source_healthy{source=\"file\"} 0.0"));
          admin(server, "POST", "/admin/kill-switch");
          awaitAll(session, "json");
          admin(server, "DELETE", "/admin/kill-switch");
          awaitAll(session, "protobuf");
          flips += 2;
          point(link, good);
          await().atMost(Duration.ofSeconds(10)).until(() ->
              metrics(server).contains("protoshift_config_source_healthy{source=\"file\"} 1.0"));
          // Clients that stop reading, in a busy room of their own: closed with 4004 and released.
          stalledClosed.addAndGet(stallTwo(server));
        }
        stop.set(true);
        churn.join(10_000);
        LoadResults results = session.finish("soak");
        Chaos.assertClean(results);
      }
      await().atMost(Duration.ofSeconds(15)).until(() -> {
        String m = metrics(server);
        return HostileProbeTest.sum(m, "protoshift_ws_connections") == 0 && HostileProbeTest.sum(m, "protoshift_rooms") == 0;
      });
      rss.add(rssKb(server));
      long early = rss.get(Math.min(1, rss.size() - 1));
      long peak = rss.stream().mapToLong(Long::longValue).max().orElseThrow();
      System.out.printf("[soak] %.1f min: %d kill-switch flips, %d config faults, %d rooms churned, %d stalled clients"
          + " closed; RSS %d MB early, %d MB peak, %d MB at the end%n", minutes, flips, faults, churned.get(),
          stalledClosed.get(), early / 1024, peak / 1024, rss.get(rss.size() - 1) / 1024);
      assertThat(peak).as("RSS bounded: peak against the second sample (KB)").isLessThan(early * 3 / 2 + 64 * 1024);
      assertThat(churned.get()).isPositive();
      assertThat(stalledClosed.get()).isPositive();
    }
  }

  private static String config(boolean enabled) {
    return "protobuf:\n  enabled: " + enabled + "\n  rollout_percentage: 100\n";
  }

  /** Every client that would like protobuf is on {@code protocol} (the JSON ones stay on JSON). */
  private static void awaitAll(LoadSession session, String protocol) {
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() ->
        session.connections().stream().filter(c -> c.plan().protocol() == dev.protoshift.versioning.Protocol.PROTOBUF)
            .allMatch(c -> protocol.equals(c.protocol())));
  }

  private static void point(Path link, Path target) throws Exception {
    Path tmp = link.resolveSibling("rollout.tmp");
    Files.deleteIfExists(tmp);
    Files.createSymbolicLink(tmp, target);
    Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Opens and leaves rooms all the time: each costs nothing once empty. */
  private static Thread churn(ServerProcess server, AtomicBoolean stop, AtomicInteger count) {
    Thread t = new Thread(() -> {
      while (!stop.get()) {
        try (RawWebSocket ws = RawWebSocket.upgrade(server.gamePort(),
            "/ws?room=churn-" + ThreadLocalRandom.current().nextInt(1_000_000), "", 0)) {
          count.incrementAndGet();
        } catch (Exception e) {
          // a refusal (e.g. the room budget) is what the server should do under churn
        }
        try {
          Thread.sleep(150);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "soak-churn");
    t.setDaemon(true);
    return t;
  }

  /**
   * Two clients that stop reading, in a room with large states: returns how many were closed with
   * 4004. On a busy machine the kernel's socket buffers (megabytes on loopback) take a while to fill
   * before a write stays pending; from then on, 1 s behind closes the client.
   */
  private static int stallTwo(ServerProcess server) throws Exception {
    String before = metrics(server);
    double closed = HostileProbeTest.value(before, "protoshift_ws_connections_closed_total{code=\"4004\"}");
    List<RawWebSocket> stalled = new ArrayList<>();
    String room = "stall-" + ThreadLocalRandom.current().nextInt(1_000_000);
    // One protobuf client and one legacy JSON client (no version declared).
    for (String query : List.of("&proto_version=1.1.0", "")) {
      stalled.add(RawWebSocket.upgrade(server.gamePort(), "/ws?room=" + room + query, "", 2048));
    }
    try {
      await().atMost(Duration.ofSeconds(90)).until(() ->
          HostileProbeTest.value(metrics(server), "protoshift_ws_connections_closed_total{code=\"4004\"}") >= closed + 2);
      return 2;
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      String m = metrics(server);
      throw new AssertionError("stalled clients in " + room + " (upgrade " + stalled.get(0).status + ", "
          + stalled.get(1).status + ") not closed with 4004; closed counters: "
          + m.lines().filter(l -> l.startsWith("protoshift_ws_connections")).toList() + "\nserver output:\n"
          + server.output().lines().skip(Math.max(0, server.output().lines().count() - 40)).toList(), e);
    } finally {
      for (RawWebSocket s : stalled) {
        s.close();
      }
    }
  }

  private static String metrics(ServerProcess server) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(server.adminUri().resolve("/metrics"))
        .header("Authorization", "Bearer " + Chaos.TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static void admin(ServerProcess server, String method, String path) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.adminUri().resolve(path))
        .header("Authorization", "Bearer " + Chaos.TOKEN).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + " within its timeout, during a config fault: " + r.body())
        .isEqualTo(200);
  }

  private static long rssKb(ServerProcess server) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + server.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for " + server.pid());
  }
}
