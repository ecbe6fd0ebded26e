package dev.protoshift.reference.game.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.protoshift.proto.game.Dag;
import dev.protoshift.proto.game.DagNode;
import dev.protoshift.proto.game.Ghost;
import dev.protoshift.proto.game.GhostState;
import dev.protoshift.proto.game.Item;
import dev.protoshift.proto.game.PlayerInput;
import dev.protoshift.proto.game.ServerError;
import dev.protoshift.proto.game.StateUpdate;
import dev.protoshift.proto.game.Story;
import dev.protoshift.proto.game.StoryOption;
import dev.protoshift.proto.game.Waypoint;
import dev.protoshift.proto.game.WsEnvelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Writes the reference game's protobuf messages in the legacy JSON encoding (docs/protocol.md,
 * pinned by the golden files). The mapping is structural: whatever view a message was converted
 * to, the JSON carries exactly the fields the message has, so the version chain decides the
 * content of both encodings.
 *
 * <p>Every 1.0.0 field of a ghost is always written, zero or not: legacy clients read them
 * without checks. {@code route_json} is written inline as {@code route} (its text is the legacy
 * route array); without it, the ghost's {@code waypoints} are written.
 */
public final class LegacyJsonWriter {

  private static final String[] STATE_NAMES = {"unspecified", "wandering", "chasing", "fleeing", "caught"};

  private LegacyJsonWriter() {}

  /** The JSON name of a ghost state: its proto name without prefix, lower case, e.g. {@code chasing}. */
  public static String stateName(GhostState state) {
    int number = state == GhostState.UNRECOGNIZED ? 0 : state.getNumber();
    return number < STATE_NAMES.length ? STATE_NAMES[number] : STATE_NAMES[0];
  }

  /** The state name's ghost state; names this version does not know read as unspecified. */
  public static GhostState state(String name) {
    int number = Arrays.asList(STATE_NAMES).indexOf(name);
    return number < 0 ? GhostState.GHOST_STATE_UNSPECIFIED : GhostState.forNumber(number);
  }

