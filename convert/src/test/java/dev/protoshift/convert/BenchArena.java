package dev.protoshift.convert;

import dev.protoshift.convert.testschema.json.Arena;
import dev.protoshift.convert.testschema.json.Direction;
import dev.protoshift.convert.testschema.json.Food;
import dev.protoshift.convert.testschema.json.Point;
import dev.protoshift.convert.testschema.json.Snake;
import java.util.Random;

/**
 * The benchmark's game state: an arena of snakes as a server sends it every tick, the same for a
 * given size (fixed seed). Each snake has an id, a name, 5 to 15 body points, a heading, a speed,
 * a length, a boost deadline and, for a third of them, a team; the arena has 20 food items and a
 * score per snake.
 */
final class BenchArena {

  private static final String[] NAMES = {"Ada", "Grace", "Linus", "Ken", "Barbara", "Édith", "Zoë", "Søren"};

  private BenchArena() {}

  static Arena arena(int snakes) {
    Random random = new Random(20261129L + snakes);
    Arena.Builder arena = Arena.newBuilder().setTick(1_234_567).setServerTimeMs(1_795_000_000_000L)
        .setYou("snake-0").setWorldRadius(480.5);
    for (int i = 0; i < snakes; i++) {
      String name = NAMES[random.nextInt(NAMES.length)] + " " + i;
      Snake.Builder snake = Snake.newBuilder().setId("snake-" + i).setName(name)
          .setHeading(Direction.forNumber(1 + random.nextInt(4))).setSpeed(1 + random.nextFloat() * 3)
          .setAlive(random.nextInt(10) > 0).setBoostUntilMs(1_795_000_000_000L + random.nextInt(5000));
      int x = random.nextInt(1000) - 500;
      int y = random.nextInt(1000) - 500;
      int length = 5 + random.nextInt(11);
      for (int j = 0; j < length; j++) {
        snake.addBody(Point.newBuilder().setX(x + j).setY(y));
      }
      snake.setLength(length);
      if (i % 3 == 0) {
        snake.setTeam(i % 2 == 0 ? "red" : "blue");
      }
      arena.addSnakes(snake).putScores(name, random.nextInt(500));
    }
    for (int i = 0; i < 20; i++) {
      arena.addFood(Food.newBuilder().setAt(Point.newBuilder().setX(random.nextInt(1000) - 500)
          .setY(random.nextInt(1000) - 500)).setValue(1 + random.nextInt(5)));
    }
    return arena.build();
  }
}
