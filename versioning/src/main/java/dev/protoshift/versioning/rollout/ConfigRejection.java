package dev.protoshift.versioning.rollout;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A source's new content was refused (invalid, unreadable or deleted); the config in force did not change.
 *
 * @param source the layer that was refused
 * @param problems what was wrong, each naming key and value
 * @param kept the config still in force
 * @param at when it was refused
 */
public record ConfigRejection(ConfigSource source, List<ConfigProblem> problems, RolloutConfig kept, Instant at) {

  public ConfigRejection {
    Objects.requireNonNull(source, "source");
    problems = List.copyOf(problems);
    Objects.requireNonNull(kept, "kept");
    Objects.requireNonNull(at, "at");
  }

  /** One line for a log: the source and every problem. */
  public String message() {
    return "rejected " + source + " config, keeping the last good one: "
        + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; "));
  }
}