  /** The whole envelope as one JSON object. */
  public static byte[] encode(WsEnvelope envelope) {
    Json.Buffer out = new Json.Buffer(256 + (envelope.hasStateUpdate() ? envelope.getStateUpdate().getGhostsCount() * 384 : 0));
    try (JsonGenerator g = Json.generator(out)) {
      switch (envelope.getPayloadCase()) {
        case STATE_UPDATE -> writeState(g, envelope.getStateUpdate());
        case PLAYER_INPUT -> writeInput(g, envelope.getPlayerInput());
        case ERROR -> writeError(g, envelope.getError());
        case PAYLOAD_NOT_SET -> throw new IllegalArgumentException("an envelope without payload has no JSON form");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON to memory", e);
    }
    return out.toByteArray();
  }

  /** {@code {"type":"state","now":..,"tick":..[,"me":{..}],"ghosts":[..][,"dag":{..}][,"story":{..}]}}. */
  public static void writeState(JsonGenerator g, StateUpdate state) throws IOException {
    writeStateHead(g, state);
    if (state.hasMe()) {
      g.writeFieldName("me");
      writeGhost(g, state.getMe());
    }
    g.writeFieldName("ghosts");
    g.writeStartArray();
    for (Ghost ghost : state.getGhostsList()) {
      writeGhost(g, ghost);
    }
    g.writeEndArray();
    writeStateTail(g, state);
  }

  /** Opens the state object and writes {@code type}, {@code now} and {@code tick}. */
  public static void writeStateHead(JsonGenerator g, StateUpdate state) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "state");
    g.writeNumberField("now", state.getNow());
    g.writeNumberField("tick", state.getTick());
  }

  /** Writes what follows the ghosts ({@code dag}, {@code story}) and closes the state object. */
  public static void writeStateTail(JsonGenerator g, StateUpdate state) throws IOException {
    if (state.hasDag()) {
      g.writeFieldName("dag");
      writeDag(g, state.getDag());
    }
    if (state.hasStory()) {
      g.writeFieldName("story");
      writeStory(g, state.getStory());
    }
    g.writeEndObject();
  }

  @SuppressWarnings("deprecation") // route_json is what 1.0.0 clients read
  public static void writeGhost(JsonGenerator g, Ghost ghost) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", ghost.getId());
    g.writeStringField("name", ghost.getName());
    g.writeNumberField("x", ghost.getX());
    g.writeNumberField("y", ghost.getY());
    g.writeNumberField("heading", ghost.getHeading());
    g.writeNumberField("speed", ghost.getSpeed());
    g.writeStringField("state", stateName(ghost.getState()));
    g.writeNumberField("color", Integer.toUnsignedLong(ghost.getColor()));
    g.writeNumberField("score", ghost.getScore());
    if (!ghost.getRouteJson().isEmpty()) {
      g.writeFieldName("route");
      g.writeRawValue(ghost.getRouteJson());
    } else {
      g.writeFieldName("waypoints");
      writePoints(g, ghost.getWaypointsList());
    }
    if (ghost.hasInventory()) {
      g.writeFieldName("inventory");
      g.writeStartObject();
      g.writeFieldName("items");
      g.writeStartArray();
      for (Item item : ghost.getInventory().getItemsList()) {
        g.writeStartObject();
        g.writeStringField("id", item.getId());
        g.writeStringField("kind", item.getKind());
        g.writeNumberField("count", Integer.toUnsignedLong(item.getCount()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void writePoints(JsonGenerator g, Iterable<Waypoint> points) throws IOException {
    g.writeStartArray();
    for (Waypoint point : points) {
      g.writeStartObject();
      g.writeNumberField("x", point.getX());
      g.writeNumberField("y", point.getY());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeDag(JsonGenerator g, Dag dag) throws IOException {
    g.writeStartObject();
    g.writeFieldName("nodes");
    g.writeStartArray();
    for (DagNode node : dag.getNodesList()) {
      g.writeStartObject();
      g.writeStringField("id", node.getId());
      g.writeStringField("title", node.getTitle());
      g.writeFieldName("next_ids");
      g.writeStartArray();
      for (String next : node.getNextIdsList()) {
        g.writeString(next);
      }
      g.writeEndArray();
      g.writeBooleanField("unlocked", node.getUnlocked());
      g.writeBooleanField("completed", node.getCompleted());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("current_node_id", dag.getCurrentNodeId());
    g.writeEndObject();
  }

  private static void writeStory(JsonGenerator g, Story story) throws IOException {
    g.writeStartObject();
    g.writeStringField("chapter_id", story.getChapterId());
    g.writeStringField("beat_id", story.getBeatId());
    g.writeStringField("text", story.getText());
    g.writeFieldName("options");
    g.writeStartArray();
    for (StoryOption option : story.getOptionsList()) {
      g.writeStartObject();
      g.writeStringField("id", option.getId());
      g.writeStringField("label", option.getLabel());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** {@code {"type":"error","code":..,"message":..}}. */
  public static void writeError(JsonGenerator g, ServerError error) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "error");
    g.writeStringField("code", error.getCode());
    g.writeStringField("message", error.getMessage());
    g.writeEndObject();
  }

  /** {@code {"type":"<action>","client_seq":..,<the action's fields>}}. */
  @SuppressWarnings("deprecation") // set_route.route_json is what 1.0.0 clients send
  public static void writeInput(JsonGenerator g, PlayerInput input) throws IOException {
    g.writeStartObject();
    switch (input.getActionCase()) {
      case MOVE -> {
        g.writeStringField("type", "move");
        g.writeNumberField("client_seq", input.getClientSeq());
        g.writeNumberField("dx", input.getMove().getDx());
        g.writeNumberField("dy", input.getMove().getDy());
      }
      case SET_ROUTE -> {
        g.writeStringField("type", "set_route");
        g.writeNumberField("client_seq", input.getClientSeq());
        if (!input.getSetRoute().getRouteJson().isEmpty()) {
          g.writeFieldName("route");
          g.writeRawValue(input.getSetRoute().getRouteJson());
        } else {
          g.writeFieldName("waypoints");
          writePoints(g, input.getSetRoute().getWaypointsList());
        }
      }
      case USE_ITEM -> {
        g.writeStringField("type", "use_item");
        g.writeNumberField("client_seq", input.getClientSeq());
        g.writeStringField("item_id", input.getUseItem().getItemId());
      }
      case CHOOSE_STORY -> {
        g.writeStringField("type", "choose_story");
        g.writeNumberField("client_seq", input.getClientSeq());
        g.writeStringField("option_id", input.getChooseStory().getOptionId());
      }
      case ACTION_NOT_SET -> throw new IllegalArgumentException("a player input without action has no JSON form");
    }
    g.writeEndObject();
  }
}
