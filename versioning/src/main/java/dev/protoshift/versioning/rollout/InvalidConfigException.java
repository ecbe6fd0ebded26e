package dev.protoshift.versioning.rollout;

import java.util.List;
import java.util.stream.Collectors;

/** A rollout config source that cannot be used; the message lists every problem found. */
public final class InvalidConfigException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  InvalidConfigException(List<ConfigProblem> problems) {
    super(message(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid config needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in the order found. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String message(List<ConfigProblem> problems) {
    String origins = problems.stream().map(ConfigProblem::origin).distinct().collect(Collectors.joining(", "));
    return "invalid rollout config (" + origins + "): "
        + problems.stream().map(ConfigProblem::message).collect(Collectors.joining("; "));
  }
}
