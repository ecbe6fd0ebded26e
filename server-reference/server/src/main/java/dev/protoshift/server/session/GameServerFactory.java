package dev.protoshift.server.session;

import dev.protoshift.server.game.Broadcaster;
import dev.protoshift.versioning.rollout.ConfigListener;

/** Creates the session layer's pieces for {@link dev.protoshift.server.ReferenceServer}. */
public final class GameServerFactory {

  private GameServerFactory() {}

  /** The broadcaster that encodes once per cohort for the connections of {@code context}. */
  public static Broadcaster broadcaster(ServerContext context) {
    return new CohortBroadcaster(context);
  }

  /** The listener that re-decides every live connection on a config change. */
  public static ConfigListener liveRedecision(ServerContext context) {
    return new LiveRedecision(context);
  }
}
