package dev.protoshift.tools.loadtest;

import dev.protoshift.server.DurationText;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.ProtocolVersion;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A load test run, validated: where to connect, how many connections in how many rooms, which
 * protocols they ask for, for how long, and where results go.
 *
 * @param urls game endpoints ({@code ws://host:port/ws}); connection i connects to {@code urls[i % n]}
 * @param connections connections to open, 1..100000
 * @param rooms rooms to spread them over (round robin), 1..connections
 * @param roomPrefix rooms are named {@code PREFIX-0}, {@code PREFIX-1}, ...
 * @param duration the measured window
 * @param rampUp time over which the connections are opened, before the window
 * @param protocol {@link Mix#PROTOBUF}, {@link Mix#JSON} or {@link Mix#MIXED} (alternating within each room)
 * @param version the version every client declares, or empty for legacy JSON clients
 * @param handshake how clients declare it
 * @param inputsPerSecond player inputs each connection sends per second (0: none)
 * @param out results file, or empty
 * @param adminUrl the server's admin base URL for {@code /metrics}, or empty
 * @param adminToken its bearer token (required with an admin URL)
 * @param scrapeInterval time between {@code /metrics} scrapes during the window
 * @param seed seed of the inputs' random moves
 */
public record LoadSettings(List<URI> urls, int connections, int rooms, String roomPrefix, Duration duration,
    Duration rampUp, Mix protocol, Optional<ProtocolVersion> version, ClientHandshake handshake,
    double inputsPerSecond, Optional<Path> out, Optional<URI> adminUrl, Optional<String> adminToken,
    Duration scrapeInterval, long seed) {

  /** Which protocols the clients ask for. */
  public enum Mix {
    PROTOBUF, JSON, MIXED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern ROOM_PREFIX = Pattern.compile("[A-Za-z0-9_.-]{1,48}");

  /**
   * @throws IllegalArgumentException naming the first bad value
   */
  public LoadSettings {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("--url is required");
    }
    for (URI u : urls) {
      String scheme = u.getScheme();
      if (scheme == null || !(scheme.equals("ws") || scheme.equals("wss")) || u.getHost() == null) {
        throw new IllegalArgumentException("--url must be a ws:// or wss:// URL with a host, e.g."
            + " ws://127.0.0.1:8080/ws, was \"" + u + "\"");
      }
    }
    if (connections < 1 || connections > 100_000) {
      throw new IllegalArgumentException("--connections must be 1..100000, was " + connections);
    }
    if (rooms < 1 || rooms > connections) {
      throw new IllegalArgumentException("--rooms must be 1..connections (" + connections + "), was " + rooms);
    }
    if (!ROOM_PREFIX.matcher(roomPrefix).matches()) {
      throw new IllegalArgumentException("--room-prefix must be 1-48 characters A-Z a-z 0-9 _ . -, was \""
          + roomPrefix + "\"");
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("--duration must be positive, was " + DurationText.format(duration));
    }
    if (rampUp.isNegative()) {
      throw new IllegalArgumentException("--ramp-up must not be negative, was " + rampUp);
    }
    if (!(inputsPerSecond >= 0 && inputsPerSecond <= 1000)) {
      throw new IllegalArgumentException("--inputs-per-second must be 0..1000, was " + inputsPerSecond);
    }
    if (adminUrl.isPresent()) {
      String scheme = adminUrl.get().getScheme();
      if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
        throw new IllegalArgumentException("--admin-url must be an http:// or https:// URL, e.g."
            + " http://127.0.0.1:9090, was \"" + adminUrl.get() + "\"");
      }
      if (adminToken.isEmpty() || adminToken.get().isBlank()) {
        throw new IllegalArgumentException("--admin-url needs the admin token: --admin-token-file FILE"
            + " or the environment variable PROTOSHIFT_ADMIN_TOKEN");
      }
    }
    if (scrapeInterval.toMillis() < 100) {
      throw new IllegalArgumentException("--scrape-interval must be at least 100ms, was " + scrapeInterval.toMillis() + "ms");
    }
    if (version.isEmpty() && protocol != Mix.JSON) {
      throw new IllegalArgumentException("--protocol " + protocol.code() + " needs a version: protobuf clients"
          + " declare one (--proto-version none is for --protocol json only)");
    }
    for (Protocol p : List.of(Protocol.PROTOBUF, Protocol.JSON)) {
      if (protocol == Mix.MIXED || protocol.name().equals(p.name())) {
        handshake.resolve(p, version);
      }
    }
  }

  /** The plan of connection {@code i}: room {@code i % rooms}; with MIXED, every other connection of a room is JSON. */
  public ClientPlan plan(int i) {
    Protocol p = switch (protocol) {
      case PROTOBUF -> Protocol.PROTOBUF;
      case JSON -> Protocol.JSON;
      case MIXED -> (i / rooms) % 2 == 0 ? Protocol.PROTOBUF : Protocol.JSON;
    };
    return new ClientPlan(i, roomPrefix + "-" + (i % rooms), p, version, handshake.resolve(p, version),
        i % urls.size());
  }
}
