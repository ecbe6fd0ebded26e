package dev.protoshift.reference.game.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.proto.game.ChooseStory;
import dev.protoshift.proto.game.Move;
import dev.protoshift.proto.game.PlayerInput;
import dev.protoshift.proto.game.ServerError;
import dev.protoshift.proto.game.SetRoute;
import dev.protoshift.proto.game.UseItem;
import dev.protoshift.proto.game.WsEnvelope;
import java.io.IOException;

/**
 * Reads one legacy JSON message (docs/protocol.md) into the newest schema's envelope, in the
 * shape the sender's view gave it; the version chain then upgrades it.
 *
 * <p>The {@code type} key may come anywhere in the object (it is read first without buffering
 * when it comes first, as protoshift writes it). Keys this version does not know are ignored,
 * as protobuf ignores unknown fields; duplicate keys, wrong JSON types, numbers out of their
 * field's range and trailing data are errors.
 */
public final class LegacyJsonReader {

  private static final ObjectMapper TREES = JsonMapper.builder(Json.FACTORY)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // exact: floats are read from text once
      .build();

  private LegacyJsonReader() {}

  /**
   * Reads a message from UTF-8 bytes.
   *
   * @throws DecodeException if the bytes are not one JSON object of a known type with valid fields
   */
  public static WsEnvelope.Builder read(byte[] utf8) throws DecodeException {
    try (JsonParser parser = Json.FACTORY.createParser(utf8)) {
      return read(parser);
    } catch (JsonProcessingException e) {
      throw DecodeException.malformed("not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw DecodeException.malformed("could not read JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a message from text.
   *
   * @throws DecodeException if the text is not one JSON object of a known type with valid fields
   */
  public static WsEnvelope.Builder read(String text) throws DecodeException {
    try (JsonParser parser = Json.FACTORY.createParser(text)) {
      return read(parser);
    } catch (JsonProcessingException e) {
      throw DecodeException.malformed("not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw DecodeException.malformed("could not read JSON: " + e.getMessage(), e);
    }
  }

  private static WsEnvelope.Builder read(JsonParser parser) throws IOException, DecodeException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw DecodeException.malformed("empty frame: expected a JSON object", null);
    }
    if (first != JsonToken.START_OBJECT) {
      throw DecodeException.malformed("expected a JSON object, was " + first, null);
    }
    String name = parser.nextFieldName();
    WsEnvelope.Builder envelope;
    if ("type".equals(name)) {
      envelope = readBody(JsonFields.string(parser, parser.nextToken(), null, "type"), parser);
    } else {
      envelope = readBuffered(name, parser);
    }
    if (parser.nextToken() != null) {
      throw DecodeException.malformed("data after the JSON object", null);
    }
    return envelope;
  }

  /**
   * The slow path for objects whose {@code type} is not the first key: buffer the object (floats
   * as exact decimals), write it again with {@code type} first and read that.
   */
  private static WsEnvelope.Builder readBuffered(String firstName, JsonParser parser) throws IOException, DecodeException {
    ObjectNode object = TREES.createObjectNode();
    for (String name = firstName; name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      object.set(name, TREES.readTree(parser));
    }
    JsonNode type = object.get("type");
    if (type == null) {
      throw DecodeException.unexpected("JSON message has no \"type\"");
    }
    if (!type.isTextual()) {
      throw DecodeException.invalidField("type", "must be a string, was " + type.getNodeType());
    }
    ObjectNode typeFirst = TREES.createObjectNode();
    typeFirst.set("type", type);
    typeFirst.setAll(object);
    try (JsonParser reordered = Json.FACTORY.createParser(TREES.writeValueAsBytes(typeFirst))) {
      reordered.nextToken();
      reordered.nextFieldName();
      return readBody(JsonFields.string(reordered, reordered.nextToken(), null, "type"), reordered);
    }
  }

  /** Reads the remaining fields of the message object, up to its closing brace. */
  private static WsEnvelope.Builder readBody(String type, JsonParser p) throws IOException, DecodeException {
    WsEnvelope.Builder envelope = WsEnvelope.newBuilder();
    switch (type) {
      case "state" -> envelope.setStateUpdate(LegacyStateReader.readState(p));
      case "error" -> envelope.setError(readError(p));
      case "move", "set_route", "use_item", "choose_story" -> envelope.setPlayerInput(readInput(type, p));
      default -> throw DecodeException.unexpected("unknown message type " + DecodeException.echo(type)
          + "; expected state, error, move, set_route, use_item or choose_story");
    }
    return envelope;
  }

  private static ServerError readError(JsonParser p) throws IOException, DecodeException {
    ServerError.Builder error = ServerError.newBuilder();
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      switch (name) {
        case "code" -> error.setCode(JsonFields.string(p, value, null, "code"));
        case "message" -> error.setMessage(JsonFields.string(p, value, null, "message"));
        default -> p.skipChildren();
      }
    }
    return error.build();
  }

  @SuppressWarnings("deprecation") // set_route.route_json carries a 1.0.0 client's route
  private static PlayerInput readInput(String type, JsonParser p) throws IOException, DecodeException {
    PlayerInput.Builder input = PlayerInput.newBuilder();
    Move.Builder move = Move.newBuilder();
    SetRoute.Builder setRoute = SetRoute.newBuilder();
    UseItem.Builder useItem = UseItem.newBuilder();
    ChooseStory.Builder chooseStory = ChooseStory.newBuilder();
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      switch (type + "." + name) {
        case "move.client_seq", "set_route.client_seq", "use_item.client_seq", "choose_story.client_seq" ->
            input.setClientSeq(JsonFields.uint64(p, value, null, "client_seq"));
        case "move.dx" -> move.setDx(JsonFields.float32(p, value, null, "dx"));
        case "move.dy" -> move.setDy(JsonFields.float32(p, value, null, "dy"));
        case "set_route.route" -> setRoute.setRouteJson(RouteJson.write(JsonFields.points(p, value, null, "route")));
        case "set_route.waypoints" -> setRoute.addAllWaypoints(JsonFields.points(p, value, null, "waypoints"));
        case "use_item.item_id" -> useItem.setItemId(JsonFields.string(p, value, null, "item_id"));
        case "choose_story.option_id" -> chooseStory.setOptionId(JsonFields.string(p, value, null, "option_id"));
        default -> p.skipChildren();
      }
    }
    switch (type) {
      case "move" -> input.setMove(move);
      case "set_route" -> input.setSetRoute(setRoute);
      case "use_item" -> input.setUseItem(useItem);
      default -> input.setChooseStory(chooseStory);
    }
    return input.build();
  }
}
