package dev.protoshift.server.session;

import dev.protoshift.server.game.Room;
import dev.protoshift.versioning.rollout.ConfigChange;
import dev.protoshift.versioning.rollout.ConfigListener;
import dev.protoshift.versioning.rollout.ConfigRejection;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-decides every live connection when the rollout config changes (file reload, OpenFeature,
 * admin call): each room gets one task that re-decides all its connections on the room's tick
 * thread at the start of its next tick, so a room switches as a whole, every connection that
 * changes protocol does so within one tick, and its control message comes before the first
 * state in the new protocol.
 */
final class LiveRedecision implements ConfigListener {

  private static final System.Logger LOG = System.getLogger(LiveRedecision.class.getName());

  private final ServerContext context;

  LiveRedecision(ServerContext context) {
    this.context = context;
  }

  @Override
  public void onChange(ConfigChange change) {
    context.metrics().configChange(change.source().code(), "applied");
    var open = context.connections().all();
    Map<Room, List<PlayerConnection>> byRoom = new IdentityHashMap<>();
    for (PlayerConnection c : open) {
      Room room = c.room();
      if (room != null) { // one not seated yet re-decides when it is (PlayerConnection.seated)
        byRoom.computeIfAbsent(room, r -> new ArrayList<>()).add(c);
      }
    }
    byRoom.forEach((room, members) -> room.post(() -> members.forEach(c -> c.redecideOnTickThread(change.current()))));
    LOG.log(Level.INFO, "rollout config changed by " + change.source() + ": re-deciding " + open.size()
        + " connections at their rooms' next tick");
  }

  @Override
  public void onRejected(ConfigRejection rejection) {
    context.metrics().configChange(rejection.source().code(), "rejected");
  }
}
