package dev.protoshift.versioning.rollout;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Warns about {@code PROTOBUF_*} variables that are no rollout key: usually a typo that would silently do nothing. */
final class EnvironmentCheck {

  private static final System.Logger LOG = System.getLogger(RolloutConfigHolder.class.getName());

  private EnvironmentCheck() {}

  static Set<String> unknownVariables(Map<String, String> environment) {
    Set<String> known = Arrays.stream(RolloutKey.values()).map(RolloutKey::envVar).collect(Collectors.toSet());
    return environment.keySet().stream()
        .filter(name -> name.startsWith(RolloutKey.ENV_PREFIX) && !known.contains(name))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  static void warnAboutUnknownVariables(Map<String, String> environment) {
    Set<String> unknown = unknownVariables(environment);
    if (!unknown.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "ignoring unknown environment variables {0}; rollout variables are {1}",
          unknown, Arrays.stream(RolloutKey.values()).map(RolloutKey::envVar).collect(Collectors.joining(", ")));
    }
  }
}
