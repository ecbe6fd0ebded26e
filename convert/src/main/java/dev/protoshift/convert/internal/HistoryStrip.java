package dev.protoshift.convert.internal;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import dev.protoshift.convert.VersionChange;
import java.util.List;
import java.util.Optional;

/**
 * The step a chain with a release history derives for release R: on the way down it strips what
 * R added (fields, enum values, oneof cases) from a message of the current schema; on the way up
 * it does nothing (an older client's message lacks those elements anyway).
 *
 * <p>Thread-safe: the plan is immutable.
 *
 * @param <M> the chain's message type: a {@link Message.Builder} of the root type
 */
public final class HistoryStrip<M> implements VersionChange<M> {

  private final Descriptor root;
  private final String release;
  private final StripPlan plan;
  private final List<String> additions;

  private HistoryStrip(Descriptor root, String release, StripPlan plan, List<String> additions) {
    this.root = root;
    this.release = release;
    this.plan = plan;
    this.additions = additions;
  }

  /**
   * The step of release {@code release}, or empty if it added nothing reachable from {@code root}.
   *
   * @param previous the schema of the release before
   * @param current the schema of {@code release} (the current schema if it is not released yet)
   */
  public static <M> Optional<HistoryStrip<M>> plan(Descriptor root, SchemaIndex previous, SchemaIndex current,
      String release) {
    StripPlanner.Planned planned = StripPlanner.plan(root, previous, current, release);
    return planned.root() == null ? Optional.empty()
        : Optional.of(new HistoryStrip<>(root, release, planned.root(), planned.additions()));
  }

  /** What the release added, one Markdown item each, e.g. {@code field `a.Snake.body` (4)}. */
  public List<String> additions() {
    return additions;
  }

  @Override
  public String title() {
    return "Schema additions";
  }

  @Override
  public String description() {
    StringBuilder text = new StringBuilder("What ").append(release).append(" added to `").append(root.getFullName())
        .append("` and the messages it carries (derived from the release history). Clients older than ")
        .append(release).append(" do not receive it.\n\n");
    additions.forEach(a -> text.append("- ").append(a).append('\n'));
    return text.toString();
  }

  @Override
  public M downgrade(M message) {
    if (!(message instanceof Message.Builder builder) || builder.getDescriptorForType() != root) {
      throw new IllegalArgumentException("a chain with a release history converts builders of " + root.getFullName()
          + " (the type of its prototype), was " + describe(message));
    }
    plan.apply(builder);
    return message;
  }

  @Override
  public M upgrade(M message) {
    return message;
  }

  private String describe(Object message) {
    if (message instanceof Message.Builder builder) {
      String name = builder.getDescriptorForType().getFullName();
      return "a " + builder.getClass().getName() + " of " + name
          + (name.equals(root.getFullName()) ? " with another descriptor than the prototype's" : "");
    }
    return message == null ? "null" : message.getClass().getName();
  }

  @Override
  public String toString() {
    return "HistoryStrip[" + release + ": " + additions.size() + " additions]";
  }
}
