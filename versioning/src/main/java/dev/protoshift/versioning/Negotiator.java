package dev.protoshift.versioning;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One transport-free negotiator for the three handshakes (docs/versioning.md): the {@code
 * proto_version} query parameter, a first-frame {@code hello}, and {@code protoshift.*}
 * WebSocket subprotocols. What the client offered goes in; an {@link Agreement} (protocol,
 * version, features, reasons) or a {@link Rejection} (reason, supported range) comes out. The
 * protocol is decided by the {@link ProtocolGate} the caller passes (the rollout policy). Never
 * throws for anything a client sends. Immutable and thread-safe.
 *
 * <p>At upgrade time ({@link #onUpgrade}) subprotocol offers win over the query parameter; with
 * neither, the connection is a legacy JSON one ({@link Handshake#NONE}) and its first text frame,
 * if it arrives within {@link #helloTimeout()}, may be a hello ({@link #onFirstTextFrame}).
 */
public final class Negotiator {

  /** The query parameter that carries the client's version. */
  public static final String VERSION_PARAMETER = "proto_version";
  public static final int DEFAULT_MAX_HELLO_BYTES = 4096;
  public static final Duration DEFAULT_HELLO_TIMEOUT = Duration.ofSeconds(5);
  /** Most {@code protoshift.*} subprotocol offers one request may carry. */
  public static final int MAX_SUBPROTOCOL_OFFERS = 16;

  private static final System.Logger LOG = System.getLogger(Negotiator.class.getName());

  private final SupportedVersions supported;
  private final ProtocolFeatures features;
  private final int maxHelloBytes;
  private final Duration helloTimeout;

  private Negotiator(Builder b) {
    this.supported = b.supported;
    this.features = b.features;
    this.maxHelloBytes = b.maxHelloBytes;
    this.helloTimeout = b.helloTimeout;
  }

  /** A negotiator for a server that supports {@code supported}. */
  public static Builder builder(SupportedVersions supported) {
    return new Builder(supported);
  }

  public SupportedVersions supported() {
    return supported;
  }

  public ProtocolFeatures features() {
    return features;
  }

  /** The largest hello frame accepted, in UTF-8 bytes. */
  public int maxHelloBytes() {
    return maxHelloBytes;
  }

  /** How long after the upgrade a legacy connection's first text frame is still taken as a hello. */
  public Duration helloTimeout() {
    return helloTimeout;
  }

  /**
   * Negotiates at upgrade time.
   *
   * @param queryParameters the decoded query parameters (e.g. Jetty's {@code getParameterMap()})
   * @param subprotocols the {@code Sec-WebSocket-Protocol} offers in the client's order; values
   *     holding comma-separated lists are split
   * @param gate decides the protocol for an accepted client
   */
  public Negotiation onUpgrade(Map<String, List<String>> queryParameters, List<String> subprotocols, ProtocolGate gate) {
    Objects.requireNonNull(gate, "gate");
    List<String> offers = protoshiftOffers(subprotocols);
    if (offers.size() > MAX_SUBPROTOCOL_OFFERS) {
      return reject(Handshake.SUBPROTOCOL, RejectReason.MALFORMED_SUBPROTOCOL,
          offers.size() + " protoshift subprotocols offered, at most " + MAX_SUBPROTOCOL_OFFERS + " allowed");
    }
    List<Subprotocol> parsed = new ArrayList<>();
    for (String offer : offers) {
      if (Subprotocol.isUnknownProtocol(offer)) {
        continue; // a newer client's protocol: not ours to refuse
      }
      try {
        parsed.add(Subprotocol.parse(offer));
      } catch (IllegalArgumentException e) {
        return reject(Handshake.SUBPROTOCOL, RejectReason.MALFORMED_SUBPROTOCOL, e.getMessage());
      }
    }
    if (!parsed.isEmpty()) {
      return SubprotocolNegotiation.negotiate(this, parsed, gate);
    }
    List<String> values = queryParameters == null ? null : queryParameters.get(VERSION_PARAMETER);
    return onQueryVersion(values == null ? List.of() : values, gate);
  }

  /**
   * Like {@link #onUpgrade(Map, List, ProtocolGate)} with the raw (still percent-encoded) query
   * string, e.g. {@code room=R&proto_version=1.1.0}; {@code null} for none.
   */
  public Negotiation onUpgrade(String rawQuery, List<String> subprotocols, ProtocolGate gate) {
    List<String> values = new ArrayList<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        try {
          String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
          if (name.equals(VERSION_PARAMETER)) {
            values.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
          }
        } catch (IllegalArgumentException e) {
          return reject(Handshake.QUERY_PARAMETER, RejectReason.MALFORMED_QUERY,
              "query parameter " + dev.protoshift.versioning.internal.Text.quoted(pair)
                  + " is not valid percent-encoding");
        }
      }
    }
    return onUpgrade(Map.of(VERSION_PARAMETER, values), subprotocols, gate);
  }

  /**
   * Handles the first text frame of a connection that had no handshake at upgrade ({@link
   * Handshake#NONE}). Returns empty if the frame is not a hello (a legacy client's message: pass
   * it on to the game), otherwise the outcome of the hello. A frame whose top-level {@code type}
   * is {@code hello} but that is larger than {@link #maxHelloBytes()} is rejected.
   */
  public Optional<Negotiation> onFirstTextFrame(String frame, ProtocolGate gate) {
    Objects.requireNonNull(gate, "gate");
    if (frame == null || !HandshakeJson.peekType(frame).filter("hello"::equals).isPresent()) {
      return Optional.empty();
    }
    if (HandshakeJson.utf8Length(frame, maxHelloBytes) > maxHelloBytes) {
      return Optional.of(reject(Handshake.HELLO, RejectReason.HELLO_TOO_LARGE,
          "hello is larger than " + maxHelloBytes + " bytes"));
    }
    Hello hello;
    try {
      hello = Hello.parse(frame);
    } catch (InvalidVersionException e) {
      return Optional.of(reject(Handshake.HELLO, RejectReason.MALFORMED_VERSION, "hello: " + e.getMessage()));
    } catch (IllegalArgumentException e) {
      return Optional.of(reject(Handshake.HELLO, RejectReason.MALFORMED_HELLO, "hello: " + e.getMessage()));
    }
    return Optional.of(negotiate(hello, gate));
  }

  /**
   * True if a text frame is a hello (its top-level {@code type} is {@code hello}), valid or not:
   * what a server uses to tell a late or repeated hello from a game message. Never throws.
   */
  public boolean isHello(String frame) {
    return frame != null && HandshakeJson.peekType(frame).filter("hello"::equals).isPresent();
  }

  /** Negotiates a parsed hello. */
  public Negotiation negotiate(Hello hello, ProtocolGate gate) {
    VersionCheck check = hello.version().map(supported::classify).orElseGet(() -> supported.classify((String) null));
    if (!check.isAccepted()) {
      return reject(Handshake.HELLO, check);
    }
    ClientCapabilities client = new ClientCapabilities(
        Handshake.HELLO, hello.protocol() == Protocol.PROTOBUF, check.declared(), check.agreed());
    SortedSet<String> agreedFeatures = new TreeSet<>(featuresAt(check.agreed()));
    hello.features().ifPresent(asked -> agreedFeatures.retainAll(Set.copyOf(asked)));
    return new Agreement(Handshake.HELLO, client, check.status(), check.agreed(), agreedFeatures,
        decide(gate, client), Optional.empty());
  }

  private Negotiation onQueryVersion(List<String> rawValues, ProtocolGate gate) {
    Set<String> values = new LinkedHashSet<>();
    rawValues.stream().filter(v -> v != null && !v.isEmpty()).forEach(values::add);
    if (values.isEmpty()) {
      ClientCapabilities legacy = ClientCapabilities.legacy();
      return new Agreement(Handshake.NONE, legacy, VersionStatus.NOT_DECLARED, Optional.empty(), new TreeSet<>(),
          decide(gate, legacy), Optional.empty());
    }
    if (values.size() > 1) {
      return reject(Handshake.QUERY_PARAMETER, RejectReason.MALFORMED_QUERY,
          VERSION_PARAMETER + " given " + values.size() + " times with different values");
    }
    VersionCheck check = supported.classify(values.iterator().next());
    if (!check.isAccepted()) {
      return reject(Handshake.QUERY_PARAMETER, check);
    }
    ClientCapabilities client = new ClientCapabilities(Handshake.QUERY_PARAMETER, true, check.declared(), check.agreed());
    return new Agreement(Handshake.QUERY_PARAMETER, client, check.status(), check.agreed(), featuresAt(check.agreed()),
        decide(gate, client), Optional.empty());
  }

  SortedSet<String> featuresAt(Optional<ProtocolVersion> version) {
    return version.map(features::availableAt).orElseGet(TreeSet::new);
  }

  /** Asks the gate; a gate that picks protobuf for a client that did not offer it is overruled. */
  static RolloutDecision decide(ProtocolGate gate, ClientCapabilities client) {
    RolloutDecision decision = Objects.requireNonNull(gate.decide(client), "the protocol gate returned null");
    if (decision.protocol() == Protocol.PROTOBUF && !client.protobufOffered()) {
      LOG.log(System.Logger.Level.WARNING, "protocol gate chose {0} for a client that did not offer protobuf; "
          + "serving JSON (no_client_support)", decision);
      return RolloutDecision.of(DecisionReason.NO_CLIENT_SUPPORT);
    }
    return decision;
  }

  Rejection reject(Handshake handshake, VersionCheck check) {
    RejectReason reason = switch (check.status()) {
      case TOO_OLD -> RejectReason.TOO_OLD;
      case UNSUPPORTED_MAJOR -> RejectReason.UNSUPPORTED_MAJOR;
      default -> RejectReason.MALFORMED_VERSION;
    };
    return reject(handshake, reason, check.detail());
  }

  Rejection reject(Handshake handshake, RejectReason reason, String detail) {
    return new Rejection(handshake, reason, detail, supported);
  }

  private static List<String> protoshiftOffers(List<String> subprotocols) {
    List<String> out = new ArrayList<>();
    if (subprotocols == null) {
      return out;
    }
    for (String value : subprotocols) {
      if (value == null) {
        continue;
      }
      for (String token : value.split(",")) {
        String t = token.trim();
        if (Subprotocol.isProtoshift(t)) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /** Configures a {@link Negotiator}. */
  public static final class Builder {
    private final SupportedVersions supported;
    private ProtocolFeatures features = ProtocolFeatures.none();
    private int maxHelloBytes = DEFAULT_MAX_HELLO_BYTES;
    private Duration helloTimeout = DEFAULT_HELLO_TIMEOUT;

    private Builder(SupportedVersions supported) {
      this.supported = Objects.requireNonNull(supported, "supported");
    }

    /** The features the server offers (default: none). */
    public Builder features(ProtocolFeatures features) {
      this.features = Objects.requireNonNull(features, "features");
      return this;
    }

    /**
     * The largest hello frame, in UTF-8 bytes (default {@value #DEFAULT_MAX_HELLO_BYTES}).
     *
     * @throws IllegalArgumentException unless 64..1048576
     */
    public Builder maxHelloBytes(int bytes) {
      if (bytes < 64 || bytes > 1 << 20) {
        throw new IllegalArgumentException("maxHelloBytes must be 64..1048576, was " + bytes);
      }
      this.maxHelloBytes = bytes;
      return this;
    }

    /**
     * How long a first-frame hello is waited for (default 5 s).
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder helloTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("helloTimeout must be positive, was " + timeout);
      }
      this.helloTimeout = timeout;
      return this;
    }

    public Negotiator build() {
      return new Negotiator(this);
    }
  }
}
