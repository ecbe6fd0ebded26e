package dev.protoshift.reference.game;

import dev.protoshift.convert.DecodeException;
import dev.protoshift.proto.game.Inventory;
import dev.protoshift.proto.game.StateUpdate;
import dev.protoshift.proto.game.WsEnvelope;
import java.util.ArrayList;
import java.util.List;

/**
 * The domain records to the newest schema's messages and back. Outgoing messages are built as
 * nested builders, so the version chain edits them in place before the one {@code build()}.
 * Incoming messages are checked field by field: a bad value is a {@link DecodeException} with
 * the field's path, never another exception.
 */
final class ProtoMapper {

  private static final Ghost.State[] STATES = Ghost.State.values();

  private ProtoMapper() {}

  /**
   * The room's state as one envelope: with {@code recipient == null} every ghost is in
   * {@code ghosts} and there is no {@code me}; otherwise {@code me} is the recipient's ghost and
   * {@code ghosts} the others.
   */
  static WsEnvelope.Builder state(RoomState room, String recipient) {
    return state(room, recipient, WsEnvelope.newBuilder());
  }

  /** Like {@link #state(RoomState, String)}, filling {@code envelope} (cleared first). */
  static WsEnvelope.Builder state(RoomState room, String recipient, WsEnvelope.Builder envelope) {
    envelope.clear();
    StateUpdate.Builder state = envelope.getStateUpdateBuilder().setNow(room.now()).setTick(room.tick());
    for (Ghost ghost : room.ghosts()) {
      if (ghost.id().equals(recipient)) {
        ghost(ghost, state.getMeBuilder());
      } else {
        ghost(ghost, state.addGhostsBuilder());
      }
    }
    if (recipient != null && !state.hasMe()) {
      throw new IllegalArgumentException(ServerMessage.unknownRecipient(recipient, room.tick()));
    }
    if (room.dag() != null) {
      dev.protoshift.proto.game.Dag.Builder dag = state.getDagBuilder().setCurrentNodeId(room.dag().currentNodeId());
      for (DagNode node : room.dag().nodes()) {
        dag.addNodesBuilder().setId(node.id()).setTitle(node.title()).addAllNextIds(node.nextIds())
            .setUnlocked(node.unlocked()).setCompleted(node.completed());
      }
    }
    if (room.story() != null) {
      Story story = room.story();
      dev.protoshift.proto.game.Story.Builder out = state.getStoryBuilder()
          .setChapterId(story.chapterId()).setBeatId(story.beatId()).setText(story.text());
      for (StoryOption option : story.options()) {
        out.addOptionsBuilder().setId(option.id()).setLabel(option.label());
      }
    }
    return envelope;
  }

  static void ghost(Ghost ghost, dev.protoshift.proto.game.Ghost.Builder out) {
    out.setId(ghost.id()).setName(ghost.name()).setX(ghost.x()).setY(ghost.y())
        .setHeading(ghost.heading()).setSpeed(ghost.speed()).setStateValue(ghost.state().ordinal())
        .setColor(ghost.color()).setScore(ghost.score());
    for (Waypoint point : ghost.waypoints()) {
      out.addWaypoints(dev.protoshift.proto.game.Waypoint.newBuilder().setX(point.x()).setY(point.y()).build());
    }
    if (!ghost.inventory().isEmpty()) {
      Inventory.Builder inventory = out.getInventoryBuilder();
      for (Item item : ghost.inventory()) {
        inventory.addItemsBuilder().setId(item.id()).setKind(item.kind()).setCount(item.count());
      }
    }
  }

  static WsEnvelope.Builder error(ServerMessage.Error error) {
    WsEnvelope.Builder envelope = WsEnvelope.newBuilder();
    envelope.getErrorBuilder().setCode(error.code()).setMessage(error.message());
    return envelope;
  }

  static WsEnvelope.Builder input(PlayerInput input) {
    WsEnvelope.Builder envelope = WsEnvelope.newBuilder();
    dev.protoshift.proto.game.PlayerInput.Builder out = envelope.getPlayerInputBuilder().setClientSeq(input.clientSeq());
    PlayerInput.Action action = input.action();
    if (action instanceof PlayerInput.Move move) {
      out.getMoveBuilder().setDx(move.dx()).setDy(move.dy());
    } else if (action instanceof PlayerInput.SetRoute route) {
      dev.protoshift.proto.game.SetRoute.Builder setRoute = out.getSetRouteBuilder();
      for (Waypoint point : route.waypoints()) {
        setRoute.addWaypoints(dev.protoshift.proto.game.Waypoint.newBuilder().setX(point.x()).setY(point.y()).build());
      }
    } else if (action instanceof PlayerInput.UseItem use) {
      out.getUseItemBuilder().setItemId(use.itemId());
    } else if (action instanceof PlayerInput.ChooseStory choose) {
      out.getChooseStoryBuilder().setOptionId(choose.optionId());
    } else {
      throw new IllegalArgumentException("unknown action " + action);
    }
    return envelope;
  }

