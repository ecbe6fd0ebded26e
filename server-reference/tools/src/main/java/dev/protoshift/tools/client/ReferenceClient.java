package dev.protoshift.tools.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.convert.View;
import dev.protoshift.reference.game.GameProtocol;
import dev.protoshift.reference.game.PlayerInput;
import dev.protoshift.reference.game.ServerMessage;
import dev.protoshift.versioning.Hello;
import dev.protoshift.session.ProtocolSwitch;
import dev.protoshift.versioning.HelloReply;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.ProtocolVersion;
import dev.protoshift.versioning.Subprotocol;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;

/**
 * The Java reference client of the reference server, used by its tests and by the load tool.
 * It connects with one of the three handshakes (or none, as a legacy JSON client), decodes
 * every state with the schema view of its own version, <b>picks the protocol by frame
 * type</b> (text = JSON, binary = protobuf: so a {@code protocol_switch} or a {@code hello_ack}
 * needs no special handling), checks the tick sequence for gaps and repeats, sends inputs in
 * the protocol it is currently served, and reconnects with backoff (after a 1012, when the
 * server says).
 *
 * <pre>{@code
 * try (ClientRuntime runtime = ClientRuntime.start();
 *      ReferenceClient client = ReferenceClient.connect(runtime,
 *          ReferenceClient.options(URI.create("ws://127.0.0.1:8080/ws"), "lobby").query("1.1.0"),
 *          new ReferenceClient.Listener() {
 *            public void state(ServerMessage.State s, Received r) { ... }
 *          })) {
 *   client.send(new PlayerInput(1, new PlayerInput.Move(1, 0)));
 * }
 * }</pre>
 *
 * <p>Many clients share one {@link ClientRuntime}. Listener calls of one client never overlap.
 */
public final class ReferenceClient implements AutoCloseable {

  private static final JsonFactory JSON = new JsonFactory();
  private static final GameProtocol GAME = GameProtocol.reference();

  /** How the client declares itself. */
  public enum Handshake {
    /** Nothing: a pre-protobuf JSON client. */
    NONE,
    /** {@code ?proto_version=X.Y.Z}. */
    QUERY,
    /** {@code Sec-WebSocket-Protocol} offers. */
    SUBPROTOCOL,
    /** A first-frame {@code hello}. */
    HELLO
  }

  /**
   * What to connect to and how.
   *
   * @param server the endpoint, e.g. {@code ws://127.0.0.1:8080/ws}
   * @param room the room
   * @param handshake how to declare the version
   * @param version the client's schema version; {@code null} only with {@link Handshake#NONE}
   * @param protobuf whether to offer protobuf (subprotocol and hello); the query handshake always does
   * @param features features to ask for in a hello; {@code null} for all of the version's
   * @param player an optional player id (for {@code bucket_by: player})
   * @param backoff reconnect policy
   */
  public record Options(URI server, String room, Handshake handshake, ProtocolVersion version, boolean protobuf,
      List<String> features, String player, Backoff backoff) {

    /**
     * @throws IllegalArgumentException if a declaring handshake has no version
     */
    public Options {
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(handshake, "handshake");
      Objects.requireNonNull(backoff, "backoff");
      if (handshake != Handshake.NONE && version == null) {
        throw new IllegalArgumentException("handshake " + handshake + " needs a version");
      }
      features = features == null ? null : List.copyOf(features);
    }

    /** A legacy JSON client (no version) with the default backoff. */
    public Options legacy() {
      return new Options(server, room, Handshake.NONE, null, false, null, player, backoff);
    }

    public Options query(String clientVersion) {
      return new Options(server, room, Handshake.QUERY, ProtocolVersion.parse(clientVersion), true, features, player, backoff);
    }

    public Options subprotocol(String clientVersion, boolean offerProtobuf) {
      return new Options(server, room, Handshake.SUBPROTOCOL, ProtocolVersion.parse(clientVersion), offerProtobuf,
          features, player, backoff);
    }

    public Options hello(String clientVersion, boolean offerProtobuf, List<String> wantedFeatures) {
      return new Options(server, room, Handshake.HELLO, ProtocolVersion.parse(clientVersion), offerProtobuf,
          wantedFeatures, player, backoff);
    }

    public Options player(String id) {
      return new Options(server, room, handshake, version, protobuf, features, id, backoff);
    }

    public Options backoff(Backoff policy) {
      return new Options(server, room, handshake, version, protobuf, features, player, policy);
    }

    /** The URI of an attempt: the server plus {@code room}, {@code player} and (query handshake) {@code proto_version}. */
    URI uri() {
      StringBuilder q = new StringBuilder("room=").append(URLEncoder.encode(room, StandardCharsets.UTF_8));
      if (player != null) {
        q.append("&player=").append(URLEncoder.encode(player, StandardCharsets.UTF_8));
      }
      if (handshake == Handshake.QUERY) {
        q.append("&proto_version=").append(version);
      }
      return URI.create(server + (server.getQuery() == null ? "?" : "&") + q);
    }
  }

