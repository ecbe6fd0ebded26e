package dev.protoshift.server;

import dev.protoshift.server.admin.AdminToken;
import dev.protoshift.server.game.RoomSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line of the reference server ({@code java -jar protoshift-server.jar --help}).
 * Environment variables (docs/operations.md): {@code PROTOSHIFT_ADMIN_TOKEN}, {@code
 * INJECT_PROTO_ERRORS}, {@code PROTOSHIFT_ALLOW_FAULT_INJECTION}, {@code LOG_PROTO_MESSAGES}, and
 * the rollout keys of docs/configuration.md ({@code PROTOBUF_ENABLED}, ...).
 */
@Command(name = "protoshift-server", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = ServerCommand.Version.class,
    description = {
        "The protoshift reference WebSocket game server: JSON and protobuf clients in the same rooms,",
        "protobuf rolled out by the rollout config, live kill switch, metrics and admin API."},
    footer = {"", "Environment:",
        "  PROTOSHIFT_ADMIN_TOKEN            admin bearer token (else --admin-token-file, else generated)",
        "  INJECT_PROTO_ERRORS=0.05          corrupt that share of inbound binary frames (chaos tests;",
        "                                    refused unless --allow-fault-injection)",
        "  PROTOSHIFT_ALLOW_FAULT_INJECTION  true: same as --allow-fault-injection",
        "  LOG_PROTO_MESSAGES=1              log each message's type, size and encode time",
        "  PROTOBUF_ENABLED etc.             rollout overrides, see docs/configuration.md"})
public final class ServerCommand {

  @Option(names = "--host", description = "Interface of the game port (default: ${DEFAULT-VALUE}).")
  String host = "0.0.0.0";

