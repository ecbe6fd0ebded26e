package dev.protoshift.convert;

import dev.protoshift.versioning.Protocol;
import java.util.Objects;

/**
 * The connections that receive byte-identical messages (before the per-recipient part): one
 * wire protocol and one {@link View}. A server converts and encodes each tick's state once per
 * cohort.
 *
 * @param protocol binary protobuf or JSON text
 * @param view the version class and features of the cohort's clients
 */
public record Cohort(Protocol protocol, View view) {

  /** @throws NullPointerException if an argument is null */
  public Cohort {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(view, "view");
  }

  /** E.g. {@code protobuf/1.1.0+dag+inventory+story}: stable, for logs and metric tags. */
  public String label() {
    return protocol.code() + "/" + view.label();
  }

  @Override
  public String toString() {
    return label();
  }
}
