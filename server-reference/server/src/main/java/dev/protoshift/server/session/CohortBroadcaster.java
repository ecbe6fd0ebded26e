package dev.protoshift.server.session;

import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.CohortFrame;
import dev.protoshift.reference.game.GameProtocol;
import dev.protoshift.reference.game.RoomState;
import dev.protoshift.server.BroadcastMode;
import dev.protoshift.server.game.Broadcaster;
import dev.protoshift.server.game.RoomTick;
import dev.protoshift.server.metrics.ServerMetrics;
import dev.protoshift.server.transport.OutboundFrame;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends each tick's state to a room's connections: the room's connections are grouped into
 * cohorts (protocol × view, e.g. {@code protobuf/1.0.0} or {@code json/1.1.0+dag+inventory+story});
 * the state is converted and encoded once per cohort (convert's {@link CohortFrame}), and each
 * member gets the same bytes with its own {@code me} spliced in — no per-connection conversion
 * or encoding. Two other {@link BroadcastMode}s exist for benchmarks: per connection (the naive
 * path) and pre-encoded (the floor).
 */
final class CohortBroadcaster implements Broadcaster {

  /** {@code LOG_PROTO_MESSAGES=1} writes here. */
  static final System.Logger MESSAGES = System.getLogger("dev.protoshift.server.messages");

  private final ServerContext context;
  private final GameProtocol game;
  /** {@link BroadcastMode#PRE_ENCODED} only: each room's first encoding per cohort. */
  private final Map<String, byte[]> preEncoded = new ConcurrentHashMap<>();

  CohortBroadcaster(ServerContext context) {
    this.context = context;
    this.game = context.game();
  }

  @Override
  public void broadcast(RoomTick tick, List<Seat> seats) {
    if (seats.isEmpty()) {
      return;
    }
    Map<Cohort, List<Seat>> cohorts = new LinkedHashMap<>();
    for (Seat seat : seats) {
      PlayerConnection c = (PlayerConnection) seat.occupant();
      if (c.isOpen()) {
        cohorts.computeIfAbsent(c.cohort(), k -> new ArrayList<>()).add(seat);
      }
    }
    if (cohorts.isEmpty()) {
      return;
    }
    RoomState state = tick.state();
    ServerMetrics metrics = context.metrics();
    BroadcastMode mode = context.settings().broadcastMode();
    for (Map.Entry<Cohort, List<Seat>> entry : cohorts.entrySet()) {
      Cohort cohort = entry.getKey();
      List<Seat> members = entry.getValue();
      String protocol = cohort.protocol().code();
      String version = ((PlayerConnection) members.get(0).occupant()).versionTag();
      CohortFrame frame = null;
      byte[] shared = null;
      long encodeNanos = 0;
      if (mode == BroadcastMode.PER_COHORT) {
        long start = System.nanoTime();
        frame = game.encodeState(state, cohort);
        encodeNanos = System.nanoTime() - start;
        metrics.encoded(protocol, version, "state_update", encodeNanos);
      } else if (mode == BroadcastMode.PRE_ENCODED) {
        shared = preEncoded.computeIfAbsent(tick.roomId() + "\u0000" + cohort.label(), k -> {
          long start = System.nanoTime();
          byte[] bytes = game.encodeState(state, cohort).shared();
          metrics.encoded(protocol, version, "state_update", System.nanoTime() - start);
          return bytes;
        });
      }
      long bytes = 0;
      for (Seat seat : members) {
        PlayerConnection c = (PlayerConnection) seat.occupant();
        byte[] payload;
        if (frame != null) {
          payload = frame.forRecipient(seat.ghostId());
        } else if (shared != null) {
          payload = shared;
        } else {
          long start = System.nanoTime();
          payload = game.encodeStateForConnection(state, cohort, seat.ghostId());
          long nanos = System.nanoTime() - start;
          encodeNanos += nanos;
          metrics.encoded(protocol, version, "state_update", nanos);
        }
        bytes += payload.length;
        c.sendState(cohort.protocol().isBinary()
            ? OutboundFrame.binaryState(tick.tick(), ByteBuffer.wrap(payload))
            : OutboundFrame.textState(tick.tick(), new String(payload, StandardCharsets.UTF_8)));
        metrics.messageSize(protocol, c.versionTag(), "state_update", ServerMetrics.Direction.OUT, payload.length);
      }
      if (context.settings().logProtoMessages()) {
        MESSAGES.log(Level.INFO, "[PROTO] sent state_update room=" + tick.roomId() + " tick=" + tick.tick()
            + " cohort=" + cohort.label() + " recipients=" + members.size() + " size=" + (bytes / members.size())
            + " encode_us=" + encodeNanos / 1_000);
      }
    }
  }
}
