package dev.protoshift.reference.game;

import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.CohortFrame;
import dev.protoshift.versioning.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference game's per-recipient frame ({@link MeAndGhosts}): one tick's state converted and
 * encoded once for one cohort, ready to be sent to each of its connections.
 *
 * <p>{@code StateUpdate.me} is the recipient's own ghost and {@code ghosts} the others, so the
 * message differs per recipient. The frame therefore holds the state encoded once, in pieces
 * (the fields before {@code me}, every ghost, the fields after {@code ghosts}), and
 * {@link #forRecipient} only copies pieces: no conversion and no encoding per connection. What
 * it returns is byte for byte the message a per-connection encoder would produce (a property
 * the tests check), so every decoder reads it, old or new, strict or not.
 *
 * <p>Immutable and thread-safe; each call returns a new array the caller may keep.
 */
public abstract sealed class GhostsFrame implements CohortFrame permits ProtoCohortFrame, JsonCohortFrame {

  private final Cohort cohort;
  private final long tick;
  private final List<String> ghostIds;
  private final Map<String, Integer> index;
  private volatile byte[] spectator;

  GhostsFrame(Cohort cohort, long tick, List<String> ghostIds) {
    this.cohort = cohort;
    this.tick = tick;
    this.ghostIds = List.copyOf(ghostIds);
    this.index = new HashMap<>(ghostIds.size() * 2);
    for (int i = 0; i < ghostIds.size(); i++) {
      index.put(ghostIds.get(i), i);
    }
  }

  @Override
  public Cohort cohort() {
    return cohort;
  }

  /** The tick of the state. */
  public long tick() {
    return tick;
  }

  /** The ids of the room's ghosts, in the room's order. */
  public List<String> ghostIds() {
    return ghostIds;
  }

  /** True if the room has a ghost with this id, i.e. {@link #forRecipient} accepts it. */
  public boolean hasGhost(String ghostId) {
    return index.containsKey(ghostId);
  }

  /**
   * The message for one recipient: a binary frame's payload for {@link Protocol#PROTOBUF}, a
   * text frame's UTF-8 bytes for {@link Protocol#JSON}.
   *
   * @param ghostId the recipient's own ghost, which becomes {@code me} and is left out of
   *     {@code ghosts}; {@code null} for a spectator (no {@code me}, every ghost)
   * @throws IllegalArgumentException if the room has no ghost {@code ghostId}
   */
  @Override
  public byte[] forRecipient(String ghostId) {
    if (ghostId == null) {
      return forSpectator();
    }
    Integer at = index.get(ghostId);
    if (at == null) {
      throw new IllegalArgumentException(ServerMessage.unknownRecipient(ghostId, tick));
    }
    return assemble(at);
  }

  /** The message for spectators (no {@code me}): {@link #forSpectator()}. */
  @Override
  public byte[] shared() {
    return forSpectator();
  }

  /**
   * The message for spectators (no {@code me}): the same bytes for all of them, assembled once.
   * The caller must not modify the array.
   */
  public byte[] forSpectator() {
    byte[] bytes = spectator;
    if (bytes == null) {
      bytes = assembleForSpectator();
      spectator = bytes;
    }
    return bytes;
  }

  /**
   * The JSON text for one recipient, for APIs that send text frames as strings.
   *
   * @throws IllegalStateException if the cohort is not {@link Protocol#JSON}
   * @throws IllegalArgumentException if the room has no ghost {@code ghostId}
   */
  public String textForRecipient(String ghostId) {
    if (cohort.protocol() != Protocol.JSON) {
      throw new IllegalStateException("cohort " + cohort + " sends binary frames, not text");
    }
    return new String(forRecipient(ghostId), StandardCharsets.UTF_8);
  }

  /** Assembles the message whose {@code me} is ghost number {@code me}. */
  abstract byte[] assemble(int me);

  abstract byte[] assembleForSpectator();

  @Override
  public String toString() {
    return "GhostsFrame[" + cohort + ", tick " + tick + ", " + ghostIds.size() + " ghosts, spectator frame "
        + forSpectator().length + " bytes]";
  }

  /** Copies {@code from[start, end)} to {@code to} at {@code at}; returns the position after it. */
  static int copy(byte[] from, int start, int end, byte[] to, int at) {
    System.arraycopy(from, start, to, at, end - start);
    return at + end - start;
  }
}
