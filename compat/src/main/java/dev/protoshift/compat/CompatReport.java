package dev.protoshift.compat;

import dev.protoshift.versioning.ProtocolVersion;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of comparing two schemas: findings (sorted, deduplicated; ignored ones included
 * and marked), the bump the change needs, the versions both sides declare and what is wrong with
 * the declared bump.
 *
 * @param requiredBump MAJOR if any finding is not ignored, else what additions and edits need
 * @param previousVersion the version the previous schema declares, if it declares one
 * @param currentVersion the version the current schema declares, if it declares one
 * @param versionProblems why the declared versions do not fit the change; empty if they do
 */
public record CompatReport(
    List<Finding> findings,
    Bump requiredBump,
    Optional<ProtocolVersion> previousVersion,
    Optional<ProtocolVersion> currentVersion,
    List<String> versionProblems) {

  public CompatReport {
    findings = List.copyOf(findings);
    versionProblems = List.copyOf(versionProblems);
  }

  /** The findings no ignore covers: the breaking changes. */
  public List<Finding> breaking() {
    return findings.stream().filter(f -> !f.ignored()).toList();
  }

  /** The bump between the declared versions, when both sides declare one and it does not go back. */
  public Optional<Bump> declaredBump() {
    if (previousVersion.isEmpty() || currentVersion.isEmpty()
        || currentVersion.get().isOlderThan(previousVersion.get())) {
      return Optional.empty();
    }
    return Optional.of(Bump.between(previousVersion.get(), currentVersion.get()));
  }

  /** The version the current schema should declare: the previous one with the required bump. */
  public Optional<ProtocolVersion> suggestedVersion() {
    return previousVersion.map(requiredBump::apply);
  }

  /** True when nothing breaks and the declared version fits: the CLI's exit code 0. */
  public boolean isCompatible() {
    return breaking().isEmpty() && versionProblems.isEmpty();
  }
}
