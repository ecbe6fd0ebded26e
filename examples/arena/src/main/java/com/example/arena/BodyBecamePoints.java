package com.example.arena;

import com.example.arena.v1.ArenaMessage;
import com.example.arena.v1.Snake;
import dev.protoshift.convert.VersionChange;
import java.util.stream.Collectors;

// doc:start change
/** 1.1.0: a snake's body travels as points; clients older than 1.1.0 read it as JSON text. */
final class BodyBecamePoints implements VersionChange<ArenaMessage.Builder> {

  @Override
  public String title() {
    return "Bodies travel as points";
  }

  @Override
  public String description() {
    return "`Snake.body` carries the body; before 1.1.0 it was JSON text in `body_json`.";
  }

  // Out, for clients older than 1.1.0: fill body_json from body. Stripping body is the chain's job.
  @Override
  @SuppressWarnings("deprecation")
  public ArenaMessage.Builder downgrade(ArenaMessage.Builder message) {
    if (message.hasState()) {
      for (Snake.Builder snake : message.getStateBuilder().getSnakesBuilderList()) {
        snake.setBodyJson(snake.getBodyList().stream()
            .map(p -> "[" + p.getX() + "," + p.getY() + "]")
            .collect(Collectors.joining(",", "[", "]")));
      }
    }
    return message;
  }

  // In: clients send no snakes, so there is nothing to convert.
  @Override
  public ArenaMessage.Builder upgrade(ArenaMessage.Builder message) {
    return message;
  }
}
// doc:end
