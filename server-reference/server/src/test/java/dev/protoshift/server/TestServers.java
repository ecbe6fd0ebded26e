package dev.protoshift.server;

import dev.protoshift.operations.WindowSettings;
import dev.protoshift.operations.admin.AdminToken;
import dev.protoshift.server.game.RoomSettings;
import dev.protoshift.session.micrometer.MicrometerSessionMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Servers for end-to-end tests: loopback, free ports, a known admin token, fast ticks. */
public final class TestServers {

  public static final String TOKEN = "test-admin-token-0123456789";

  private TestServers() {}

  /** Loopback, any free ports, 50 Hz, a short drain; change what a test needs, then {@link Settings#build()}. */
  public static Settings settings() {
    return new Settings(ServerSettings.DEFAULTS
        .withNetwork(ServerSettings.DEFAULTS.network().withPorts("127.0.0.1", 0, "127.0.0.1", 0))
        .withRooms(RoomSettings.DEFAULTS.withTickRate(50).withWanderers(3))
        .withDrain(new ServerSettings.Drain(Duration.ofSeconds(3), Duration.ofMillis(50), Duration.ofMillis(100))));
  }

  public static ReferenceServer start(ServerSettings settings) throws Exception {
    return ReferenceServer.start(settings, AdminToken.of(TOKEN, "test"),
        MicrometerSessionMetrics.on(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
  }

  /** The server side of the (first) connection in {@code roomId}, once it is open. */
  public static dev.protoshift.session.Session session(ReferenceServer server, String roomId) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() ->
        server.sessions().sessions().stream().anyMatch(c -> roomId.equals(c.ids().room())));
    return server.sessions().sessions().stream().filter(c -> roomId.equals(c.ids().room())).findFirst().orElseThrow();
  }

  /** A test's settings, one change at a time (each maps onto the records of {@link ServerSettings}). */
  public static final class Settings {
    private ServerSettings s;

    Settings(ServerSettings s) {
      this.s = s;
    }

    public Settings port(int port) {
      ServerSettings.Network n = s.network();
      s = s.withNetwork(n.withPorts(n.host(), port, n.adminHost(), n.adminPort()));
      return this;
    }

    public Settings environment(Map<String, String> env) {
      s = s.withEnvironment(env);
      return this;
    }

    public Settings configFile(Path file) {
      s = s.withConfigFile(file);
      return this;
    }

    public Settings rooms(RoomSettings rooms) {
      s = s.withRooms(rooms);
      return this;
    }

    public Settings allowedOrigins(List<String> origins) {
      s = s.withNetwork(s.network().withAllowedOrigins(origins));
      return this;
    }

    public Settings maxConnections(int n) {
      s = s.withNetwork(s.network().withLimits(n, s.network().maxFrameBytes()));
      return this;
    }

    public Settings maxFrameBytes(int n) {
      s = s.withNetwork(s.network().withLimits(s.network().maxConnections(), n));
      return this;
    }

    public Settings compression(boolean on) {
      s = s.withNetwork(s.network().withCompression(on));
      return this;
    }

    public Settings requestHeaderTimeout(Duration d) {
      s = s.withNetwork(s.network().withTimeouts(s.network().idleTimeout(), d));
      return this;
    }

    public Settings decodeErrorLimit(int n) {
      s = s.withLimits(s.limits().withDecodeErrors(n, s.limits().decodeErrorWindow()));
      return this;
    }

    public Settings decodeErrorWindow(Duration window) {
      s = s.withLimits(s.limits().withDecodeErrors(s.limits().decodeErrorLimit(), window));
      return this;
    }

    public Settings inboundRatePerSecond(double rate) {
      s = s.withLimits(s.limits().withInboundRate(rate, s.limits().inboundBurst()));
      return this;
    }

    public Settings inboundBurst(int burst) {
      s = s.withLimits(s.limits().withInboundRate(s.limits().inboundRatePerSecond(), burst));
      return this;
    }

    public Settings inboundCloseAfterDrops(int drops) {
      s = s.withLimits(s.limits().withInboundCloseAfterDrops(drops));
      return this;
    }

    public Settings slowConsumerTimeout(Duration d) {
      s = s.withLimits(s.limits().withSlowConsumerTimeout(d));
      return this;
    }

    public Settings closeTimeout(Duration d) {
      s = s.withLimits(s.limits().withCloseTimeout(d));
      return this;
    }

    public Settings drainTimeout(Duration d) {
      s = s.withDrain(new ServerSettings.Drain(d, s.drain().reconnectMin(), s.drain().reconnectMax()));
      return this;
    }

    public Settings broadcastMode(BroadcastMode mode) {
      ServerSettings.Diagnostics d = s.diagnostics();
      s = s.withDiagnostics(new ServerSettings.Diagnostics(mode, d.injectProtoErrors(), d.logProtoMessages(), d.shadowOneIn(), d.allowFaultInjection()));
      return this;
    }

    public Settings injectProtoErrors(double share) {
      ServerSettings.Diagnostics d = s.diagnostics();
      s = s.withDiagnostics(new ServerSettings.Diagnostics(d.broadcastMode(), share, d.logProtoMessages(), d.shadowOneIn(),
          d.allowFaultInjection() || share > 0));
      return this;
    }

    /** Allows {@code PUT /admin/fault-injection} (as {@code --allow-fault-injection}). */
    public Settings allowFaultInjection(boolean allow) {
      ServerSettings.Diagnostics d = s.diagnostics();
      s = s.withDiagnostics(new ServerSettings.Diagnostics(d.broadcastMode(), d.injectProtoErrors(), d.logProtoMessages(),
          d.shadowOneIn(), allow));
      return this;
    }

    public Settings logProtoMessages(boolean on) {
      ServerSettings.Diagnostics d = s.diagnostics();
      s = s.withDiagnostics(new ServerSettings.Diagnostics(d.broadcastMode(), d.injectProtoErrors(), on, d.shadowOneIn(), d.allowFaultInjection()));
      return this;
    }

    public Settings shadow(int oneIn) {
      ServerSettings.Diagnostics d = s.diagnostics();
      s = s.withDiagnostics(new ServerSettings.Diagnostics(d.broadcastMode(), d.injectProtoErrors(), d.logProtoMessages(), oneIn, d.allowFaultInjection()));
      return this;
    }

    /** Windowed counts for a test: sample, bucket width and retention (e.g. 20ms, 100ms, 1m). */
    public Settings windows(Duration sample, Duration resolution, Duration retention) {
      s = s.withWindows(new WindowSettings(sample, resolution, retention));
      return this;
    }

    public ServerSettings build() {
      return s;
    }
  }
}
