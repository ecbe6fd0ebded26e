package dev.protoshift.server.archfixture;

import dev.protoshift.reference.game.internal.RouteJson;
import java.util.List;

/**
 * A deliberate boundary violation, used only by ModuleBoundariesTest to show that the internal
 * rule fails: a class in the server's package that uses the reference game's internal package
 * (below {@code dev.protoshift.reference..}, not directly in it). It lives in test sources, which
 * the real check does not import.
 */
public final class ServerClassUsingGameInternal {

  private ServerClassUsingGameInternal() {}

  /** The dependency the rule must catch. */
  public static String emptyRoute() {
    return RouteJson.write(List.of());
  }
}
