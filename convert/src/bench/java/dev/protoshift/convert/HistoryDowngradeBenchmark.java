package dev.protoshift.convert;

import dev.protoshift.convert.testschema.history.Direction;
import dev.protoshift.convert.testschema.history.Event;
import dev.protoshift.convert.testschema.history.Frame;
import dev.protoshift.convert.testschema.history.Point;
import dev.protoshift.convert.testschema.history.Snake;
import dev.protoshift.convert.testschema.history.State;
import dev.protoshift.convert.testschema.history.Trail;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One cohort's downgrade of one tick's state (50 snakes) with the snake schema's chain: the steps
 * derived from the release history against the same chain with the strips written by hand
 * ({@link HandStrips}). Every operation copies the state into a builder, downgrades it for the
 * view and builds the message, as a server does once per cohort per tick; {@code copy} is that
 * without the chain. Run: {@code ./mvnw -B -ntp -pl convert -am -Pbench-downgrade -DskipTests verify}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 2)
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
public class HistoryDowngradeBenchmark {

  static final int SNAKES = 50;

  private final VersionChain<Frame.Builder> derived = HistorySchemas.chain();
  private final VersionChain<Frame.Builder> hand = VersionChain.<Frame.Builder>startingAt("1.0.0", "x")
      .release("1.1.0", new HandStrips.Added110(), new BodyJson())
      .release("1.2.0", new HandStrips.Added120())
      .build();
  private Frame state;
  private View derived100;
  private View derived110;
  private View derivedLatest;
  private View hand100;
  private View hand110;

  @Setup
  public void setUp() {
    state = tick(new SplittableRandom(7));
    derived100 = derived.baselineView();
    derived110 = derived.view(dev.protoshift.versioning.ProtocolVersion.parse("1.1.0"), null);
    derivedLatest = derived.latestView();
    hand100 = hand.baselineView();
    hand110 = hand.view(dev.protoshift.versioning.ProtocolVersion.parse("1.1.0"), null);
    if (!derived100()
        .equals(hand100()) || !derived110().equals(hand110())) {
      throw new IllegalStateException("the hand-written strips do not do what the derived ones do");
    }
  }

  /** One tick: 50 snakes with bodies, every direction, colours; a fifth by name; an intent each. */
  static Frame tick(SplittableRandom random) {
    Direction[] directions = {Direction.UP, Direction.DOWN, Direction.LEFT, Direction.RIGHT, Direction.BOOST,
        Direction.WARP};
    State.Builder state = State.newBuilder();
    for (int i = 0; i < SNAKES; i++) {
      Snake.Builder snake = Snake.newBuilder().setId("snake-" + i).setScore(random.nextInt(10_000))
          .setHeading(directions[random.nextInt(directions.length)]).setColor("#" + Integer.toHexString(random.nextInt()));
      for (int p = 4 + random.nextInt(5); p > 0; p--) {
        snake.addBody(Point.newBuilder().setX(random.nextInt(-500, 500)).setY(random.nextInt(-500, 500)));
      }
      for (int t = 0; t < 3; t++) {
        snake.addTurns(directions[random.nextInt(directions.length)]);
      }
      state.addSnakes(snake);
      if (i % 5 == 0) {
        state.putByName(snake.getId(), snake.build());
      }
      state.putIntents(snake.getId(), directions[random.nextInt(directions.length)]);
    }
    for (int m = 0; m < 5; m++) {
      state.putMarks("mark-" + m, Point.newBuilder().setX(m).setY(-m).build());
    }
    Trail.Builder trail = Trail.newBuilder().setStep(1).setHeat(1);
    for (int step = 2; step <= 5; step++) {
      trail = Trail.newBuilder().setStep(step).setHeat(step).setNext(trail);
    }
    state.setLastEvent(Event.newBuilder().setTeleported(Point.newBuilder().setX(3).setY(4))).setTrail(trail);
    return Frame.newBuilder().setTick(1_000).setState(state).setMotd("welcome").build();
  }

  @Benchmark
  public Frame copy() {
    return state.toBuilder().build();
  }

  @Benchmark
  public Frame derived100() {
    return derived.downgrade(state.toBuilder(), derived100).build();
  }

  @Benchmark
  public Frame hand100() {
    return hand.downgrade(state.toBuilder(), hand100).build();
  }

  @Benchmark
  public Frame derived110() {
    return derived.downgrade(state.toBuilder(), derived110).build();
  }

  @Benchmark
  public Frame hand110() {
    return hand.downgrade(state.toBuilder(), hand110).build();
  }

  @Benchmark
  public Frame derivedLatest() {
    return derived.downgrade(state.toBuilder(), derivedLatest).build();
  }
}
