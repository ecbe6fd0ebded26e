package dev.protoshift.tools.loadtest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A compare tool argument: {@code FILE}, or {@code FILE#PROTOCOL}, {@code FILE#PROTOCOL/VERSION}
 * or {@code FILE#all} to pick cohorts of the run in FILE.
 *
 * @param file the results file
 * @param protocol the protocol to select ({@code protobuf}, {@code json}), or empty for no choice made
 * @param version the version to select, or empty for every version of the protocol
 * @param all true for {@code #all}: every cohort of the run, pooled
 */
public record CohortSelector(Path file, Optional<String> protocol, Optional<String> version, boolean all) {

  /**
   * Parses an argument.
   *
   * @throws IllegalArgumentException naming the argument if its {@code #} part is not a protocol,
   *     {@code protocol/version} or {@code all}
   */
  public static CohortSelector parse(String argument) {
    if (argument == null || argument.isBlank()) {
      throw new IllegalArgumentException("results file argument is empty");
    }
    int hash = argument.lastIndexOf('#');
    if (hash < 0) {
      return new CohortSelector(Path.of(argument), Optional.empty(), Optional.empty(), false);
    }
    Path file = Path.of(argument.substring(0, hash));
    String selector = argument.substring(hash + 1);
    if (selector.equals("all")) {
      return new CohortSelector(file, Optional.empty(), Optional.empty(), true);
    }
    int slash = selector.indexOf('/');
    String protocol = slash < 0 ? selector : selector.substring(0, slash);
    if (!CohortResults.PROTOCOLS.contains(protocol)) {
      throw new IllegalArgumentException("cohort selector must be protobuf, json, PROTOCOL/VERSION or all, was \""
          + selector + "\" in \"" + argument + "\"");
    }
    Optional<String> version = Optional.empty();
    if (slash >= 0) {
      String v = selector.substring(slash + 1);
      if (v.isBlank()) {
        throw new IllegalArgumentException("cohort selector has an empty version: \"" + argument + "\"");
      }
      version = Optional.of(v);
    }
    return new CohortSelector(file, Optional.of(protocol), version, false);
  }

  /** This selector with the protocol chosen for it. */
  CohortSelector withProtocol(String p) {
    return new CohortSelector(file, Optional.of(p), version, false);
  }

  /** True if nothing after {@code #} was given. */
  boolean unqualified() {
    return protocol.isEmpty() && !all;
  }

  /**
   * The cohorts of {@code results} this selector picks.
   *
   * @throws IllegalArgumentException naming the file and its cohorts when none match, or when
   *     the file mixes protocols and no protocol was chosen
   */
  List<CohortResults> select(LoadResults results) {
    List<String> available = results.cohorts().stream().map(CohortResults::key).toList();
    if (available.isEmpty()) {
      throw new IllegalArgumentException(file + " has no cohorts (no connection received anything)");
    }
    if (unqualified()) {
      long protocols = results.cohorts().stream().map(CohortResults::protocol).distinct().count();
      if (protocols > 1) {
        throw new IllegalArgumentException(file + " has cohorts of both protocols " + available
            + ": pick one with " + file + "#protobuf or " + file + "#json (or #all)");
      }
      return results.cohorts();
    }
    List<CohortResults> picked = results.cohorts().stream()
        .filter(c -> all || c.protocol().equals(protocol.orElseThrow()))
        .filter(c -> version.isEmpty() || c.version().equals(version.get()))
        .toList();
    if (picked.isEmpty()) {
      throw new IllegalArgumentException(file + " has no cohort " + describe() + "; it has " + available);
    }
    return picked;
  }

  /** The selection as written after {@code #}. */
  String describe() {
    if (all) {
      return "all";
    }
    return protocol.map(p -> version.map(v -> p + "/" + v).orElse(p)).orElse("");
  }
}
