package dev.protoshift.server.session;

import dev.protoshift.server.game.Broadcaster;

/** Creates the session layer's pieces for {@link dev.protoshift.server.ReferenceServer}. */
public final class GameServerFactory {

  private GameServerFactory() {}

  /** The broadcaster that encodes once per cohort for the connections of {@code context}. */
  public static Broadcaster broadcaster(ServerContext context) {
    return new CohortBroadcaster(context);
  }
}
