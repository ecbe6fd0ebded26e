package dev.protoshift.server.game;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The rules of the reference game, for one room. Wandering ghosts follow generated routes;
 * each player steers a ghost (Move) or gives it a route (SetRoute). A wandering ghost flees a
 * player who comes close and is caught on contact: the player scores, gets an ectoplasm and
 * the ghost respawns elsewhere after a while. Using an ectoplasm gives a short speed boost.
 * The room's catches and items used advance its quest graph; any player may choose the next
 * story beat.
 *
 * <p>Deterministic for a given seed and input sequence. Not thread-safe: owned by the room's
 * tick thread.
 */
final class GhostWorld {

  static final float SIZE = 100f;
  static final int MAX_ROUTE_POINTS = 32;
  static final float WANDER_SPEED = 4f;
  static final float FLEE_SPEED = 6f;
  static final float PLAYER_SPEED = 8f;
  static final float BOOST = 1.5f;
  static final float FLEE_RADIUS = 12f;
  static final float CATCH_RADIUS = 1.5f;
  static final int RESPAWN_TICKS = 40;
  static final int BOOST_TICKS = 60;
  static final String ECTOPLASM = "ectoplasm";
  private static final String[] NAMES = {"Blinky", "Pinky", "Inky", "Clyde", "Sue", "Funky", "Spunky", "Kinky"};

  private final SplittableRandom random;
  private final Map<String, SimGhost> ghosts = new LinkedHashMap<>();
  private final Quest quest = new Quest();
  private final StoryBook story = new StoryBook();
  private int nextPlayer = 1;
  private int catches;
  private int itemsUsed;

  GhostWorld(long seed, int wanderers) {
    if (wanderers < 0 || wanderers > 1000) {
      throw new IllegalArgumentException("wandering ghosts per room must be 0..1000, was " + wanderers);
    }
    this.random = new SplittableRandom(seed);
    for (int i = 1; i <= wanderers; i++) {
      SimGhost g = new SimGhost("g" + i, NAMES[(i - 1) % NAMES.length], false, color(), rnd(), rnd());
      g.speed = WANDER_SPEED;
      extendRoute(g);
      ghosts.put(g.id, g);
    }
  }

  /** Adds a player's ghost at a random place; returns its id. */
  String addPlayer(String name) {
    String id = "p" + nextPlayer++;
    SimGhost g = new SimGhost(id, name, true, color(), rnd(), rnd());
    ghosts.put(id, g);
    return id;
  }

  void removePlayer(String id) {
    SimGhost g = ghosts.get(id);
    if (g != null && g.player) {
      ghosts.remove(id);
    }
  }

  /** Every ghost, players and wanderers, in a stable order. */
  List<SimGhost> ghosts() {
    return Collections.unmodifiableList(new ArrayList<>(ghosts.values()));
  }

  SimGhost ghost(String id) {
    return ghosts.get(id);
  }

  Quest quest() {
    return quest;
  }

  StoryBook story() {
    return story;
  }

  int catches() {
    return catches;
  }

  /** Steer a player's ghost; each component must be a finite number, clamped to [-1, 1]. */
  Optional<InputError> move(String playerId, float dx, float dy) {
    SimGhost g = ghosts.get(playerId);
    if (g == null || !g.player) {
      return notPlaying(playerId);
    }
    if (!Float.isFinite(dx) || !Float.isFinite(dy)) {
      return Optional.of(new InputError(InputError.BAD_INPUT, "move must be finite, was (" + dx + ", " + dy + ")"));
    }
    g.steerX = clamp(dx, -1, 1);
    g.steerY = clamp(dy, -1, 1);
    g.route.clear();
    return Optional.empty();
  }

  /** Give a player's ghost a route: at most {@value #MAX_ROUTE_POINTS} finite points, clamped to the world. */
  Optional<InputError> setRoute(String playerId, List<Point> route) {
    SimGhost g = ghosts.get(playerId);
    if (g == null || !g.player) {
      return notPlaying(playerId);
    }
    if (route.size() > MAX_ROUTE_POINTS) {
      return Optional.of(new InputError(InputError.BAD_INPUT,
          "route may have at most " + MAX_ROUTE_POINTS + " waypoints, had " + route.size()));
    }
    for (Point p : route) {
      if (!Float.isFinite(p.x()) || !Float.isFinite(p.y())) {
        return Optional.of(new InputError(InputError.BAD_INPUT, "waypoint must be finite, was (" + p.x() + ", " + p.y() + ")"));
      }
    }
    g.route.clear();
    route.forEach(p -> g.route.add(new Point(clamp(p.x(), 0, SIZE), clamp(p.y(), 0, SIZE))));
    g.steerX = 0;
    g.steerY = 0;
    return Optional.empty();
  }

  /** Use one item of a player's inventory. */
  Optional<InputError> useItem(String playerId, String itemId) {
    SimGhost g = ghosts.get(playerId);
    if (g == null || !g.player) {
      return notPlaying(playerId);
    }
    Integer count = g.items.get(itemId);
    if (count == null) {
      return Optional.of(new InputError(InputError.UNKNOWN_ITEM,
          "no item \"" + itemId + "\" in the inventory; has " + g.items.keySet()));
    }
    if (count == 1) {
      g.items.remove(itemId);
    } else {
      g.items.put(itemId, count - 1);
    }
    g.boostTicks = BOOST_TICKS;
    itemsUsed++;
    quest.update(catches, itemsUsed);
    return Optional.empty();
  }

