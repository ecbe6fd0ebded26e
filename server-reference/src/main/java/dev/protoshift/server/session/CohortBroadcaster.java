package dev.protoshift.server.session;

import dev.protoshift.server.game.Broadcaster;
import dev.protoshift.server.game.RoomTick;
import java.util.List;

/**
 * Sends each tick's state to a room's connections, converting and encoding it once per cohort
 * (protocol × version class) and giving every member the same bytes plus its own {@code me}.
 */
final class CohortBroadcaster implements Broadcaster {

  private final ServerContext context;

  CohortBroadcaster(ServerContext context) {
    this.context = context;
  }

  @Override
  public void broadcast(RoomTick tick, List<Seat> seats) {
    // WIRING PENDING (convert): per-cohort encode once; see issue 6.
  }
}