  /** Options for {@code server} and {@code room}: a legacy JSON client with {@link Backoff#DEFAULT}. */
  public static Options options(URI server, String room) {
    return new Options(server, room, Handshake.NONE, null, false, null, null, Backoff.DEFAULT);
  }

  /**
   * One received state: how it came and what it cost.
   *
   * @param protocol the frame type it came in
   * @param bytes the frame's payload size
   * @param receivedNanos {@link System#nanoTime()} at receipt
   * @param decodeNanos time to decode it
   * @param latencyMicros wall-clock receipt time minus the state's {@code now} (clocks of one machine on loopback)
   */
  public record Received(Protocol protocol, int bytes, long receivedNanos, long decodeNanos, long latencyMicros) {}

  /** What a client tells its owner; all methods optional. */
  public interface Listener {
    default void opened(int attempt) {}

    default void state(ServerMessage.State state, Received received) {}

    /** A control message ({@code hello_ack}, {@code hello_reject}, {@code protocol_switch}, or one this client does not know). */
    default void control(String type, String json) {}

    default void error(ServerMessage.Error error) {}

    /** A frame from the server that did not decode. */
    default void decodeFailed(Protocol protocol, DecodeException e) {}

    default void closed(int code, String reason, boolean reconnecting) {}
  }

  private final Options options;
  private final Listener listener;
  private final ReconnectingSocket socket;
  private final SequenceTracker ticks = new SequenceTracker();
  private final AtomicLong states = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong decodeErrors = new AtomicLong();
  private final AtomicLong switches = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private volatile View view;
  private volatile Protocol serving = Protocol.JSON;
  private volatile long gaps;
  private volatile long repeats;
  private volatile long lastTick = -1;

  private ReferenceClient(ClientRuntime runtime, Options options, Listener listener) {
    this.options = options;
    this.listener = listener;
    this.view = GAME.view(options.version(), options.features());
    this.socket = new ReconnectingSocket(runtime, this::upgradeRequest, options.backoff(), new Events());
  }

  /** Connects; the future completes when the first connection is open. */
  public static ReferenceClient connect(ClientRuntime runtime, Options options, Listener listener) {
    ReferenceClient client = new ReferenceClient(runtime, options, listener);
    client.socket.connect();
    return client;
  }

  /** Completes with the first session (fails if the first connection fails for good). */
  public CompletableFuture<Session> opened() {
    return socket.connect();
  }

  private ClientUpgradeRequest upgradeRequest() {
    ClientUpgradeRequest request = new ClientUpgradeRequest(options.uri());
    if (options.handshake() == Handshake.SUBPROTOCOL) {
      request.setSubProtocols(options.protobuf()
          ? Subprotocol.offersFor(options.version())
          : List.of(Subprotocol.of(Protocol.JSON, options.version()).name()));
    }
    return request;
  }

  /**
   * Sends an input in the protocol the client is served now.
   *
   * @return false if not connected
   * @throws IllegalArgumentException if the client's version cannot express the action
   */
  public boolean send(PlayerInput input) {
    Protocol p = serving;
    byte[] encoded = GAME.encodeInput(input, new Cohort(p, view));
    return p == Protocol.PROTOBUF
        ? socket.sendBinary(ByteBuffer.wrap(encoded))
        : socket.sendText(new String(encoded, StandardCharsets.UTF_8));
  }

  /** Sends a raw text frame (tests of bad input). */
  public boolean sendText(String text) {
    return socket.sendText(text);
  }

  /** Sends a raw binary frame (tests of bad input). */
  public boolean sendBinary(byte[] bytes) {
    return socket.sendBinary(ByteBuffer.wrap(bytes));
  }

  /** The protocol of the last state received (JSON until the first binary state). */
  public Protocol protocol() {
    return serving;
  }

  public boolean isOpen() {
    return socket.isOpen();
  }

  /** Counters so far. */
  public Stats stats() {
    return new Stats(states.get(), bytes.get(), gaps, repeats, lastTick, decodeErrors.get(), switches.get(),
        errors.get(), socket.reconnects());
  }

