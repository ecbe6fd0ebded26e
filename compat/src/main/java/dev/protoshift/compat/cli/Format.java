package dev.protoshift.compat.cli;

/** The check command's output formats. */
enum Format {
  TEXT, JSON, GITHUB_ACTIONS, JUNIT, SARIF;

  /** The format named on the command line: {@code text}, {@code json}, {@code github-actions}, ... */
  static Format parse(String name) {
    for (Format f : values()) {
      if (f.cliName().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format \"" + name
        + "\" (expected text, json, github-actions, junit or sarif)");
  }

  String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
