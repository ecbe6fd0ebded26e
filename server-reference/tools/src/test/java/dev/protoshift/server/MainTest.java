package dev.protoshift.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protoshift.tools.client.Backoff;
import dev.protoshift.tools.client.ClientRuntime;
import dev.protoshift.tools.client.ReconnectingSocket;
import dev.protoshift.tools.client.RecordingListener;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The server as a process: what an operator and Kubernetes see. */
class MainTest {

  static Process launch(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("PROTOSHIFT_ADMIN_TOKEN");
    pb.environment().remove("INJECT_PROTO_ERRORS");
    pb.environment().putAll(env);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  @Test
  void sigterm_drainsWith1012AndExitsZero() throws Exception {
    Process p = launch(Map.of("PROTOSHIFT_ADMIN_TOKEN", TestServers.TOKEN),
        "--port", "0", "--admin-port", "0", "--host", "127.0.0.1", "--drain-timeout", "5s");
    try (ClientRuntime clients = ClientRuntime.start()) {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      List<String> banner = new ArrayList<>();
      String line;
      while ((line = out.readLine()) != null && !line.contains("tick rate")) {
        banner.add(line);
      }
      assertThat(String.join("\n", banner))
          .contains("game   ws://127.0.0.1:")
          .contains("admin  http://127.0.0.1:")
          .contains("admin token: environment PROTOSHIFT_ADMIN_TOKEN")
          .doesNotContain(TestServers.TOKEN);
      Matcher m = Pattern.compile("connect: (ws://\\S+)\\?room=lobby").matcher(String.join("\n", banner));
      assertThat(m.find()).isTrue();
      RecordingListener listener = new RecordingListener();
      ReconnectingSocket socket = new ReconnectingSocket(clients,
          ReconnectingSocket.to(URI.create(m.group(1) + "?room=lobby")), Backoff.NONE, listener);
      socket.connect().get(10, TimeUnit.SECONDS);
      // the server has the connection in its room once it sends the room's state (a fixed sleep
      // raced a loaded machine)
      await().atMost(Duration.ofSeconds(10)).until(() -> !listener.texts.isEmpty() || !listener.binaries.isEmpty());

      p.destroy(); // SIGTERM

      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
      await().atMost(Duration.ofSeconds(5)).until(() -> !listener.closes.isEmpty());
      assertThat(listener.closes.get(0).code()).isEqualTo(1012);
      assertThat(listener.closes.get(0).reason()).contains("reconnect_after_ms=");
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void badOption_exitsTwoNamingIt() throws Exception {
    Process p = launch(Map.of(), "--tick-rate", "500", "--port", "0", "--admin-port", "0");
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
  }

  @Test
  void faultInjection_withoutExplicitPermission_isRefused() throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0", "--admin-port", "0");
    pb.environment().put("INJECT_PROTO_ERRORS", "0.2");
    pb.environment().remove("PROTOSHIFT_ALLOW_FAULT_INJECTION");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(output).contains("INJECT_PROTO_ERRORS=0.2 refused").contains("--allow-fault-injection");
  }

  @Test
  void readinessSubcommand_exitsOneForNotYet_twoForAWrongToken_zeroForHelp() throws Exception {
    try (ReferenceServer server = TestServers.start(TestServers.settings()
        .windows(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMinutes(1)).build())) {
      String url = server.adminUri().toString();
      Process notYet = launchCapturing(Map.of("PROTOSHIFT_ADMIN_TOKEN", TestServers.TOKEN),
          "readiness", "--admin-url", url, "--window", "1s");
      Process wrongToken = launchCapturing(Map.of("PROTOSHIFT_ADMIN_TOKEN", "wrong-token-0123456789abcdef"),
          "readiness", "--admin-url", url);
      Process help = launchCapturing(Map.of(), "readiness", "--help");

      String notYetOut = new String(notYet.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(notYet.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(notYet.exitValue()).as(notYetOut).isEqualTo(1);
      assertThat(notYetOut).startsWith("NOT YET over the last 1s").contains("no connections in the last 1s");
      String wrongOut = new String(wrongToken.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(wrongToken.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(wrongToken.exitValue()).as(wrongOut).isEqualTo(2);
      assertThat(wrongOut).contains("answered 401");
      String helpOut = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(help.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(help.exitValue()).isZero();
      assertThat(helpOut).contains("Usage: protoshift-server readiness").contains("Exit codes: 0 ready, 1 not yet");
    }
  }

  static Process launchCapturing(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("PROTOSHIFT_ADMIN_TOKEN");
    pb.environment().putAll(env);
    return pb.start();
  }
}
