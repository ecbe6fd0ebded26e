package dev.protoshift.tools.transport;

import dev.protoshift.convert.DecodeException;
import dev.protoshift.convert.View;
import dev.protoshift.reference.game.GameProtocol;
import dev.protoshift.reference.game.ServerMessage;
import dev.protoshift.session.ControlMessage;
import dev.protoshift.session.ProtocolSwitch;
import dev.protoshift.tools.client.Backoff;
import dev.protoshift.tools.client.ClientRuntime;
import dev.protoshift.tools.client.ReconnectingSocket;
import dev.protoshift.versioning.HelloReply;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.ProtocolVersion;
import dev.protoshift.versioning.Subprotocol;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;

/**
 * One WebSocket connection of the scenario (Jetty's client, no reconnect): every frame the server
 * sends, in order, decoded as this client's view reads it (a 1.0.0 client with the 1.0.0 view).
 */
final class ScenarioClient implements ReconnectingSocket.Listener, AutoCloseable {

  static final GameProtocol GAME = GameProtocol.reference();

  /** One frame from the server, decoded. */
  sealed interface Event permits StateEvent, ErrorEvent, SwitchEvent, ReplyEvent {}

  /** A state, with the frame it came in. */
  record StateEvent(Protocol protocol, ServerMessage.State state, byte[] frame) implements Event {
    long tick() {
      return state.tick();
    }
  }

  record ErrorEvent(Protocol protocol, ServerMessage.Error error) implements Event {}

  record SwitchEvent(ProtocolSwitch value) implements Event {}

  record ReplyEvent(HelloReply reply) implements Event {}

  private static final java.util.concurrent.atomic.AtomicInteger PLAYERS = new java.util.concurrent.atomic.AtomicInteger();

  final String name;
  /** The {@code player} id it connects with, unique in the process: how the server's side of it is found. */
  final String player = "scenario-" + PLAYERS.incrementAndGet();
  final ProtocolVersion version;
  final List<Event> events = new CopyOnWriteArrayList<>();
  /** Frames that did not decode, each with what was wrong. */
  final List<String> undecodable = new CopyOnWriteArrayList<>();
  final List<Integer> closeCodes = new CopyOnWriteArrayList<>();
  private final View view;
  private final ReconnectingSocket socket;
  private volatile String acceptedSubprotocol;

  private ScenarioClient(ClientRuntime runtime, String name, ProtocolVersion version, URI uri, List<String> offers) {
    this.name = name;
    this.version = version;
    this.view = GAME.view(version, null);
    URI withPlayer = URI.create(uri + "&player=" + player);
    this.socket = new ReconnectingSocket(runtime, () -> {
      ClientUpgradeRequest request = new ClientUpgradeRequest(withPlayer);
      request.setSubProtocols(offers);
      return request;
    }, Backoff.NONE, this);
  }

  /** {@code ?proto_version=VERSION} (offers protobuf). */
  static ScenarioClient query(ClientRuntime runtime, URI server, String room, String version) {
    return open(new ScenarioClient(runtime, "query " + version, ProtocolVersion.parse(version),
        URI.create(server + "?room=" + room + "&proto_version=" + version), List.of()));
  }

  /** {@code Sec-WebSocket-Protocol: protoshift.protobuf.vM.N, protoshift.json.vM.N}. */
  static ScenarioClient subprotocol(ClientRuntime runtime, URI server, String room, String version) {
    ProtocolVersion v = ProtocolVersion.parse(version);
    return open(new ScenarioClient(runtime, "subprotocol " + version, v, URI.create(server + "?room=" + room),
        Subprotocol.offersFor(v)));
  }

  /** A pre-protobuf client: declares nothing, reads JSON. */
  static ScenarioClient legacy(ClientRuntime runtime, URI server, String room) {
    return open(new ScenarioClient(runtime, "legacy json", null, URI.create(server + "?room=" + room), List.of()));
  }

  private static ScenarioClient open(ScenarioClient client) {
    client.socket.connect();
    return client;
  }

  /** The {@code Sec-WebSocket-Protocol} the server selected, once open; empty for none. */
  Optional<String> acceptedSubprotocol() {
    return Optional.ofNullable(acceptedSubprotocol).filter(s -> !s.isEmpty());
  }

  boolean isOpen() {
    return socket.isOpen();
  }

  void sendBinary(byte[] frame) {
    socket.sendBinary(ByteBuffer.wrap(frame));
  }

  List<StateEvent> states() {
    return events.stream().filter(StateEvent.class::isInstance).map(StateEvent.class::cast).collect(Collectors.toList());
  }

  List<ProtocolSwitch> switches() {
    return events.stream().filter(SwitchEvent.class::isInstance).map(e -> ((SwitchEvent) e).value())
        .collect(Collectors.toList());
  }

  List<ErrorEvent> errors() {
    return events.stream().filter(ErrorEvent.class::isInstance).map(ErrorEvent.class::cast)
        .collect(Collectors.toList());
  }

  /** States received after the last protocol switch (all of them if none). */
  long statesSinceLastSwitch() {
    List<Event> all = List.copyOf(events);
    int i = all.size();
    while (i > 0 && !(all.get(i - 1) instanceof SwitchEvent)) {
      i--;
    }
    return all.subList(i, all.size()).stream().filter(StateEvent.class::isInstance).count();
  }

  @Override
  public void opened(Session session, int attempt) {
    acceptedSubprotocol = session.getUpgradeResponse().getAcceptedSubProtocol();
  }

  @Override
  public void text(String message, long receivedNanos) {
    try {
      Optional<ControlMessage> control = ControlMessage.parse(message);
      if (control.isPresent()) {
        events.add(control.get() instanceof ControlMessage.Switch s
            ? new SwitchEvent(s.protocolSwitch()) : new ReplyEvent(((ControlMessage.Reply) control.get()).reply()));
      } else {
        add(Protocol.JSON, GAME.decodeJsonServerMessage(message, view), message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (DecodeException | IllegalArgumentException e) {
      undecodable.add("text " + message + ": " + e.getMessage());
    }
  }

  @Override
  public void binary(ByteBuffer message, long receivedNanos) {
    byte[] frame = new byte[message.remaining()];
    message.get(frame);
    try {
      add(Protocol.PROTOBUF, GAME.decodeBinaryServerMessage(frame, view), frame);
    } catch (DecodeException e) {
      undecodable.add("binary frame of " + frame.length + " bytes: " + e.getMessage());
    }
  }

  private void add(Protocol protocol, ServerMessage message, byte[] frame) {
    events.add(message instanceof ServerMessage.State s
        ? new StateEvent(protocol, s, frame) : new ErrorEvent(protocol, (ServerMessage.Error) message));
  }

  @Override
  public void closed(int code, String reason, boolean reconnecting) {
    closeCodes.add(code);
  }

  @Override
  public void close() {
    socket.close();
  }

  @Override
  public String toString() {
    return name + " (" + player + ")";
  }
}
