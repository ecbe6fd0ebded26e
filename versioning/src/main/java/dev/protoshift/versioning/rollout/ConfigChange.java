package dev.protoshift.versioning.rollout;

import java.time.Instant;
import java.util.Objects;

/**
 * The effective config changed.
 *
 * @param previous the config before
 * @param current the config now in force
 * @param source the layer whose change caused it
 * @param at when it was applied
 */
public record ConfigChange(RolloutConfig previous, RolloutConfig current, ConfigSource source, Instant at) {

  public ConfigChange {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(at, "at");
  }
}
