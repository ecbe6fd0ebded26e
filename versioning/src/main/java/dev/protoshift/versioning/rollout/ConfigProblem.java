package dev.protoshift.versioning.rollout;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a config source.
 *
 * @param origin where the value came from, e.g. {@code /etc/game/config.yaml}, {@code environment}
 * @param key the key the problem is about, if it is about one
 * @param message what is wrong, naming the key (or variable) and the value, e.g.
 *     {@code protobuf.rollout_percentage must be 0..100, was 140}
 */
public record ConfigProblem(String origin, Optional<RolloutKey> key, String message) {

  public ConfigProblem {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return message + " (" + origin + ")";
  }
}