  /** Choose an option of the room's current story beat. */
  Optional<InputError> chooseStory(String playerId, String optionId) {
    SimGhost g = ghosts.get(playerId);
    if (g == null || !g.player) {
      return notPlaying(playerId);
    }
    if (story.choose(optionId).isEmpty()) {
      List<String> ids = story.current().options().stream().map(StoryBook.Option::id).toList();
      return Optional.of(new InputError(InputError.UNKNOWN_OPTION,
          "no option \"" + optionId + "\" at story beat \"" + story.current().id() + "\"; options " + ids));
    }
    return Optional.empty();
  }

  /** Advances the world by one tick of {@code dt} seconds. */
  void step(float dt) {
    List<SimGhost> players = ghosts.values().stream().filter(g -> g.player).toList();
    for (SimGhost g : ghosts.values()) {
      if (g.player) {
        stepPlayer(g, dt);
      } else {
        stepWanderer(g, players, dt);
      }
    }
    for (SimGhost p : players) {
      for (SimGhost g : ghosts.values()) {
        if (!g.player && g.state != SimGhost.State.CAUGHT && Math.hypot(g.x - p.x, g.y - p.y) <= CATCH_RADIUS) {
          g.state = SimGhost.State.CAUGHT;
          g.caughtTicks = RESPAWN_TICKS;
          g.speed = 0;
          g.route.clear();
          p.score++;
          p.items.merge(ECTOPLASM, 1, Integer::sum);
          catches++;
        }
      }
    }
    quest.update(catches, itemsUsed);
  }

  private void stepPlayer(SimGhost g, float dt) {
    float speed = PLAYER_SPEED * (g.boostTicks > 0 ? BOOST : 1f);
    g.boostTicks = Math.max(0, g.boostTicks - 1);
    if (g.steering()) {
      float len = (float) Math.hypot(g.steerX, g.steerY);
      moveBy(g, g.steerX / len * speed * dt, g.steerY / len * speed * dt, speed);
    } else if (!g.route.isEmpty()) {
      followRoute(g, speed, dt);
    } else {
      g.speed = 0;
    }
    g.state = SimGhost.State.WANDERING;
    for (SimGhost other : ghosts.values()) {
      if (!other.player && other.state != SimGhost.State.CAUGHT && Math.hypot(other.x - g.x, other.y - g.y) <= FLEE_RADIUS) {
        g.state = SimGhost.State.CHASING;
        break;
      }
    }
  }

  private void stepWanderer(SimGhost g, List<SimGhost> players, float dt) {
    if (g.state == SimGhost.State.CAUGHT) {
      if (--g.caughtTicks <= 0) {
        g.x = rnd();
        g.y = rnd();
        g.state = SimGhost.State.WANDERING;
        extendRoute(g);
      }
      return;
    }
    SimGhost nearest = null;
    double best = FLEE_RADIUS;
    for (SimGhost p : players) {
      double d = Math.hypot(p.x - g.x, p.y - g.y);
      if (d <= best) {
        best = d;
        nearest = p;
      }
    }
    if (nearest != null) {
      g.state = SimGhost.State.FLEEING;
      float ax = g.x - nearest.x;
      float ay = g.y - nearest.y;
      float len = (float) Math.max(1e-3, Math.hypot(ax, ay));
      moveBy(g, ax / len * FLEE_SPEED * dt, ay / len * FLEE_SPEED * dt, FLEE_SPEED);
      g.route.clear();
      extendRoute(g);
    } else {
      g.state = SimGhost.State.WANDERING;
      followRoute(g, WANDER_SPEED, dt);
      extendRoute(g);
    }
  }

  private void followRoute(SimGhost g, float speed, float dt) {
    float budget = speed * dt;
    while (budget > 0 && !g.route.isEmpty()) {
      Point next = g.route.peekFirst();
      float d = next.distanceTo(g.x, g.y);
      if (d <= budget) {
        g.heading = heading(next.x() - g.x, next.y() - g.y, g.heading);
        g.x = next.x();
        g.y = next.y();
        g.route.pollFirst();
        budget -= d;
      } else {
        moveBy(g, (next.x() - g.x) / d * budget, (next.y() - g.y) / d * budget, speed);
        budget = 0;
      }
    }
    g.speed = speed;
  }

  private void moveBy(SimGhost g, float mx, float my, float speed) {
    g.heading = heading(mx, my, g.heading);
    g.x = clamp(g.x + mx, 0, SIZE);
    g.y = clamp(g.y + my, 0, SIZE);
    g.speed = speed;
  }

  private void extendRoute(SimGhost g) {
    while (g.route.size() < 4) {
      g.route.add(new Point(rnd(), rnd()));
    }
  }

  private static float heading(float dx, float dy, float previous) {
    return dx == 0 && dy == 0 ? previous : (float) Math.atan2(dy, dx);
  }

  private static Optional<InputError> notPlaying(String playerId) {
    return Optional.of(new InputError(InputError.NOT_PLAYING, "no player ghost \"" + playerId + "\" in this room"));
  }

  private float rnd() {
    return (float) (random.nextDouble() * SIZE);
  }

  private int color() {
    return random.nextInt(0x1000000);
  }

  private static float clamp(float v, float lo, float hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
