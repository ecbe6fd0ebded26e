package dev.protoshift.convert;

import java.util.Optional;

/**
 * One change clients can see, as a unit that converts across it in both directions (after
 * Stripe's version change modules, Cadwyn's {@code VersionChange} and ViaVersion's protocol
 * steps).
 *
 * <p>A change belongs to the release that introduced it ({@link VersionChain.Builder#release}).
 * It works on {@code M}, the newest schema's mutable message (for the reference game, a
 * {@code WsEnvelope.Builder}): the newest schema still has every field an older client knows,
 * deprecated ones included, so every older view can be expressed in it.
 *
 * <ul>
 *   <li>{@link #downgrade} turns a message of the change's release into what clients of the
 *       previous release expect (outgoing);
 *   <li>{@link #upgrade} turns a message from a client of the previous release into the
 *       change's release (incoming).
 * </ul>
 *
 * <p>A change may be tied to an optional {@link #feature()}: then it is also applied for clients
 * on newer versions that did not negotiate that feature, so they do not receive it.
 *
 * @param <M> the mutable message type the chain works on
 */
public interface VersionChange<M> {

  /** A short, client-facing title, e.g. {@code Routes travel as waypoints}. */
  String title();

  /** What changed, for client developers (Markdown); ends up in the generated changelog. */
  String description();

  /** The optional feature this change adds, e.g. {@code story}; empty if it is not optional. */
  default Optional<String> feature() {
    return Optional.empty();
  }

  /**
   * Rewrites {@code message} (newest representation) into what clients older than this change
   * expect. May modify and return {@code message}.
   *
   * @throws IllegalArgumentException if the message has no representation before this change
   *     (e.g. a client action that older servers do not know)
   */
  M downgrade(M message);

  /**
   * Rewrites {@code message} from a client older than this change into the representation of
   * this change's release. May modify and return {@code message}.
   *
   * @throws DecodeException if the old representation holds a value that cannot be converted
   */
  M upgrade(M message) throws DecodeException;
}