  @Option(names = {"-p", "--port"}, description = "Game port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(names = "--admin-host", description = "Interface of the admin port (default: ${DEFAULT-VALUE}, loopback only).")
  String adminHost = "127.0.0.1";

  @Option(names = "--admin-port", description = "Admin HTTP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int adminPort = 9090;

  @Option(names = "--admin-token-file", paramLabel = "FILE",
      description = "File whose first line is the admin bearer token (at least 16 characters).")
  Path adminTokenFile;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Rollout config (YAML), watched and reloaded on change. Without it: defaults and environment.")
  Path config;

  @Option(names = "--tick-rate", paramLabel = "HZ", description = "Room ticks per second, 1..120 (default: ${DEFAULT-VALUE}).")
  int tickRate = RoomSettings.DEFAULTS.tickRateHz();

  @Option(names = "--wanderers", description = "Wandering ghosts per room (default: ${DEFAULT-VALUE}).")
  int wanderers = RoomSettings.DEFAULTS.wanderers();

  @Option(names = "--max-rooms", description = "Rooms at once (default: ${DEFAULT-VALUE}).")
  int maxRooms = RoomSettings.DEFAULTS.maxRooms();

  @Option(names = "--max-connections", description = "Open connections at once (default: ${DEFAULT-VALUE}).")
  int maxConnections = 10_000;

  @Option(names = "--max-frame-bytes", description = "Largest inbound message; larger closes with 1009 (default: ${DEFAULT-VALUE}).")
  int maxFrameBytes = 16 * 1024;

  @Option(names = "--inbound-rate", paramLabel = "PER_SECOND", description = "Inbound messages per second per connection (default: ${DEFAULT-VALUE}).")
  double inboundRate = 30;

  @Option(names = "--inbound-burst", description = "Inbound burst per connection (default: ${DEFAULT-VALUE}).")
  int inboundBurst = 60;

  @Option(names = "--slow-consumer-timeout", paramLabel = "DURATION", converter = DurationText.class,
      description = "Close a client that stays behind this long, code 4004 (default: 5s).")
  Duration slowConsumerTimeout = Duration.ofSeconds(5);

  @Option(names = "--allowed-origin", paramLabel = "ORIGIN",
      description = "Browser origin allowed to connect, e.g. https://game.example.com; repeatable; * for any."
          + " Clients without an Origin header are always allowed.")
  List<String> allowedOrigins = new ArrayList<>();

  @Option(names = "--drain-timeout", paramLabel = "DURATION", converter = DurationText.class,
      description = "On SIGTERM, how long to wait for clients to leave (default: 10s).")
  Duration drainTimeout = Duration.ofSeconds(10);

  @Option(names = "--decode-error-limit", description = "Decode errors per window before a connection is downgraded to JSON (default: ${DEFAULT-VALUE}).")
  int decodeErrorLimit = 5;

  @Option(names = "--decode-error-window", paramLabel = "DURATION", converter = DurationText.class,
      description = "Window of --decode-error-limit (default: 10s).")
  Duration decodeErrorWindow = Duration.ofSeconds(10);

  @Option(names = "--broadcast-mode", paramLabel = "MODE",
      description = "Benchmarks only: per-cohort (default), per-connection (encode for every connection) or"
          + " pre-encoded (send each room's first encoding every tick: the floor).")
  String broadcastMode = BroadcastMode.PER_COHORT.code();

  @Option(names = "--allow-fault-injection",
      description = "Allow INJECT_PROTO_ERRORS (never in production).")
  boolean allowFaultInjection;

  /** Settings from the options and the environment. */
  ServerSettings settings(Map<String, String> env) {
    double inject = 0;
    String injectText = env.get("INJECT_PROTO_ERRORS");
    if (injectText != null && !injectText.isBlank()) {
      try {
        inject = Double.parseDouble(injectText.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("INJECT_PROTO_ERRORS must be a share 0..1 (e.g. 0.05), was \"" + injectText + "\"");
      }
    }
    boolean allowFaults = allowFaultInjection || bool(env, "PROTOSHIFT_ALLOW_FAULT_INJECTION");
    return ServerSettings.builder()
        .host(host).port(port).adminHost(adminHost).adminPort(adminPort)
        .rooms(RoomSettings.DEFAULTS.withTickRate(tickRate).withWanderers(wanderers).withMaxRooms(maxRooms))
        .maxConnections(maxConnections).maxFrameBytes(maxFrameBytes)
        .inboundRatePerSecond(inboundRate).inboundBurst(inboundBurst)
        .slowConsumerTimeout(slowConsumerTimeout).allowedOrigins(allowedOrigins).drainTimeout(drainTimeout)
        .configFile(config)
        .decodeErrorLimit(decodeErrorLimit).decodeErrorWindow(decodeErrorWindow)
        .injectProtoErrors(inject).allowFaultInjection(allowFaults)
        .broadcastMode(BroadcastMode.parse(broadcastMode))
        .logProtoMessages("1".equals(env.getOrDefault("LOG_PROTO_MESSAGES", "").strip()))
        .environment(env)
        .build();
  }

  /**
   * The admin token: {@code --admin-token-file}, else {@code PROTOSHIFT_ADMIN_TOKEN}, else a
   * generated one written to a private file in the temp directory.
   *
   * @throws IOException if the token file cannot be read or written
   */
  AdminToken adminToken(Map<String, String> env) throws IOException {
    if (adminTokenFile != null) {
      return AdminToken.fromFile(adminTokenFile);
    }
    String fromEnv = env.get("PROTOSHIFT_ADMIN_TOKEN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return AdminToken.of(fromEnv, "environment PROTOSHIFT_ADMIN_TOKEN");
    }
    return AdminToken.generate(Path.of(System.getProperty("java.io.tmpdir")));
  }

  private static boolean bool(Map<String, String> env, String key) {
    String v = env.get(key);
    if (v == null || v.isBlank()) {
      return false;
    }
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false, was \"" + v + "\"");
    };
  }

  /** The startup banner: where the server listens and where its token and config come from. */
  static void printBanner(PrintWriter out, ReferenceServer server) {
    ServerSettings s = server.settings();
    out.println("protoshift reference server " + Version.version());
    out.println("  game   ws://" + s.host() + ":" + server.port() + "/ws?room=ROOM  (connect: " + server.gameUri() + "?room=lobby)");
    out.println("  admin  " + server.adminUri() + "  (/healthz /readyz /metrics /admin/...)");
    out.println("  admin token: " + server.adminToken().source());
    out.println("  rollout config: " + s.configFile().map(p -> "file " + p.toAbsolutePath() + " (watched)")
        .orElse("embedded defaults + environment (no --config)"));
    out.println("  tick rate " + s.rooms().tickRateHz() + " Hz; drain timeout " + s.drainTimeout().toMillis() + " ms");
    if (s.broadcastMode() != BroadcastMode.PER_COHORT) {
      out.println("  WARNING: --broadcast-mode " + s.broadcastMode().code() + " is for benchmarks only");
    }
    if (s.injectProtoErrors() > 0) {
      out.println("  WARNING: FAULT INJECTION ON: corrupting " + (s.injectProtoErrors() * 100) + "% of inbound binary frames");
    }
    out.flush();
  }

  /** The version from the jar's manifest. */
  static final class Version implements picocli.CommandLine.IVersionProvider {
    static String version() {
      String v = ServerCommand.class.getPackage().getImplementationVersion();
      return v == null ? "(development build)" : v;
    }

    @Override
    public String[] getVersion() {
      return new String[] {"protoshift-server " + version()};
    }
  }
}
