package dev.protoshift.convert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import dev.protoshift.convert.testschema.json.Point;
import dev.protoshift.convert.testschema.json.PointOrBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The example of docs/json.md ("A hand-written codec"): a legacy client's points are two-element
 * arrays, {@code [3,4]}, not ProtoJson's {@code {"x":3,"y":4}}. Thread-safe (a JsonFactory is).
 */
final class LegacyPointCodec implements JsonCodec {

  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public byte[] write(MessageOrBuilder message) {
    if (!(message instanceof PointOrBuilder point)) {
      throw new IllegalArgumentException("LegacyPointCodec writes only Point, not "
          + message.getDescriptorForType().getFullName());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(16);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartArray();
      g.writeNumber(point.getX());
      g.writeNumber(point.getY());
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // memory cannot fail
    }
    return out.toByteArray();
  }

  @Override
  public void read(byte[] utf8, Message.Builder builder) throws DecodeException {
    if (!(builder instanceof Point.Builder point)) {
      throw DecodeException.unexpected("LegacyPointCodec reads only Point, not "
          + builder.getDescriptorForType().getFullName());
    }
    try (JsonParser p = FACTORY.createParser(utf8)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw DecodeException.malformed("expected a point [x, y]", null);
      }
      int x = coordinate(p, 0);
      int y = coordinate(p, 1);
      if (p.nextToken() != JsonToken.END_ARRAY || p.nextToken() != null) {
        throw DecodeException.malformed("expected a point [x, y] and nothing after it", null);
      }
      point.setX(x).setY(y); // only once everything is read: a refused frame changes nothing
    } catch (JsonProcessingException e) {
      throw DecodeException.malformed("not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw DecodeException.malformed("not JSON", e);
    }
  }

  private static int coordinate(JsonParser p, int index) throws IOException, DecodeException {
    if (p.nextToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
      throw DecodeException.invalidField("[" + index + "]", "expected an int32, was "
          + (p.currentToken() == JsonToken.VALUE_STRING ? DecodeException.echo(p.getText()) : p.currentToken()));
    }
    return p.getIntValue();
  }
}
