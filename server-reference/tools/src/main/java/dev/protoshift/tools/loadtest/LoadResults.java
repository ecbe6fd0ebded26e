package dev.protoshift.tools.loadtest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The results file of one load test run ({@code --out results.json}): how the run was made, one
 * entry per protocol cohort with per-connection samples, and the server's own figures if the
 * load tool could read its {@code /metrics}. Read and write it with {@link ResultsJson}; the
 * format is described in docs/load-testing.md.
 *
 * @param format {@link #FORMAT}; a reader refuses other major versions
 * @param run how the run was made
 * @param cohorts one entry per (protocol, version) the clients received
 * @param server the server's figures, or null when it was not scraped
 */
public record LoadResults(String format, RunInfo run, List<CohortResults> cohorts, ServerFigures server) {

  /** The format this code writes and reads. */
  public static final String FORMAT = "protoshift-loadtest/1";

  /**
   * @throws IllegalArgumentException if the format is not {@link #FORMAT}, or two cohorts have
   *     the same protocol and version
   */
  public LoadResults {
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("format must be \"" + FORMAT + "\", was "
          + (format == null ? "missing" : "\"" + format + "\""));
    }
    Objects.requireNonNull(run, "run");
    cohorts = cohorts == null ? List.of() : List.copyOf(cohorts);
    long distinct = cohorts.stream().map(CohortResults::key).distinct().count();
    if (distinct != cohorts.size()) {
      throw new IllegalArgumentException("cohorts must be distinct by protocol/version, were "
          + cohorts.stream().map(CohortResults::key).toList());
    }
  }

  /** Results in the current format. */
  public static LoadResults of(RunInfo run, List<CohortResults> cohorts, ServerFigures server) {
    return new LoadResults(FORMAT, run, cohorts, server);
  }

  public Optional<ServerFigures> serverFigures() {
    return Optional.ofNullable(server);
  }
}
