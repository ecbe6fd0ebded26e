package dev.protoshift.reference.game.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberOutput;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.proto.game.Waypoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The route as JSON, as 1.0.0 carried it in {@code route_json} (and legacy JSON in {@code route}):
 * an array of points, nearest first, e.g. {@code [{"x":1.5,"y":-2.0}]}.
 *
 * <p>Floats are written in their shortest form that reads back to the same {@code float}, so a
 * route survives the trip exactly. Reading accepts what a 1.0.0 client may send: integers or
 * decimals for {@code x} and {@code y}, other keys ignored, and the empty string for no route.
 */
public final class RouteJson {

  private RouteJson() {}

  /** The JSON array of {@code waypoints}; {@code []} for none. */
  public static String write(List<Waypoint> waypoints) {
    StringBuilder json = new StringBuilder(2 + waypoints.size() * 24).append('[');
    for (int i = 0; i < waypoints.size(); i++) {
      Waypoint w = waypoints.get(i);
      json.append(i == 0 ? "{\"x\":" : ",{\"x\":").append(NumberOutput.toString(w.getX(), true))
          .append(",\"y\":").append(NumberOutput.toString(w.getY(), true)).append('}');
    }
    return json.append(']').toString();
  }

  /**
   * Parses a route; {@code ""} is no route.
   *
   * @param field the field the text came from, for error messages (e.g. {@code set_route.route_json})
   * @throws DecodeException if the text is not a JSON array of points with finite {@code x} and
   *     {@code y}
   */
  public static List<Waypoint> parse(String text, String field) throws DecodeException {
    if (text.isEmpty()) {
      return List.of();
    }
    try (JsonParser parser = Json.FACTORY.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw DecodeException.invalidField(field, "must be a JSON array of {\"x\":..,\"y\":..} points, was "
            + DecodeException.echo(text));
      }
      List<Waypoint> route = readPoints(parser, field);
      if (parser.nextToken() != null) {
        throw DecodeException.invalidField(field, "has data after the route's closing ]");
      }
      return route;
    } catch (JsonProcessingException e) {
      throw DecodeException.invalidField(field, "is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw DecodeException.invalidField(field, "could not be read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the points of an array whose {@code [} the parser is on, up to and including its
   * {@code ]}.
   *
   * @throws DecodeException naming {@code field} and the point's index if a point is not an
   *     object with numbers {@code x} and {@code y}
   */
  public static List<Waypoint> readPoints(JsonParser parser, String field) throws IOException, DecodeException {
    List<Waypoint> route = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.START_OBJECT) {
        throw DecodeException.invalidField(at(field, route.size()), "must be an object {\"x\":..,\"y\":..}, was " + token);
      }
      route.add(readPoint(parser, field, route.size()));
    }
    return route;
  }

  private static String at(String field, int index) {
    return field + "[" + index + "]";
  }

  private static Waypoint readPoint(JsonParser parser, String field, int index) throws IOException, DecodeException {
    boolean hasX = false;
    boolean hasY = false;
    float x = 0;
    float y = 0;
    String name;
    while ((name = parser.nextFieldName()) != null) {
      JsonToken value = parser.nextToken();
      switch (name) {
        case "x" -> {
          x = finite(parser, value, field, index, "x");
          hasX = true;
        }
        case "y" -> {
          y = finite(parser, value, field, index, "y");
          hasY = true;
        }
        default -> parser.skipChildren();
      }
    }
    if (!hasX || !hasY) {
      throw DecodeException.invalidField(at(field, index), "must have both \"x\" and \"y\"");
    }
    return Waypoint.newBuilder().setX(x).setY(y).build();
  }

  private static float finite(JsonParser parser, JsonToken token, String field, int index, String axis)
      throws IOException, DecodeException {
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw DecodeException.invalidField(at(field, index) + "." + axis, "must be a number, was " + token);
    }
    float value = parser.getFloatValue();
    if (!Float.isFinite(value)) {
      throw DecodeException.invalidField(at(field, index) + "." + axis, "must be a finite float, was "
          + DecodeException.echo(parser.getText()));
    }
    return value;
  }
}