  /**
   * @param states states received
   * @param bytes payload bytes of those states
   * @param gaps ticks missing between consecutive states of one connection
   * @param repeats states whose tick was not newer than the previous one
   * @param lastTick the last tick received, -1 before the first
   * @param decodeErrors frames that did not decode
   * @param switches {@code protocol_switch} messages received
   * @param errors server {@code error} messages received
   * @param reconnects connections after the first
   */
  public record Stats(long states, long bytes, long gaps, long repeats, long lastTick, long decodeErrors, long switches,
      long errors, int reconnects) {}

  @Override
  public void close() {
    socket.close();
  }

  /** Drops the connection without a close handshake (tests). */
  public void disconnectAbruptly() {
    socket.disconnectAbruptly();
  }

  private void onState(ServerMessage.State state, Protocol protocol, int size, long receivedNanos, long decodeNanos) {
    long latency = nowMicros() - state.now();
    synchronized (ticks) {
      ticks.observe(state.tick());
      gaps = ticks.gaps();
      repeats = ticks.repeats();
      lastTick = ticks.last();
    }
    states.incrementAndGet();
    bytes.addAndGet(size);
    serving = protocol;
    listener.state(state, new Received(protocol, size, receivedNanos, decodeNanos, latency));
  }

  private static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  /** The {@code type} of a JSON object, if it is its first field (as every server message has it). */
  static Optional<String> peekType(String text) {
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() == JsonToken.START_OBJECT && p.nextToken() == JsonToken.FIELD_NAME
          && "type".equals(p.currentName()) && p.nextToken() == JsonToken.VALUE_STRING) {
        return Optional.of(p.getText());
      }
    } catch (IOException e) {
      // not JSON: the decoder reports it
    }
    return Optional.empty();
  }

  private final class Events implements ReconnectingSocket.Listener {
    @Override
    public void opened(Session session, int attempt) {
      synchronized (ticks) {
        ticks.restart();
      }
      serving = Protocol.JSON;
      if (attempt > 0 || options.handshake() == Handshake.HELLO) {
        view = GAME.view(options.version(), options.features());
      }
      if (options.handshake() == Handshake.HELLO) {
        Hello hello = new Hello(options.protobuf() ? Protocol.PROTOBUF : Protocol.JSON,
            Optional.of(options.version()), Optional.ofNullable(options.features()));
        session.sendText(hello.toJson(), org.eclipse.jetty.websocket.api.Callback.NOOP);
      }
      listener.opened(attempt);
    }

    @Override
    public void text(String message, long receivedNanos) {
      String type = peekType(message).orElse("");
      switch (type) {
        case "state", "error" -> {
          long start = System.nanoTime();
          try {
            ServerMessage m = GAME.decodeJsonServerMessage(message, view);
            long decodeNanos = System.nanoTime() - start;
            if (m instanceof ServerMessage.State s) {
              onState(s, Protocol.JSON, message.length(), receivedNanos, decodeNanos);
            } else {
              errors.incrementAndGet();
              listener.error((ServerMessage.Error) m);
            }
          } catch (DecodeException e) {
            decodeErrors.incrementAndGet();
            listener.decodeFailed(Protocol.JSON, e);
          }
        }
        case "hello_ack" -> {
          try {
            if (HelloReply.parse(message) instanceof HelloReply.Ack ack) {
              view = GAME.view(ack.version().orElse(null), new ArrayList<>(ack.features()));
            }
          } catch (IllegalArgumentException e) {
            decodeErrors.incrementAndGet(); // a malformed ack: keep the view asked for
          }
          listener.control(type, message);
        }
        case "protocol_switch" -> {
          try {
            ProtocolSwitch.parse(message); // the contract every client reads (protoshift-session)
            switches.incrementAndGet();
          } catch (IllegalArgumentException e) {
            decodeErrors.incrementAndGet();
          }
          listener.control(type, message);
        }
        default -> listener.control(type, message);
      }
    }

    @Override
    public void binary(ByteBuffer message, long receivedNanos) {
      byte[] frame = new byte[message.remaining()];
      message.get(frame);
      long start = System.nanoTime();
      try {
        ServerMessage m = GAME.decodeBinaryServerMessage(frame, view);
        long decodeNanos = System.nanoTime() - start;
        if (m instanceof ServerMessage.State s) {
          onState(s, Protocol.PROTOBUF, frame.length, receivedNanos, decodeNanos);
        } else {
          errors.incrementAndGet();
          listener.error((ServerMessage.Error) m);
        }
      } catch (DecodeException e) {
        decodeErrors.incrementAndGet();
        listener.decodeFailed(Protocol.PROTOBUF, e);
      }
    }

    @Override
    public void closed(int code, String reason, boolean reconnecting) {
      listener.closed(code, reason, reconnecting);
    }
  }
}
