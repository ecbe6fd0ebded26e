package dev.protoshift.convert;

import dev.protoshift.convert.testschema.history.Direction;
import dev.protoshift.convert.testschema.history.Frame;
import dev.protoshift.convert.testschema.history.Snake;
import dev.protoshift.convert.testschema.history.State;
import dev.protoshift.convert.testschema.history.Trail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the derived strips of the snake schema do, written by hand with the generated accessors, as
 * a user without a release history writes them: the benchmark's reference.
 */
final class HandStrips {

  private HandStrips() {}

  /** 1.2.0 added {@code Snake.color} and {@code Direction.WARP}. */
  static final class Added120 extends Strip {
    Added120() {
      super(Set.of(Direction.WARP));
    }

    @Override
    public Frame.Builder downgrade(Frame.Builder frame) {
      if (frame.hasState()) {
        State.Builder state = frame.getStateBuilder();
        state.getSnakesBuilderList().forEach(this::snake);
        snakesByName(state);
        intents(state);
      }
      return frame;
    }

    @Override
    void snake(Snake.Builder snake) {
      snake.clearColor();
      directions(snake);
    }
  }

  /** 1.1.0 added the boost case, motd, marks, Snake.body, Direction.BOOST, Event.teleported, Trail.heat. */
  static final class Added110 extends Strip {
    Added110() {
      super(Set.of(Direction.BOOST, Direction.WARP));
    }

    @Override
    public Frame.Builder downgrade(Frame.Builder frame) {
      if (frame.hasBoost()) {
        throw new IllegalArgumentException("boost was added in 1.1.0");
      }
      frame.clearMotd();
      if (frame.hasState()) {
        State.Builder state = frame.getStateBuilder();
        state.clearMarks();
        state.getSnakesBuilderList().forEach(this::snake);
        snakesByName(state);
        intents(state);
        if (state.hasLastEvent() && state.getLastEvent().hasTeleported()) {
          state.getLastEventBuilder().clearTeleported();
        }
        for (Trail.Builder trail = state.hasTrail() ? state.getTrailBuilder() : null; trail != null;
            trail = trail.hasNext() ? trail.getNextBuilder() : null) {
          trail.clearHeat();
        }
      }
      return frame;
    }

    @Override
    void snake(Snake.Builder snake) {
      snake.clearBody();
      directions(snake);
    }
  }

  private abstract static class Strip implements VersionChange<Frame.Builder> {
    private final Set<Direction> added;

    Strip(Set<Direction> added) {
      this.added = added;
    }

    abstract void snake(Snake.Builder snake);

    void directions(Snake.Builder snake) {
      if (added.contains(snake.getHeading())) {
        snake.clearHeading();
      }
      List<Direction> turns = snake.getTurnsList();
      if (turns.stream().anyMatch(added::contains)) {
        List<Direction> kept = turns.stream().filter(d -> !added.contains(d)).toList();
        snake.clearTurns().addAllTurns(kept);
      }
    }

    void snakesByName(State.Builder state) {
      for (Map.Entry<String, Snake> named : new ArrayList<>(state.getByNameMap().entrySet())) {
        Snake.Builder snake = named.getValue().toBuilder();
        snake(snake);
        state.putByName(named.getKey(), snake.build());
      }
    }

    void intents(State.Builder state) {
      for (Map.Entry<String, Direction> intent : new ArrayList<>(state.getIntentsMap().entrySet())) {
        if (added.contains(intent.getValue())) {
          state.removeIntents(intent.getKey());
        }
      }
    }

    @Override
    public String title() {
      return getClass().getSimpleName();
    }

    @Override
    public String description() {
      return "Written by hand.";
    }

    @Override
    public Frame.Builder upgrade(Frame.Builder frame) {
      return frame;
    }
  }
}
