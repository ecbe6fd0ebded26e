package dev.protoshift.reference.game.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.proto.game.Dag;
import dev.protoshift.proto.game.DagNode;
import dev.protoshift.proto.game.Ghost;
import dev.protoshift.proto.game.Inventory;
import dev.protoshift.proto.game.Item;
import dev.protoshift.proto.game.StateUpdate;
import dev.protoshift.proto.game.Story;
import dev.protoshift.proto.game.StoryOption;
import java.io.IOException;

/** Reads the fields of a legacy JSON {@code state} message (the client side of the protocol). */
final class LegacyStateReader {

  private LegacyStateReader() {}

  /** Reads the remaining fields of a state object, up to its closing brace. */
  static StateUpdate readState(JsonParser p) throws IOException, DecodeException {
    StateUpdate.Builder state = StateUpdate.newBuilder();
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      switch (name) {
        case "now" -> state.setNow(JsonFields.int64(p, value, null, "now"));
        case "tick" -> state.setTick(JsonFields.uint64(p, value, null, "tick"));
        case "me" -> {
          JsonFields.requireObject(value, null, "me");
          state.setMe(readGhost(p, "me", -1));
        }
        case "ghosts" -> {
          JsonFields.requireArray(value, null, "ghosts");
          JsonToken element;
          while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
            int index = state.getGhostsCount();
            JsonFields.requireObject(element, null, "ghosts[" + index + "]");
            state.addGhosts(readGhost(p, "ghosts", index));
          }
        }
        case "dag" -> {
          JsonFields.requireObject(value, null, "dag");
          state.setDag(readDag(p));
        }
        case "story" -> {
          JsonFields.requireObject(value, null, "story");
          state.setStory(readStory(p));
        }
        default -> p.skipChildren();
      }
    }
    return state.build();
  }

  @SuppressWarnings("deprecation") // route_json carries a 1.0.0 view's route
  private static Ghost readGhost(JsonParser p, String container, int index) throws IOException, DecodeException {
    Ghost.Builder ghost = Ghost.newBuilder();
    String where = index < 0 ? container : container + "[" + index + "]";
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      switch (name) {
        case "id" -> ghost.setId(JsonFields.string(p, value, where, name));
        case "name" -> ghost.setName(JsonFields.string(p, value, where, name));
        case "x" -> ghost.setX(JsonFields.float32(p, value, where, name));
        case "y" -> ghost.setY(JsonFields.float32(p, value, where, name));
        case "heading" -> ghost.setHeading(JsonFields.float32(p, value, where, name));
        case "speed" -> ghost.setSpeed(JsonFields.float32(p, value, where, name));
        case "state" -> ghost.setState(LegacyJsonWriter.state(JsonFields.string(p, value, where, name)));
        case "color" -> ghost.setColor(JsonFields.uint32(p, value, where, name));
        case "score" -> ghost.setScore(JsonFields.int32(p, value, where, name));
        case "route" -> ghost.setRouteJson(RouteJson.write(JsonFields.points(p, value, where, name)));
        case "waypoints" -> ghost.addAllWaypoints(JsonFields.points(p, value, where, name));
        case "inventory" -> {
          JsonFields.requireObject(value, where, name);
          ghost.setInventory(readInventory(p, where + ".inventory"));
        }
        default -> p.skipChildren();
      }
    }
    return ghost.build();
  }

  private static Inventory readInventory(JsonParser p, String path) throws IOException, DecodeException {
    Inventory.Builder inventory = Inventory.newBuilder();
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      if (!name.equals("items")) {
        p.skipChildren();
        continue;
      }
      JsonFields.requireArray(value, path, "items");
      JsonToken element;
      while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
        String itemPath = path + ".items[" + inventory.getItemsCount() + "]";
        JsonFields.requireObject(element, itemPath, null);
        Item.Builder item = Item.newBuilder();
        String field;
        while ((field = p.nextFieldName()) != null) {
          JsonToken v = p.nextToken();
          switch (field) {
            case "id" -> item.setId(JsonFields.string(p, v, itemPath, "id"));
            case "kind" -> item.setKind(JsonFields.string(p, v, itemPath, "kind"));
            case "count" -> item.setCount(JsonFields.uint32(p, v, itemPath, "count"));
            default -> p.skipChildren();
          }
        }
        inventory.addItems(item);
      }
    }
    return inventory.build();
  }

  private static Dag readDag(JsonParser p) throws IOException, DecodeException {
    Dag.Builder dag = Dag.newBuilder();
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      switch (name) {
        case "current_node_id" -> dag.setCurrentNodeId(JsonFields.string(p, value, null, "dag.current_node_id"));
        case "nodes" -> {
          JsonFields.requireArray(value, null, "dag.nodes");
          JsonToken element;
          while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
            String nodePath = "dag.nodes[" + dag.getNodesCount() + "]";
            JsonFields.requireObject(element, nodePath, null);
            dag.addNodes(readDagNode(p, nodePath));
          }
        }
        default -> p.skipChildren();
      }
    }
    return dag.build();
  }

  private static DagNode readDagNode(JsonParser p, String path) throws IOException, DecodeException {
    DagNode.Builder node = DagNode.newBuilder();
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      switch (name) {
        case "id" -> node.setId(JsonFields.string(p, value, path, "id"));
        case "title" -> node.setTitle(JsonFields.string(p, value, path, "title"));
        case "unlocked" -> node.setUnlocked(JsonFields.bool(value, path, "unlocked"));
        case "completed" -> node.setCompleted(JsonFields.bool(value, path, "completed"));
        case "next_ids" -> {
          JsonFields.requireArray(value, path, "next_ids");
          JsonToken element;
          while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
            node.addNextIds(JsonFields.string(p, element, path, "next_ids[" + node.getNextIdsCount() + "]"));
          }
        }
        default -> p.skipChildren();
      }
    }
    return node.build();
  }

  private static Story readStory(JsonParser p) throws IOException, DecodeException {
    Story.Builder story = Story.newBuilder();
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      switch (name) {
        case "chapter_id" -> story.setChapterId(JsonFields.string(p, value, null, "story.chapter_id"));
        case "beat_id" -> story.setBeatId(JsonFields.string(p, value, null, "story.beat_id"));
        case "text" -> story.setText(JsonFields.string(p, value, null, "story.text"));
        case "options" -> {
          JsonFields.requireArray(value, null, "story.options");
          JsonToken element;
          while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
            String optionPath = "story.options[" + story.getOptionsCount() + "]";
            JsonFields.requireObject(element, optionPath, null);
            StoryOption.Builder option = StoryOption.newBuilder();
            String field;
            while ((field = p.nextFieldName()) != null) {
              JsonToken v = p.nextToken();
              switch (field) {
                case "id" -> option.setId(JsonFields.string(p, v, optionPath, "id"));
                case "label" -> option.setLabel(JsonFields.string(p, v, optionPath, "label"));
                default -> p.skipChildren();
              }
            }
            story.addOptions(option);
          }
        }
        default -> p.skipChildren();
      }
    }
    return story.build();
  }
}
