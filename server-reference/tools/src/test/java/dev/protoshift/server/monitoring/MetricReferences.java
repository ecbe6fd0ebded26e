package dev.protoshift.server.monitoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that a PromQL expression names only metrics and labels that exist: every selected metric
 * is exported by the server, recorded by a rule, or a rare-event metric whose tags docs/metrics.md
 * lists; every matcher label is one that metric carries; every {@code by}/{@code without} label is
 * carried by a metric inside that aggregation, and every {@code on}/{@code ignoring}/{@code
 * group_*} label by a metric of the expression. {@code job} and {@code instance} are always
 * allowed: Prometheus adds them to every series it scrapes.
 *
 * <p>A recorded metric carries the labels of its expression's {@code by} clauses, or, without
 * one, those of the metrics it selects, plus its rule's {@code labels}: an over-approximation
 * (a label kept by one branch of the expression only still counts).
 */
final class MetricReferences {

  /** Labels Prometheus attaches to every scraped series (the target's). */
  static final Set<String> TARGET_LABELS = Set.of("job", "instance");

  private final Map<String, Set<String>> known = new LinkedHashMap<>();
  private final Map<String, String> kind = new LinkedHashMap<>();

  /**
   * @param exported series name to label names, from a real scrape
   * @param rareDocumented metrics allowed although the scrape lacked them, with their documented tags
   * @param rules the rules file, whose recorded metrics become known in file order
   */
  MetricReferences(Map<String, Set<String>> exported, Map<String, Set<String>> rareDocumented,
      List<MonitoringAssets.Rule> rules) {
    exported.forEach((name, labels) -> add(name, labels, "exported"));
    rareDocumented.forEach((name, labels) -> {
      if (!known.containsKey(name)) {
        add(name, labels, "documented rare-event metric");
      }
    });
    for (MonitoringAssets.Rule r : rules) {
      if (r.record() != null) {
        Set<String> labels = new TreeSet<>(recordedLabels(r.expr()));
        labels.addAll(r.labels().keySet());
        add(r.record(), labels, "recorded");
      }
    }
  }

  private void add(String name, Set<String> labels, String how) {
    known.put(name, Collections.unmodifiableSet(new TreeSet<>(labels))); // sorted, for messages
    kind.put(name, how);
  }

  private Set<String> recordedLabels(String expr) {
    PromQl.Refs refs = PromQl.scan(expr);
    Set<String> by = new TreeSet<>();
    refs.clauses().stream().filter(c -> c.keyword().equals("by")).forEach(c -> by.addAll(c.labels()));
    if (!by.isEmpty()) {
      return by;
    }
    Set<String> all = new TreeSet<>();
    refs.selectors().forEach(s -> all.addAll(known.getOrDefault(s.metric(), Set.of())));
    return all;
  }

  /** The labels of a known metric; empty if unknown. */
  Set<String> labelsOf(String metric) {
    return known.getOrDefault(metric, Set.of());
  }

  /** What is wrong with {@code query}, one message per problem naming where, what and what exists; empty if nothing. */
  List<String> problems(MonitoringAssets.Query query) {
    List<String> out = new ArrayList<>();
    PromQl.Refs refs;
    try {
      refs = PromQl.scan(query.expr());
    } catch (IllegalArgumentException e) {
      out.add(query.where() + ": cannot be read: " + e.getMessage());
      return out;
    }
    for (PromQl.Selector s : refs.selectors()) {
      if (!known.containsKey(s.metric())) {
        out.add(query.where() + ": metric '" + s.metric() + "' is not exported by the server,"
            + " recorded by a rule, or a documented rare-event metric");
        continue;
      }
      for (String label : s.matcherLabels()) {
        if (!allowed(label, Set.of(s.metric()))) {
          out.add(query.where() + ": metric '" + s.metric() + "' (" + kind.get(s.metric()) + ") has no label '" + label
              + "'; it has " + labelsOf(s.metric()));
        }
      }
    }
    for (PromQl.Clause c : refs.clauses()) {
      Set<String> metrics = new TreeSet<>();
      c.scope().stream().map(PromQl.Selector::metric).filter(known::containsKey).forEach(metrics::add); // unknown: reported above
      for (String label : c.labels()) {
        if (!metrics.isEmpty() && !allowed(label, metrics)) {
          out.add(query.where() + ": '" + c.keyword() + " (" + label + ")' names a label none of " + metrics + " has");
        }
      }
    }
    Set<String> all = new TreeSet<>();
    refs.selectors().forEach(s -> all.add(s.metric()));
    for (String label : query.requiredLabels()) {
      if (!allowed(label, all)) {
        out.add(query.where() + ": label '" + label + "' is on none of " + all);
      }
    }
    return out;
  }

  private boolean allowed(String label, Set<String> metrics) {
    return TARGET_LABELS.contains(label) || metrics.stream().anyMatch(m -> labelsOf(m).contains(label));
  }
}
