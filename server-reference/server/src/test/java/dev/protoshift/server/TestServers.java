package dev.protoshift.server;

import dev.protoshift.server.admin.AdminToken;
import dev.protoshift.server.game.RoomSettings;
import dev.protoshift.server.metrics.ServerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/** Servers for end-to-end tests: loopback, free ports, a known admin token, fast ticks. */
public final class TestServers {

  public static final String TOKEN = "test-admin-token-0123456789";

  private TestServers() {}

  /** Loopback, any free ports, 50 Hz, a short drain. */
  public static ServerSettings.Builder settings() {
    return ServerSettings.builder()
        .host("127.0.0.1").port(0).adminHost("127.0.0.1").adminPort(0)
        .rooms(RoomSettings.DEFAULTS.withTickRate(50).withWanderers(3))
        .drainTimeout(Duration.ofSeconds(3))
        .reconnectHint(Duration.ofMillis(50), Duration.ofMillis(100));
  }

  public static ReferenceServer start(ServerSettings settings) throws Exception {
    return ReferenceServer.start(settings, AdminToken.of(TOKEN, "test"),
        ServerMetrics.on(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
  }
}
