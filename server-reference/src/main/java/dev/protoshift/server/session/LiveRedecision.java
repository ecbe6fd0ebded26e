package dev.protoshift.server.session;

import dev.protoshift.versioning.rollout.ConfigChange;
import dev.protoshift.versioning.rollout.ConfigListener;
import dev.protoshift.versioning.rollout.ConfigRejection;
import java.lang.System.Logger.Level;

/**
 * Re-decides every live connection when the rollout config changes (file reload, OpenFeature,
 * admin call): each connection's new decision is applied on its room's tick thread at the start
 * of the next tick, so every connection that changes protocol does so within one tick, with
 * its control message before the first state in the new protocol.
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
    for (PlayerConnection c : open) {
      c.redecide(change.current());
    }
    LOG.log(Level.INFO, "rollout config changed by " + change.source() + ": re-deciding " + open.size()
        + " connections at their rooms' next tick");
  }

  @Override
  public void onRejected(ConfigRejection rejection) {
    context.metrics().configChange(rejection.source().code(), "rejected");
  }
}
