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
    assertThat(s).isEqualTo(ServerSettings.DEFAULTS.withRollout(new ServerSettings.Rollout(java.util.Optional.empty(),
        Map.of())));
    assertThat(s.network().port()).isEqualTo(8080);
    assertThat(s.network().adminHost()).isEqualTo("127.0.0.1");
    assertThat(s.network().compression()).isFalse();
    assertThat(s.rooms().tickRateHz()).isEqualTo(20);
    assertThat(s.diagnostics()).isEqualTo(ServerSettings.Diagnostics.OFF);
    assertThat(s.rollout().configFile()).isEmpty();
  }

  @Test
  void options_reachTheSettings() {
    ServerSettings s = parse("--port", "0", "--tick-rate", "30", "--drain-timeout", "250ms",
        "--allowed-origin", "https://a.example", "--allowed-origin", "https://b.example").settings(Map.of());
    assertThat(s.rooms().tickRateHz()).isEqualTo(30);
    assertThat(s.drain().timeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(s.network().allowedOrigins()).containsExactly("https://a.example", "https://b.example");
  }

  @Test
  void environment_logProtoMessagesAndFaultInjection() {
    ServerSettings s = parse().settings(Map.of("LOG_PROTO_MESSAGES", "1", "INJECT_PROTO_ERRORS", "0.1",
        "PROTOSHIFT_ALLOW_FAULT_INJECTION", "true"));
    assertThat(s.diagnostics().logProtoMessages()).isTrue();
    assertThat(s.diagnostics().injectProtoErrors()).isEqualTo(0.1);
  }

  @Test
  void faultInjection_isRefusedUnlessAllowed() {
    assertThatThrownBy(() -> parse().settings(Map.of("INJECT_PROTO_ERRORS", "0.1")))
        .hasMessageContaining("refused").hasMessageContaining("--allow-fault-injection");
    assertThat(parse("--allow-fault-injection").settings(Map.of("INJECT_PROTO_ERRORS", "0.1")).diagnostics()
        .injectProtoErrors())
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
  void newOptions_compressionShadowAndRoomBudget_reachTheSettings() {
    ServerSettings s = parse("--compression", "--shadow-sampling", "100", "--new-rooms-per-minute", "5",
        "--request-header-timeout", "3s", "--close-timeout", "500ms").settings(Map.of());
    assertThat(s.network().compression()).isTrue();
    assertThat(s.diagnostics().shadowOneIn()).isEqualTo(100);
    assertThat(s.rooms().newRoomsPerMinute()).isEqualTo(5);
    assertThat(s.network().requestHeaderTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.limits().closeTimeout()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void missingAdminTokenFile_saysNoSuchFile() {
    assertThatThrownBy(() -> parse("--admin-token-file", "/nonexistent/token").adminToken(Map.of()))
        .hasMessage("cannot read the admin token file /nonexistent/token: no such file");
  }

  @Test
  void adminToken_fromEnvironment_isNamedBySource() throws Exception {
    assertThat(parse().adminToken(Map.of("PROTOSHIFT_ADMIN_TOKEN", TestServers.TOKEN)).source())
        .isEqualTo("environment PROTOSHIFT_ADMIN_TOKEN");
  }

  @Test
  void readinessOptions_reachTheWindowSettings_andBadCombinationsAreNamed() {
    ServerSettings s = parse("--readiness-retention", "2h", "--readiness-resolution", "30s",
        "--readiness-sample-interval", "500ms").settings(Map.of());
    assertThat(s.windows().retention()).isEqualTo(Duration.ofHours(2));
    assertThat(s.windows().resolution()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.windows().sampleInterval()).isEqualTo(Duration.ofMillis(500));
    assertThatThrownBy(() -> parse("--readiness-resolution", "1m", "--readiness-retention", "1m").settings(Map.of()))
        .hasMessageContaining("readiness retention (60000 ms) must be at least two buckets of the readiness resolution");
    assertThatThrownBy(() -> parse("--readiness-resolution", "1s", "--readiness-retention", "24h").settings(Map.of()))
        .hasMessageContaining("may be at most 10080 buckets, was 86400");
    assertThatThrownBy(() -> parse("--readiness-sample-interval", "2s", "--readiness-resolution", "1s",
        "--readiness-retention", "1m").settings(Map.of())).hasMessageContaining("must be at least the sample interval");
  }

  @Test
  void allowFaultInjection_reachesTheDiagnostics_withoutAShare() {
    assertThat(parse("--allow-fault-injection").settings(Map.of()).diagnostics().allowFaultInjection()).isTrue();
    assertThat(parse().settings(Map.of()).diagnostics().allowFaultInjection()).isFalse();
  }
}
