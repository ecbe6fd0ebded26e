package dev.protoshift.tools.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.reference.game.PlayerInput;
import dev.protoshift.reference.game.ServerMessage;
import dev.protoshift.tools.client.Backoff;
import dev.protoshift.tools.client.ClientRuntime;
import dev.protoshift.tools.client.ReferenceClient;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.ProtocolVersion;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;

/**
 * One load-test connection: a {@link ReferenceClient} whose every event goes to a
 * {@link ConnectionRecorder}. The cohort is the protocol of the frames the connection receives
 * (text = JSON, binary = protobuf) and the agreed version (the declared one, or what a
 * {@code hello_ack} or {@code protocol_switch} says).
 */
final class LoadConnection implements ReferenceClient.Listener {

  /** Reconnect policy: 100 ms doubling to 5 s; ten failures in a row end the connection. */
  static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 10);

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A protocol change seen on a live connection: the first state in the new protocol.
   *
   * @param from the protocol before
   * @param to the protocol after
   * @param tick the tick of the first state in {@code to}
   * @param nowMicros that state's server timestamp, microseconds since the epoch
   * @param previousNowMicros the server timestamp of the last state in {@code from}
   * @param receivedNanos when the first state in {@code to} arrived ({@link System#nanoTime})
   */
  record Switch(String from, String to, long tick, long nowMicros, long previousNowMicros, long receivedNanos) {}

  private final ClientPlan plan;
  private final ConnectionRecorder recorder;
  private final AtomicLong clientSeq = new AtomicLong();
  private final AtomicReference<String> lastRejection = new AtomicReference<>();
  private final List<Switch> switches = new CopyOnWriteArrayList<>();
  private final List<String> switchReasons = new CopyOnWriteArrayList<>();
  private final List<Integer> closeCodes = new CopyOnWriteArrayList<>();
  private final AtomicInteger opens = new AtomicInteger();
  private volatile ReferenceClient client;
  private volatile boolean closing;
  private volatile boolean pending;
  private volatile long openedNanos;
  private volatile String protocol;
  private volatile String version;
  private volatile long lastNowMicros = -1;

  LoadConnection(ClientPlan plan) {
    this.plan = plan;
    this.recorder = new ConnectionRecorder(plan.connection());
    this.version = plan.version().map(ProtocolVersion::toString).orElse("none");
  }

  ConnectionRecorder recorder() {
    return recorder;
  }

  ClientPlan plan() {
    return plan;
  }

  /** Dials; the future completes when the first connection opens, or fails when it fails for good. */
  CompletableFuture<?> connect(ClientRuntime runtime, URI server) {
    ReferenceClient.Options options = ReferenceClient.options(server, plan.room())
        .player("load-" + plan.connection()).backoff(BACKOFF);
    if (plan.handshake().isPresent()) {
      String v = plan.version().orElseThrow().toString();
      boolean protobuf = plan.protocol() == Protocol.PROTOBUF;
      options = switch (plan.handshake().get()) {
        case QUERY, AUTO -> options.query(v);
        case SUBPROTOCOL -> options.subprotocol(v, protobuf);
        case HELLO -> options.hello(v, protobuf, null);
      };
    }
    client = ReferenceClient.connect(runtime, options, this);
    return client.opened();
  }

  /** Sends one random move, if connected. */
  void sendInput(RandomGenerator random) {
    ReferenceClient c = client;
    if (c == null || !c.isOpen()) {
      return;
    }
    double angle = random.nextDouble(2 * Math.PI);
    c.send(new PlayerInput(clientSeq.incrementAndGet(),
        new PlayerInput.Move((float) Math.cos(angle), (float) Math.sin(angle))));
  }

  /** Closes for good: the close that follows is not a disconnect. */
  void close() {
    closing = true;
    ReferenceClient c = client;
    if (c != null) {
      c.close();
    }
  }

  /** The protocol changes this connection saw, in order. */
  List<Switch> switches() {
    return List.copyOf(switches);
  }

  /** The reasons of the {@code protocol_switch} messages received, in order. */
  List<String> switchReasons() {
    return List.copyOf(switchReasons);
  }

  /** Times the connection opened (1 + reconnects). */
  int opens() {
    return opens.get();
  }

  /** The close codes of the drops the tool did not cause, in order. */
  List<Integer> closeCodes() {
    return List.copyOf(closeCodes);
  }

  /** The protocol of the last state received, or null while not connected. */
  String protocol() {
    return protocol;
  }

  /** The last {@code hello_reject} or refusal the server sent, if any. */
  String lastRejection() {
    return lastRejection.get();
  }

  @Override
  public void opened(int attempt) {
    opens.incrementAndGet();
    openedNanos = System.nanoTime();
    pending = true;
  }

  @Override
  public void state(ServerMessage.State state, ReferenceClient.Received r) {
    String p = r.protocol().code();
    String before = protocol;
    if (!pending && before != null && !before.equals(p)) {
      switches.add(new Switch(before, p, state.tick(), state.now(), lastNowMicros, r.receivedNanos()));
    }
    lastNowMicros = state.now();
    enter(p, r.receivedNanos());
    recorder.update(r.receivedNanos(), r.bytes(), state.tick(), r.latencyMicros(), r.decodeNanos());
  }

  @Override
  public void control(String type, String json) {
    long now = System.nanoTime();
    try {
      JsonNode node = JSON.readTree(json);
      String v = node.path("version").asText("");
      if (!v.isEmpty() && (type.equals("hello_ack") || type.equals("protocol_switch"))) {
        version = v;
      }
      if (type.equals("protocol_switch")) {
        switchReasons.add(dev.protoshift.session.ProtocolSwitch.parse(json).reason());
      }
      if (type.equals("hello_reject")) {
        lastRejection.set(node.path("reason").asText("") + ": " + node.path("message").asText(""));
      }
    } catch (IOException | IllegalArgumentException e) {
      // the reference client already counted a malformed control message it needed
    }
    if (!pending) {
      recorder.other(now, json.length());
    }
  }

  @Override
  public void decodeFailed(Protocol p, DecodeException e) {
    long now = System.nanoTime();
    enter(p.code(), now);
    recorder.decodeError(now, 0);
  }

  @Override
  public void closed(int code, String reason, boolean reconnecting) {
    if (!closing) {
      closeCodes.add(code);
    }
    if (!closing && code >= 4000 && !reconnecting) {
      lastRejection.compareAndSet(null, "closed " + code + " " + reason);
    }
    pending = false;
    protocol = null;
    recorder.disconnected(System.nanoTime(), closing);
  }

  /** Enters the cohort of a frame's protocol: on the first frame after opening, or on a switch. */
  private void enter(String p, long nanos) {
    if (pending) {
      pending = false;
      protocol = p;
      recorder.connected(p, version, openedNanos);
    } else if (!p.equals(protocol)) {
      protocol = p;
      recorder.switched(p, version, nanos);
    }
  }
}
