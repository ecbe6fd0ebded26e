package com.example.arena;

import com.example.arena.v1.Direction;
import com.example.arena.v1.Point;
import com.example.arena.v1.Snake;
import com.example.arena.v1.State;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The game itself, a toy that knows nothing of protoshift: each snake moves one cell per tick the
 * way it heads, three cells long. Players join, leave and turn from the transport's threads; the
 * tick thread steps the board. Thread-safe.
 */
final class Board {

  private static final int LENGTH = 3;

  private static final class Body {
    final Deque<Point> cells = new ArrayDeque<>();
    volatile Direction heading = Direction.RIGHT;
  }

  private final Map<String, Body> snakes = new ConcurrentSkipListMap<>();

  /** A new snake, heading right from (0, row). */
  void add(String id) {
    Body body = new Body();
    body.cells.add(Point.newBuilder().setX(0).setY(snakes.size()).build());
    snakes.put(id, body);
  }

  void remove(String id) {
    snakes.remove(id);
  }

  /** The snake turns at the next tick; an unknown id or an unspecified direction changes nothing. */
  void turn(String id, Direction direction) {
    Body body = snakes.get(id);
    if (body != null && direction != Direction.DIRECTION_UNSPECIFIED && direction != Direction.UNRECOGNIZED) {
      body.heading = direction;
    }
  }

  /** Moves every snake one cell; the state of {@code tick}. Called by one thread at a time. */
  State step(long tick) {
    State.Builder state = State.newBuilder().setTick(tick);
    snakes.forEach((id, body) -> {
      synchronized (body) {
        Point head = body.cells.peekFirst();
        body.cells.addFirst(move(head, body.heading));
        while (body.cells.size() > LENGTH) {
          body.cells.removeLast();
        }
        state.addSnakes(Snake.newBuilder().setId(id).setScore(body.cells.size()).addAllBody(body.cells));
      }
    });
    return state.build();
  }

  private static Point move(Point p, Direction d) {
    return switch (d) {
      case UP -> p.toBuilder().setY(p.getY() - 1).build();
      case DOWN -> p.toBuilder().setY(p.getY() + 1).build();
      case LEFT -> p.toBuilder().setX(p.getX() - 1).build();
      default -> p.toBuilder().setX(p.getX() + 1).build();
    };
  }
}
