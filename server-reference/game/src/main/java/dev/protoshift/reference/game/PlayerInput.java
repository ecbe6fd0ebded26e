package dev.protoshift.reference.game;

import java.util.List;
import java.util.Objects;

/**
 * One action of a player, numbered by the client.
 *
 * @param clientSeq +1 per input sent on a connection, {@code >= 0}
 * @param action what the player does
 */
public record PlayerInput(long clientSeq, Action action) {

  /**
   * @throws IllegalArgumentException if {@code clientSeq} is negative (above 2^63-1 unsigned)
   * @throws NullPointerException if {@code action} is null
   */
  public PlayerInput {
    if (clientSeq < 0) {
      throw new IllegalArgumentException("client_seq must be 0.." + Long.MAX_VALUE + ", was "
          + Long.toUnsignedString(clientSeq));
    }
    Objects.requireNonNull(action, "action");
  }

  /** What a player does. */
  public sealed interface Action {
    /** The JSON {@code type} of the action, e.g. {@code set_route}. */
    String type();
  }

  /**
   * Steer the player's ghost.
   *
   * @param dx each component in {@code [-1, 1]}
   * @param dy each component in {@code [-1, 1]}
   */
  public record Move(float dx, float dy) implements Action {
    /** @throws IllegalArgumentException if a component is not a finite number in {@code [-1, 1]} */
    public Move {
      unit("move.dx", dx);
      unit("move.dy", dy);
    }

    private static void unit(String name, float value) {
      if (!(value >= -1f && value <= 1f)) {
        throw new IllegalArgumentException(name + " must be in [-1, 1], was " + value);
      }
    }

    @Override
    public String type() {
      return "move";
    }
  }

  /**
   * Replace the player's ghost's route.
   *
   * @param waypoints the new route, nearest point first; empty clears it
   */
  public record SetRoute(List<Waypoint> waypoints) implements Action {
    /** @throws NullPointerException if the list is or holds null */
    public SetRoute {
      waypoints = Checks.list("set_route.waypoints", waypoints);
    }

    @Override
    public String type() {
      return "set_route";
    }
  }

  /**
   * Use one item from the player's inventory (since 1.1.0).
   *
   * @param itemId the item
   */
  public record UseItem(String itemId) implements Action {
    /** @throws NullPointerException if null; IllegalArgumentException if not well-formed */
    public UseItem {
      Checks.text("use_item.item_id", itemId);
    }

    @Override
    public String type() {
      return "use_item";
    }
  }

  /**
   * Pick one of the current story beat's options (since 1.1.0).
   *
   * @param optionId the option
   */
  public record ChooseStory(String optionId) implements Action {
    /** @throws NullPointerException if null; IllegalArgumentException if not well-formed */
    public ChooseStory {
      Checks.text("choose_story.option_id", optionId);
    }

    @Override
    public String type() {
      return "choose_story";
    }
  }
}
