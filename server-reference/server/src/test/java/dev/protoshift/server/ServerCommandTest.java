package dev.protoshift.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServerCommandTest {

  static ServerCommand parse(String... args) {
    ServerCommand c = new ServerCommand();
    new CommandLine(c).parseArgs(args);
    return c;
  }

  @Test
  void defaults_areAWorkingServer() {
    ServerSettings s = parse().settings(Map.of());
    assertThat(s.port()).isEqualTo(8080);
    assertThat(s.adminHost()).isEqualTo("127.0.0.1");
    assertThat(s.rooms().tickRateHz()).isEqualTo(20);
    assertThat(s.injectProtoErrors()).isZero();
    assertThat(s.logProtoMessages()).isFalse();
    assertThat(s.configFile()).isEmpty();
  }

  @Test
  void options_reachTheSettings() {
    ServerSettings s = parse("--port", "0", "--tick-rate", "30", "--drain-timeout", "250ms",
        "--allowed-origin", "https://a.example", "--allowed-origin", "https://b.example").settings(Map.of());
    assertThat(s.rooms().tickRateHz()).isEqualTo(30);
    assertThat(s.drainTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(s.allowedOrigins()).containsExactly("https://a.example", "https://b.example");
  }

  @Test
  void environment_logProtoMessagesAndFaultInjection() {
    ServerSettings s = parse().settings(Map.of("LOG_PROTO_MESSAGES", "1", "INJECT_PROTO_ERRORS", "0.1",
        "PROTOSHIFT_ALLOW_FAULT_INJECTION", "true"));
    assertThat(s.logProtoMessages()).isTrue();
    assertThat(s.injectProtoErrors()).isEqualTo(0.1);
  }

  @Test
  void faultInjection_isRefusedUnlessAllowed() {
    assertThatThrownBy(() -> parse().settings(Map.of("INJECT_PROTO_ERRORS", "0.1")))
        .hasMessageContaining("refused").hasMessageContaining("--allow-fault-injection");
    assertThat(parse("--allow-fault-injection").settings(Map.of("INJECT_PROTO_ERRORS", "0.1")).injectProtoErrors())
        .isEqualTo(0.1);
  }

  @Test
  void badEnvironmentValues_areNamed() {
    assertThatThrownBy(() -> parse().settings(Map.of("INJECT_PROTO_ERRORS", "lots"))).hasMessageContaining("was \"lots\"");
    assertThatThrownBy(() -> parse().settings(Map.of("INJECT_PROTO_ERRORS", "1.5", "PROTOSHIFT_ALLOW_FAULT_INJECTION", "1")))
        .hasMessageContaining("was 1.5");
    assertThatThrownBy(() -> parse().settings(Map.of("PROTOSHIFT_ALLOW_FAULT_INJECTION", "maybe")))
        .hasMessageContaining("was \"maybe\"");
  }

  @Test
  void badOptions_areNamed() {
    assertThatThrownBy(() -> parse("--tick-rate", "0").settings(Map.of())).hasMessageContaining("was 0");
    assertThatThrownBy(() -> parse("--drain-timeout", "soon")).hasMessageContaining("was \"soon\"");
    assertThatThrownBy(() -> parse("--allowed-origin", "example.com").settings(Map.of()))
        .hasMessageContaining("was \"example.com\"");
  }

  @Test
  void adminToken_fromEnvironment_isNamedBySource() throws Exception {
    assertThat(parse().adminToken(Map.of("PROTOSHIFT_ADMIN_TOKEN", TestServers.TOKEN)).source())
        .isEqualTo("environment PROTOSHIFT_ADMIN_TOKEN");
  }
}
