package dev.protoshift.tools.loadtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * One side of a comparison: the cohorts selected from one results file, pooled.
 *
 * @param label what the side is, e.g. {@code proto.json#protobuf}
 * @param run the run the cohorts come from
 * @param server the server's figures of that run, or null
 * @param cohorts the selected cohorts (at least one)
 */
public record ComparisonSide(String label, RunInfo run, ServerFigures server, List<CohortResults> cohorts) {

  /**
   * @throws IllegalArgumentException if no cohort is selected
   */
  public ComparisonSide {
    cohorts = List.copyOf(cohorts);
    if (cohorts.isEmpty()) {
      throw new IllegalArgumentException("side " + label + " has no cohort");
    }
  }

  /** The protocols of the selected cohorts, sorted. */
  public List<String> protocols() {
    return List.copyOf(new TreeSet<>(cohorts.stream().map(CohortResults::protocol).toList()));
  }

  /** The protocols joined with {@code +}, e.g. {@code protobuf} or {@code json+protobuf}. */
  public String protocolLabel() {
    return String.join("+", protocols());
  }

  /** Connections in the side (a connection in two selected cohorts counts once). */
  public int connections() {
    return samples().size();
  }

  public Optional<ServerFigures> serverFigures() {
    return Optional.ofNullable(server);
  }

  /**
   * The side's connections: one sample per connection; a connection found in several selected
   * cohorts (it switched protocol) has its counters added and its histograms merged.
   *
   * @throws IllegalArgumentException if a histogram cannot be decoded
   */
  public List<ConnectionSample> samples() {
    if (cohorts.size() == 1) {
      return cohorts.get(0).samples();
    }
    Map<Integer, List<ConnectionSample>> byConnection = new LinkedHashMap<>();
    for (CohortResults c : cohorts) {
      for (ConnectionSample s : c.samples()) {
        byConnection.computeIfAbsent(s.connection(), k -> new ArrayList<>()).add(s);
      }
    }
    List<ConnectionSample> out = new ArrayList<>(byConnection.size());
    for (List<ConnectionSample> parts : byConnection.values()) {
      out.add(parts.size() == 1 ? parts.get(0) : merge(parts));
    }
    return out;
  }

  private static ConnectionSample merge(List<ConnectionSample> parts) {
    Histogram latency = new Histogram(1, Histograms.MAX_LATENCY_US, 2);
    Histogram decode = new Histogram(1, Histograms.MAX_DECODE_NS, 2);
    double seconds = 0;
    long messages = 0;
    long bytes = 0;
    long errors = 0;
    long gaps = 0;
    long repeats = 0;
    long disconnects = 0;
    for (ConnectionSample p : parts) {
      seconds += p.seconds();
      messages += p.messages();
      bytes += p.bytes();
      errors += p.decodeErrors();
      gaps += p.gaps();
      repeats += p.repeats();
      disconnects += p.disconnects();
      latency.add(Histograms.decode(p.latencyUs()));
      decode.add(Histograms.decode(p.decodeNs()));
    }
    return new ConnectionSample(parts.get(0).connection(), seconds, messages, bytes, errors, gaps, repeats,
        disconnects, Histograms.encode(latency), Histograms.encode(decode));
  }
}
