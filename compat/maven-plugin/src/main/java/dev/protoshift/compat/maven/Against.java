package dev.protoshift.compat.maven;

import java.util.List;

/**
 * What a check compares the project's schema with, as the {@code against} parameter names it:
 *
 * <ul>
 *   <li>{@code history} (the default): the newest frozen release in the history folder;
 *       {@code history:1.2.0} one release;
 *   <li>{@code git:REF} or {@code git:REF:SUBDIR}: the schema as a git ref has it (SUBDIR relative to
 *       the repository's top directory; by default the schema's directory);
 *   <li>{@code maven:GROUP:ARTIFACT:VERSION}: the schema in a released artifact, resolved from the
 *       project's repositories; {@code maven:GROUP:ARTIFACT} the latest release before the project's
 *       version; {@code released}: the project's own latest release before its version.
 * </ul>
 */
sealed interface Against {

  String FORMS = "history, history:VERSION, git:REF[:SUBDIR], maven:GROUP:ARTIFACT[:VERSION] or released";

  /** A frozen release of the history folder; the newest when {@code version} is null. */
  record History(String version) implements Against {}

  /** The schema at a git ref; the schema's own directory when {@code subdir} is null. */
  record Git(String ref, String subdir) implements Against {}

  /** A released artifact; the latest release before the project's version when {@code version} is null. */
  record Artifact(String groupId, String artifactId, String version) implements Against {
    String coordinates() {
      return groupId + ":" + artifactId + (version == null ? "" : ":" + version);
    }
  }

  /**
   * Parses {@code spec}; {@code released} stands for the project's own coordinates.
   *
   * @throws IllegalArgumentException naming the value and the forms it may take
   */
  static Against parse(String spec, String projectGroupId, String projectArtifactId) {
    String s = spec == null ? "" : spec.strip();
    if (s.equals("history")) {
      return new History(null);
    }
    if (s.startsWith("history:")) {
      String version = s.substring("history:".length());
      if (!HistoryFolder.isRelease(version)) {
        throw bad(spec, "history:VERSION takes a release version, MAJOR.MINOR.PATCH");
      }
      return new History(version);
    }
    if (s.equals("released")) {
      return new Artifact(projectGroupId, projectArtifactId, null);
    }
    if (s.startsWith("git:")) {
      String rest = s.substring("git:".length());
      int colon = rest.indexOf(':');
      String ref = colon < 0 ? rest : rest.substring(0, colon);
      String subdir = colon < 0 ? null : rest.substring(colon + 1);
      if (ref.isBlank() || (subdir != null && subdir.isBlank())) {
        throw bad(spec, "expected git:REF or git:REF:SUBDIR");
      }
      return new Git(ref, subdir);
    }
    if (s.startsWith("maven:")) {
      List<String> parts = List.of(s.substring("maven:".length()).split(":", -1));
      if (parts.size() < 2 || parts.size() > 3 || parts.stream().anyMatch(String::isBlank)) {
        throw bad(spec, "expected maven:GROUP:ARTIFACT or maven:GROUP:ARTIFACT:VERSION");
      }
      return new Artifact(parts.get(0), parts.get(1), parts.size() == 3 ? parts.get(2) : null);
    }
    throw bad(spec, "expected " + FORMS);
  }

  private static IllegalArgumentException bad(String spec, String expected) {
    return new IllegalArgumentException("against = \"" + spec + "\": " + expected);
  }
}
