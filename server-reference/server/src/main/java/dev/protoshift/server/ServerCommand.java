package dev.protoshift.server;

import dev.protoshift.operations.WindowSettings;
import dev.protoshift.operations.admin.AdminToken;
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
    subcommands = ReadinessCommand.class,
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

  private static final ServerSettings D = ServerSettings.DEFAULTS;

  @Option(names = "--host", description = "Interface of the game port (default: ${DEFAULT-VALUE}).")
  String host = D.network().host();

  @Option(names = {"-p", "--port"}, description = "Game port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port = D.network().port();

  @Option(names = "--admin-host", description = "Interface of the admin port (default: ${DEFAULT-VALUE}, loopback only).")
  String adminHost = D.network().adminHost();

  @Option(names = "--admin-port", description = "Admin HTTP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int adminPort = D.network().adminPort();

  @Option(names = "--admin-token-file", paramLabel = "FILE",
      description = "File whose first line is the admin bearer token (at least 16 characters).")
  Path adminTokenFile;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Rollout config (YAML), watched and reloaded on change. Without it: defaults and environment.")
  Path config;

  @Option(names = "--tick-rate", paramLabel = "HZ", description = "Room ticks per second, 1..120 (default: ${DEFAULT-VALUE}).")
  int tickRate = D.rooms().tickRateHz();

  @Option(names = "--wanderers", description = "Wandering ghosts per room (default: ${DEFAULT-VALUE}).")
  int wanderers = D.rooms().wanderers();

  @Option(names = "--max-rooms", description = "Rooms at once (default: ${DEFAULT-VALUE}).")
  int maxRooms = D.rooms().maxRooms();

  @Option(names = "--new-rooms-per-minute", paramLabel = "N",
      description = "Rooms one client address may open per minute (default: ${DEFAULT-VALUE}).")
  int newRoomsPerMinute = D.rooms().newRoomsPerMinute();

  @Option(names = "--max-connections", description = "Open connections at once, upgrades included (default: ${DEFAULT-VALUE}).")
  int maxConnections = D.network().maxConnections();

  @Option(names = "--max-frame-bytes", description = "Largest inbound message; larger closes with 1009 (default: ${DEFAULT-VALUE}).")
  int maxFrameBytes = D.network().maxFrameBytes();

  @Option(names = "--request-header-timeout", paramLabel = "DURATION", converter = DurationText.class,
      description = "Close a connection whose upgrade request is not whole after this long (default: 10s).")
  Duration requestHeaderTimeout = D.network().requestHeaderTimeout();

  @Option(names = "--compression",
      description = "Negotiate permessage-deflate with clients that ask (off by default: it compresses each "
          + "connection's frames separately, undoing encode-once; see docs/operations.md).")
  boolean compression = D.network().compression();

  @Option(names = "--inbound-rate", paramLabel = "PER_SECOND", description = "Inbound messages per second per connection (default: ${DEFAULT-VALUE}).")
  double inboundRate = D.limits().inboundRatePerSecond();

  @Option(names = "--inbound-burst", description = "Inbound burst per connection (default: ${DEFAULT-VALUE}).")
  int inboundBurst = D.limits().inboundBurst();

  @Option(names = "--slow-consumer-timeout", paramLabel = "DURATION", converter = DurationText.class,
      description = "Close a client that stays behind this long, code 4004 (default: 5s).")
  Duration slowConsumerTimeout = D.limits().slowConsumerTimeout();

  @Option(names = "--close-timeout", paramLabel = "DURATION", converter = DurationText.class,
      description = "Abort a connection whose close handshake takes longer (default: 2s).")
  Duration closeTimeout = D.limits().closeTimeout();

  @Option(names = "--allowed-origin", paramLabel = "ORIGIN",
      description = "Browser origin allowed to connect, e.g. https://game.example.com; repeatable; * for any."
          + " Without any: every origin, and requests without one.")
  List<String> allowedOrigins = new ArrayList<>();

  @Option(names = "--drain-timeout", paramLabel = "DURATION", converter = DurationText.class,
      description = "On SIGTERM, how long to wait for clients to leave (default: 10s).")
  Duration drainTimeout = D.drain().timeout();

  @Option(names = "--decode-error-limit", description = "Decode errors per window before a connection is downgraded to JSON (default: ${DEFAULT-VALUE}).")
  int decodeErrorLimit = D.limits().decodeErrorLimit();

  @Option(names = "--decode-error-window", paramLabel = "DURATION", converter = DurationText.class,
      description = "Window of --decode-error-limit (default: 10s).")
  Duration decodeErrorWindow = D.limits().decodeErrorWindow();

  @Option(names = "--shadow-sampling", paramLabel = "N",
      description = "Shadow-verify 1 cohort broadcast in N against its release's schema; 0 is off (default: ${DEFAULT-VALUE}).")
  int shadowOneIn = D.diagnostics().shadowOneIn();

  @Option(names = "--broadcast-mode", paramLabel = "MODE",
      description = "Benchmarks only: per-cohort (default), per-connection (encode for every connection) or"
          + " pre-encoded (send each room's first encoding every tick: the floor).")
  String broadcastMode = D.diagnostics().broadcastMode().code();

  @Option(names = "--readiness-retention", paramLabel = "DURATION", converter = DurationText.class,
      description = "How long the readiness report's and the ramp's windowed counts are kept: the longest window"
          + " they may ask for (default: 24h).")
  Duration readinessRetention = D.windows().retention();

  @Option(names = "--readiness-resolution", paramLabel = "DURATION", converter = DurationText.class,
      description = "Width of one bucket of windowed counts; windows are rounded out to whole buckets (default: 1m).")
  Duration readinessResolution = D.windows().resolution();

  @Option(names = "--readiness-sample-interval", paramLabel = "DURATION", converter = DurationText.class,
      description = "How often the open connections are sampled for the windowed counts (default: 1s).")
  Duration readinessSampleInterval = D.windows().sampleInterval();

  @Option(names = "--allow-fault-injection",
      description = "Allow INJECT_PROTO_ERRORS and PUT /admin/fault-injection (never in production).")
  boolean allowFaultInjection;

  /**
   * Settings from the options and the environment.
   *
   * @throws IllegalArgumentException naming the option or variable whose value is wrong
   */
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
    if (inject > 0 && !allowFaults) {
      throw new IllegalArgumentException("INJECT_PROTO_ERRORS=" + injectText.strip() + " refused: it corrupts client frames"
          + " on purpose; allow it with --allow-fault-injection (or PROTOSHIFT_ALLOW_FAULT_INJECTION=true). Never in production.");
    }
    ServerSettings.Network network = new ServerSettings.Network(host, port, adminHost, adminPort, maxConnections,
        maxFrameBytes, D.network().idleTimeout(), requestHeaderTimeout, allowedOrigins, compression);
    return new ServerSettings(network,
        D.limits().withInboundRate(inboundRate, inboundBurst).withSlowConsumerTimeout(slowConsumerTimeout)
            .withCloseTimeout(closeTimeout).withDecodeErrors(decodeErrorLimit, decodeErrorWindow),
        new RoomSettings(tickRate, wanderers, maxRooms, newRoomsPerMinute, D.rooms().seed()),
        new ServerSettings.Drain(drainTimeout, D.drain().reconnectMin(), D.drain().reconnectMax()),
        new ServerSettings.Rollout(java.util.Optional.ofNullable(config), env),
        new ServerSettings.Diagnostics(BroadcastMode.parse(broadcastMode), inject,
            "1".equals(env.getOrDefault("LOG_PROTO_MESSAGES", "").strip()), shadowOneIn, allowFaults),
        new WindowSettings(readinessSampleInterval, readinessResolution, readinessRetention));
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
    out.println("  game   ws://" + s.network().host() + ":" + server.port() + "/ws?room=ROOM  (connect: "
        + server.gameUri() + "?room=lobby)");
    out.println("  admin  " + server.adminUri() + "  (/healthz /readyz /metrics /admin/...)");
    out.println("  admin token: " + server.adminToken().source());
    out.println("  rollout config: " + s.rollout().configFile().map(p -> "file " + p.toAbsolutePath() + " (watched)")
        .orElse("embedded defaults + environment (no --config)"));
    out.println("  tick rate " + s.rooms().tickRateHz() + " Hz; drain timeout " + s.drain().timeout().toMillis() + " ms");
    ServerSettings.Diagnostics d = s.diagnostics();
    if (d.broadcastMode() != BroadcastMode.PER_COHORT) {
      out.println("  WARNING: --broadcast-mode " + d.broadcastMode().code() + " is for benchmarks only");
    }
    if (d.injectProtoErrors() > 0) {
      out.println("  WARNING: FAULT INJECTION ON: corrupting " + (d.injectProtoErrors() * 100) + "% of inbound binary frames");
    }
    if (d.shadowOneIn() > 0) {
      out.println("  shadow verification: 1 cohort broadcast in " + d.shadowOneIn());
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
