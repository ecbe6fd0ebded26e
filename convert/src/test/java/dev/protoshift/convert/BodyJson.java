package dev.protoshift.convert;

import dev.protoshift.convert.testschema.history.Frame;
import dev.protoshift.convert.testschema.history.Point;
import dev.protoshift.convert.testschema.history.Snake;
import dev.protoshift.convert.testschema.history.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 1.1.0 of the snake schema: the body travels as points; before, as JSON text in {@code body_json}.
 * The change a user writes for meaning: down, it fills {@code body_json} from {@code body} (the
 * derived strip then removes {@code body}); up, it parses {@code body_json} into {@code body}.
 */
@SuppressWarnings("deprecation") // body_json is the point of this change
final class BodyJson implements VersionChange<Frame.Builder> {

  private static final Pattern POINT = Pattern.compile("\\{\"x\":(-?\\d+),\"y\":(-?\\d+)}");

  @Override
  public String title() {
    return "Bodies travel as points";
  }

  @Override
  public String description() {
    return "`Snake.body` carries the body as points; before 1.1.0 it was JSON text in `body_json`.";
  }

  @Override
  public Frame.Builder downgrade(Frame.Builder frame) {
    if (!frame.hasState()) {
      return frame;
    }
    State.Builder state = frame.getStateBuilder();
    for (Snake.Builder snake : state.getSnakesBuilderList()) {
      snake.setBodyJson(write(snake.getBodyList()));
    }
    for (Map.Entry<String, Snake> named : new ArrayList<>(state.getByNameMap().entrySet())) {
      state.putByName(named.getKey(), named.getValue().toBuilder().setBodyJson(write(named.getValue().getBodyList())).build());
    }
    return frame;
  }

  @Override
  public Frame.Builder upgrade(Frame.Builder frame) throws DecodeException {
    if (!frame.hasState()) {
      return frame;
    }
    List<Snake.Builder> snakes = frame.getStateBuilder().getSnakesBuilderList();
    for (int i = 0; i < snakes.size(); i++) {
      Snake.Builder snake = snakes.get(i);
      snake.addAllBody(parse(snake.getBodyJson(), "state.snakes[" + i + "].body_json")).clearBodyJson();
    }
    return frame;
  }

  static String write(List<Point> body) {
    StringBuilder json = new StringBuilder("[");
    for (Point p : body) {
      json.append(json.length() > 1 ? "," : "").append("{\"x\":").append(p.getX()).append(",\"y\":").append(p.getY()).append('}');
    }
    return json.append(']').toString();
  }

  static List<Point> parse(String json, String field) throws DecodeException {
    List<Point> points = new ArrayList<>();
    if (json.isEmpty()) {
      return points;
    }
    if (!json.startsWith("[") || !json.endsWith("]")) {
      throw DecodeException.invalidField(field, "expected a JSON array, was " + DecodeException.echo(json));
    }
    String inner = json.substring(1, json.length() - 1);
    Matcher m = POINT.matcher(inner);
    for (int at = 0; at < inner.length(); at = m.end() + 1) {
      if (!m.region(at, inner.length()).lookingAt() || (m.end() < inner.length() && inner.charAt(m.end()) != ',')) {
        throw DecodeException.invalidField(field, "expected points like {\"x\":1,\"y\":2}, was " + DecodeException.echo(json));
      }
      points.add(Point.newBuilder().setX(Integer.parseInt(m.group(1))).setY(Integer.parseInt(m.group(2))).build());
    }
    return points;
  }
}
