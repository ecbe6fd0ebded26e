package dev.protoshift.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every PromQL expression of the Grafana dashboard and of the Prometheus rules names only metrics
 * and labels that the reference server really exports, checked against its {@code /metrics} after
 * a short real run ({@link RolloutWorkload}). Renaming a metric or a tag in the server, or a typo
 * in a query, fails here with the query and the name.
 */
class DashboardAndRulesMetricsTest {

  /**
   * Metrics the queries may use although the short run does not produce them, with why. Each must
   * be in docs/metrics.md, whose tags column then stands in for the labels a scrape would show
   * (when the run does produce one, its real labels are used).
   */
  static final Map<String, String> RARE_EVENT_METRICS = Map.of(
      "protoshift_updates_dropped_total",
      "a connection must stay behind for a newer state to replace one in its queue; on loopback with small rooms"
          + " that takes far longer than this test may (SlowConsumerTest produces it with 200 ghosts at 100 Hz)",
      "protoshift_shadow_mismatches_total",
      "needs shadow verification on and a frame that differs from its view, i.e. a converter bug; session's"
          + " RoomFanoutTest produces one with a deliberately wrong encoder");

  static String scrape;
  static Map<String, Set<String>> exported;

  @BeforeAll
  static void runTheServer() throws Exception {
    scrape = RolloutWorkload.runAndScrape();
    exported = Exposition.labelsByName(scrape);
  }

  static MetricReferences references() {
    Map<String, Set<String>> documented = MonitoringAssets.documentedTags();
    Map<String, Set<String>> rare = new TreeMap<>();
    RARE_EVENT_METRICS.keySet().forEach(m -> rare.put(m, documented.getOrDefault(m, Set.of())));
    return new MetricReferences(exported, rare, MonitoringAssets.rules());
  }

  static List<String> problems(List<MonitoringAssets.Query> queries) {
    MetricReferences refs = references();
    List<String> out = new ArrayList<>();
    queries.forEach(q -> out.addAll(refs.problems(q)));
    return out;
  }

  @Test
  void workload_producedTheEventsTheQueriesAreAbout() {
    assertThat(scrape)
        .containsPattern("protoshift_decode_errors_total\\{protocol=\"protobuf\"")
        .containsPattern("protoshift_decode_errors_total\\{protocol=\"json\"")
        .contains("protoshift_protocol_switches_total{from=\"protobuf\",reason=\"kill_switch\",to=\"json\"}")
        .contains("protoshift_protocol_switches_total{from=\"json\",reason=\"in_rollout\",to=\"protobuf\"}")
        .contains("protoshift_protocol_switches_total{from=\"protobuf\",reason=\"decode_errors\",to=\"json\"}")
        .contains("protoshift_config_changes_total{result=\"rejected\",source=\"admin\"} 1.0")
        .contains("protoshift_rollout_decisions_total{protocol=\"json\",reason=\"no_client_support\"}")
        .contains("protoshift_ws_upgrades_rejected_total{reason=\"bad_request\"}");
    assertThat(exported).containsKeys("protoshift_encode_seconds_bucket", "protoshift_decode_seconds_bucket",
        "protoshift_ws_message_size_bytes_bucket", "protoshift_room_tick_seconds_bucket", "jvm_gc_pause_seconds_sum");
  }

  @Test
  void everyDashboardQuery_usesOnlyExportedMetricsAndLabels() {
    List<MonitoringAssets.Query> queries = MonitoringAssets.dashboardQueries(MonitoringAssets.dashboard());
    assertThat(queries).hasSizeGreaterThan(30);
    assertThat(problems(queries)).isEmpty();
  }

  @Test
  void everyRuleExpression_usesOnlyExportedOrRecordedMetricsAndLabels() {
    List<MonitoringAssets.Query> queries = MonitoringAssets.ruleQueries(MonitoringAssets.rules());
    assertThat(queries).hasSizeGreaterThan(10);
    assertThat(problems(queries)).isEmpty();
  }

  @Test
  void rareEventMetrics_areDocumentedInMetricsMd_withTheirTags() {
    Map<String, Set<String>> documented = MonitoringAssets.documentedTags();
    for (String metric : RARE_EVENT_METRICS.keySet()) {
      assertThat(documented).as("docs/metrics.md documents " + metric).containsKey(metric);
      assertThat(documented.get(metric)).as(metric + " has documented tags").isNotEmpty();
    }
  }

  @Test
  void everyProtoshiftMetricTheServerExports_isDocumentedInMetricsMd() {
    Map<String, Set<String>> documented = MonitoringAssets.documentedTags();
    List<String> undocumented = new ArrayList<>();
    for (String name : exported.keySet()) {
      if (!name.startsWith("protoshift_")) {
        continue;
      }
      String base = name.replaceFirst("_(bucket|count|sum|max)$", "");
      if (!documented.containsKey(name) && !documented.containsKey(base)) {
        undocumented.add(name);
      }
    }
    assertThat(undocumented).as("exported by the server but not in docs/metrics.md's tables").isEmpty();
  }
}
