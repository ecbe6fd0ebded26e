package dev.protoshift.tools.loadtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the recorders of a run into its cohorts: protobuf first, then JSON; versions in order. */
final class ResultsAssembler {

  private ResultsAssembler() {}

  static List<CohortResults> cohorts(List<ConnectionRecorder> recorders) {
    Map<String, List<ConnectionRecorder.CohortSample>> byKey = new LinkedHashMap<>();
    for (ConnectionRecorder r : recorders) {
      for (ConnectionRecorder.CohortSample s : r.samples()) {
        byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
      }
    }
    List<CohortResults> out = new ArrayList<>();
    for (List<ConnectionRecorder.CohortSample> samples : byKey.values()) {
      ConnectionRecorder.CohortSample first = samples.get(0);
      long reconnects = samples.stream().mapToLong(ConnectionRecorder.CohortSample::reconnects).sum();
      out.add(CohortResults.of(first.protocol(), first.version(), reconnects,
          samples.stream().map(ConnectionRecorder.CohortSample::sample).toList()));
    }
    out.sort(Comparator.comparing((CohortResults c) -> CohortResults.PROTOCOLS.indexOf(c.protocol()))
        .thenComparing(CohortResults::version));
    return out;
  }
}
