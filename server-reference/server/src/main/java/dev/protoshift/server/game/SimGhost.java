package dev.protoshift.server.game;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One ghost of the simulation, mutable, owned by its room's tick thread. A player's ghost is
 * steered by that player's inputs; the others wander along generated routes.
 */
final class SimGhost {

  /** Mirrors the schema's GhostState values the simulation uses. */
  enum State {
    WANDERING,
    CHASING,
    FLEEING,
    CAUGHT
  }

  final String id;
  final String name;
  final boolean player;
  final int color;
  float x;
  float y;
  float heading;
  float speed;
  State state = State.WANDERING;
  int score;
  /** The route ahead, nearest point first. */
  final ArrayDeque<Point> route = new ArrayDeque<>();
  /** Item id → count, in the order first received. */
  final Map<String, Integer> items = new LinkedHashMap<>();
  /** Steering from the last Move input, each in [-1, 1]; (0, 0) means follow the route. */
  float steerX;
  float steerY;
  int caughtTicks;
  int boostTicks;

  SimGhost(String id, String name, boolean player, int color, float x, float y) {
    this.id = id;
    this.name = name;
    this.player = player;
    this.color = color;
    this.x = x;
    this.y = y;
  }

  boolean steering() {
    return steerX != 0 || steerY != 0;
  }
}