  /** A player's input, upgraded to the newest schema, as a domain record. */
  @SuppressWarnings("deprecation") // route_json left after the upgrade came from a 1.1.0+ client
  static PlayerInput input(dev.protoshift.proto.game.PlayerInput in) throws DecodeException {
    PlayerInput.Action action = switch (in.getActionCase()) {
      case MOVE -> checked("player_input.move", () -> new PlayerInput.Move(in.getMove().getDx(), in.getMove().getDy()));
      case SET_ROUTE -> {
        if (!in.getSetRoute().getRouteJson().isEmpty()) {
          throw DecodeException.invalidField("player_input.set_route.route_json",
              "is deprecated since 1.1.0 and not read from clients on 1.1.0 or newer; send waypoints");
        }
        yield new PlayerInput.SetRoute(waypoints(in.getSetRoute().getWaypointsList(), "player_input.set_route.waypoints"));
      }
      case USE_ITEM -> checked("player_input.use_item", () -> new PlayerInput.UseItem(in.getUseItem().getItemId()));
      case CHOOSE_STORY -> checked("player_input.choose_story",
          () -> new PlayerInput.ChooseStory(in.getChooseStory().getOptionId()));
      case ACTION_NOT_SET -> throw DecodeException.unexpected("player_input has no action this server knows"
          + (in.getUnknownFields().asMap().isEmpty() ? "" : " (unknown fields " + in.getUnknownFields().asMap().keySet() + ")"));
    };
    return checked("player_input", () -> new PlayerInput(in.getClientSeq(), action));
  }

  /** A state update, upgraded to the newest schema, as a domain record. */
  static ServerMessage.State state(StateUpdate in) throws DecodeException {
    Ghost me = in.hasMe() ? ghost(in.getMe(), -1) : null;
    List<Ghost> ghosts = new ArrayList<>(in.getGhostsCount());
    for (int i = 0; i < in.getGhostsCount(); i++) {
      ghosts.add(ghost(in.getGhosts(i), i));
    }
    Dag dag = in.hasDag() ? checked("state_update.dag", () -> dag(in.getDag())) : null;
    Story story = in.hasStory() ? checked("state_update.story", () -> story(in.getStory())) : null;
    return checked("state_update", () -> new ServerMessage.State(in.getNow(), in.getTick(), me, ghosts, dag, story));
  }

  /** The path of {@code me} (index -1) or of {@code ghosts[index]}. */
  private static String ghostPath(int index) {
    return index < 0 ? "state_update.me" : "state_update.ghosts[" + index + "]";
  }

  private static Ghost ghost(dev.protoshift.proto.game.Ghost in, int index) throws DecodeException {
    List<Waypoint> route;
    try {
      route = waypoints(in.getWaypointsList(), "waypoints");
    } catch (DecodeException e) {
      throw DecodeException.invalidField(ghostPath(index), e.getMessage(), e);
    }
    List<Item> items = new ArrayList<>(in.getInventory().getItemsCount());
    for (int i = 0; i < in.getInventory().getItemsCount(); i++) {
      dev.protoshift.proto.game.Item item = in.getInventory().getItems(i);
      if (item.getCount() < 0) {
        throw DecodeException.invalidField(ghostPath(index) + ".inventory.items[" + i + "].count",
            "must be 0.." + Integer.MAX_VALUE + ", was " + Integer.toUnsignedString(item.getCount()));
      }
      try {
        items.add(new Item(item.getId(), item.getKind(), item.getCount()));
      } catch (IllegalArgumentException e) {
        throw DecodeException.invalidField(ghostPath(index) + ".inventory.items[" + i + "]", e.getMessage(), e);
      }
    }
    int state = in.getStateValue();
    Ghost.State known = state >= 0 && state < STATES.length ? STATES[state] : Ghost.State.UNSPECIFIED;
    try {
      return new Ghost(in.getId(), in.getName(), in.getX(), in.getY(), in.getHeading(),
          in.getSpeed(), known, in.getColor(), in.getScore(), route, items);
    } catch (IllegalArgumentException e) {
      throw DecodeException.invalidField(ghostPath(index), e.getMessage(), e);
    }
  }

  private static List<Waypoint> waypoints(List<dev.protoshift.proto.game.Waypoint> in, String path) throws DecodeException {
    List<Waypoint> out = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) {
      dev.protoshift.proto.game.Waypoint point = in.get(i);
      try {
        out.add(new Waypoint(point.getX(), point.getY()));
      } catch (IllegalArgumentException e) {
        throw DecodeException.invalidField(path + "[" + i + "]", e.getMessage(), e);
      }
    }
    return out;
  }

  private static Dag dag(dev.protoshift.proto.game.Dag in) {
    List<DagNode> nodes = new ArrayList<>(in.getNodesCount());
    for (dev.protoshift.proto.game.DagNode node : in.getNodesList()) {
      nodes.add(new DagNode(node.getId(), node.getTitle(), node.getNextIdsList(), node.getUnlocked(), node.getCompleted()));
    }
    return new Dag(nodes, in.getCurrentNodeId());
  }

  private static Story story(dev.protoshift.proto.game.Story in) {
    List<StoryOption> options = new ArrayList<>(in.getOptionsCount());
    for (dev.protoshift.proto.game.StoryOption option : in.getOptionsList()) {
      options.add(new StoryOption(option.getId(), option.getLabel()));
    }
    return new Story(in.getChapterId(), in.getBeatId(), in.getText(), options);
  }

  static ServerMessage.Error error(dev.protoshift.proto.game.ServerError in) throws DecodeException {
    return checked("error", () -> new ServerMessage.Error(in.getCode(), in.getMessage()));
  }

  /** Something that builds a domain record and may refuse a value. */
  private interface Build<T> {
    T get();
  }

  /** Turns a domain record's refusal of a decoded value into a {@link DecodeException} at {@code path}. */
  private static <T> T checked(String path, Build<T> build) throws DecodeException {
    try {
      return build.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw DecodeException.invalidField(path, e.getMessage(), e);
    }
  }
}
