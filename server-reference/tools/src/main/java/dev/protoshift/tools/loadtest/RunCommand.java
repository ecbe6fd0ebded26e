package dev.protoshift.tools.loadtest;

import dev.protoshift.server.DurationText;
import dev.protoshift.reference.ReferenceSchema;
import dev.protoshift.versioning.InvalidVersionException;
import dev.protoshift.versioning.ProtocolVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code LoadTool run}: N connections from one process against a reference server, progress on
 * the terminal, a summary, and optionally a results file. Exit codes: 0 the run completed with
 * no decode errors, gaps, repeats or failed connects; 1 it completed with some; 2 bad
 * arguments, or the server's metrics could not be read.
 */
@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Open N WebSocket connections to a reference server from one process, measure what they",
        "receive, and write a results file for `compare`."},
    footer = {"", "Exit codes: 0 clean run, 1 decode errors, gaps, repeats or failed connects seen, 2 bad arguments"
        + " or unreadable /metrics.",
        "Environment: PROTOSHIFT_ADMIN_TOKEN (the admin token, when --admin-token-file is not given)."})
public final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--url", paramLabel = "URL", defaultValue = "ws://127.0.0.1:8080/ws",
      description = "Game endpoint; repeatable: connection i goes to URL number i mod n (default: ${DEFAULT-VALUE}).")
  List<URI> urls = new ArrayList<>();

  @Option(names = {"-n", "--connections"}, description = "Connections (default: ${DEFAULT-VALUE}).")
  int connections = 100;

  @Option(names = "--rooms", description = "Rooms, connections spread round robin (default: connections / 10, at least 1).")
  Integer rooms;

  @Option(names = "--room-prefix", description = "Room names PREFIX-0, PREFIX-1, ... (default: ${DEFAULT-VALUE}).")
  String roomPrefix = "load";

  @Option(names = {"-d", "--duration"}, converter = DurationText.class, paramLabel = "DURATION",
      description = "Measured window after the ramp-up, e.g. 60s, 10m (default: 60s).")
  Duration duration = Duration.ofSeconds(60);

  @Option(names = "--ramp-up", converter = DurationText.class, paramLabel = "DURATION",
      description = "Time over which the connections are opened (default: 10s).")
  Duration rampUp = Duration.ofSeconds(10);

  @Option(names = "--protocol", paramLabel = "protobuf|json|mixed",
      description = "What the clients ask for; mixed alternates within each room (default: ${DEFAULT-VALUE}).")
  String protocol = "protobuf";

  @Option(names = "--proto-version", paramLabel = "X.Y.Z|none",
      description = "Schema version the clients declare; none: legacy JSON clients (default: the schema's, ${DEFAULT-VALUE}).")
  String protoVersion = ReferenceSchema.protocolVersion();

  @Option(names = "--handshake", paramLabel = "auto|query|subprotocol|hello",
      description = "How clients declare it; auto: query for protobuf, subprotocol for JSON (default: ${DEFAULT-VALUE}).")
  String handshake = "auto";

  @Option(names = "--inputs-per-second", description = "Player inputs each connection sends per second (default: ${DEFAULT-VALUE}).")
  double inputsPerSecond = 1;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the results here (JSON, for `compare`).")
  Path out;

  @Option(names = "--admin-url", paramLabel = "URL",
      description = "The server's admin URL, e.g. http://127.0.0.1:9090: its /metrics give the server figures.")
  URI adminUrl;

  @Option(names = "--admin-token-file", paramLabel = "FILE", description = "File whose first line is the admin token.")
  Path adminTokenFile;

  @Option(names = "--scrape-interval", converter = DurationText.class, paramLabel = "DURATION",
      description = "Time between /metrics scrapes during the window (default: 2s).")
  Duration scrapeInterval = Duration.ofSeconds(2);

  @Option(names = "--seed", description = "Seed of the inputs' random moves (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  private final Map<String, String> env;

  public RunCommand() {
    this(System.getenv());
  }

  RunCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LoadSettings settings;
    try {
      settings = settings();
    } catch (IllegalArgumentException | IOException e) {
      err.println("run: " + e.getMessage());
      err.flush();
      return CompareCommand.EXIT_USAGE;
    }
    LoadResults results;
    try {
      results = new LoadRun(settings, err, "protoshift-loadtest " + version()).run();
    } catch (IOException e) {
      err.println("run: " + e.getMessage());
      err.flush();
      return CompareCommand.EXIT_USAGE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("run: interrupted");
      return CompareCommand.EXIT_USAGE;
    }
    out.print(RunSummary.text(results));
    if (this.out != null) {
      try {
        ResultsJson.write(results, this.out);
        out.println("results: " + this.out);
      } catch (IOException e) {
        err.println("run: cannot write " + this.out + ": " + e.getMessage());
        err.flush();
        return CompareCommand.EXIT_USAGE;
      }
    }
    out.flush();
    return RunSummary.clean(results) ? 0 : 1;
  }

  /**
   * The validated settings of the options.
   *
   * @throws IllegalArgumentException naming the bad option and value
   * @throws IOException if the token file cannot be read
   */
  LoadSettings settings() throws IOException {
    LoadSettings.Mix mix = switch (protocol.toLowerCase(Locale.ROOT)) {
      case "protobuf" -> LoadSettings.Mix.PROTOBUF;
      case "json" -> LoadSettings.Mix.JSON;
      case "mixed" -> LoadSettings.Mix.MIXED;
      default -> throw new IllegalArgumentException("--protocol must be protobuf, json or mixed, was \"" + protocol + "\"");
    };
    Optional<ProtocolVersion> version;
    if (protoVersion.equalsIgnoreCase("none")) {
      version = Optional.empty();
    } else {
      try {
        version = Optional.of(ProtocolVersion.parse(protoVersion));
      } catch (InvalidVersionException e) {
        throw new IllegalArgumentException("--proto-version: " + e.getMessage());
      }
    }
    ClientHandshake h;
    try {
      h = ClientHandshake.valueOf(handshake.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--handshake must be auto, query, subprotocol or hello, was \"" + handshake + "\"");
    }
    return new LoadSettings(urls, connections, rooms != null ? rooms : Math.max(1, connections / 10), roomPrefix,
        duration, rampUp, mix, version, h, inputsPerSecond, Optional.ofNullable(out), Optional.ofNullable(adminUrl),
        token(), scrapeInterval, seed);
  }

  private Optional<String> token() throws IOException {
    if (adminTokenFile != null) {
      try {
        List<String> lines = Files.readAllLines(adminTokenFile);
        String first = lines.isEmpty() ? "" : lines.get(0).strip();
        if (first.isEmpty()) {
          throw new IllegalArgumentException("--admin-token-file " + adminTokenFile + " is empty");
        }
        return Optional.of(first);
      } catch (NoSuchFileException e) {
        throw new IOException("--admin-token-file " + adminTokenFile + " does not exist", e);
      }
    }
    return Optional.ofNullable(env.get("PROTOSHIFT_ADMIN_TOKEN")).map(String::strip).filter(s -> !s.isEmpty());
  }

  static String version() {
    String v = RunCommand.class.getPackage().getImplementationVersion();
    return v == null ? "(development build)" : v;
  }
}
