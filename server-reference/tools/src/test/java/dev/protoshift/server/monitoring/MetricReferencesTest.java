package dev.protoshift.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricReferencesTest {

  static final String SCRAPE = """
      # HELP protoshift_decode_errors_total Inbound messages that failed to decode
      # TYPE protoshift_decode_errors_total counter
      protoshift_decode_errors_total{protocol="json",reason="bad_frame",version="1.0.0"} 1.0
      protoshift_encode_seconds_bucket{protocol="json",type="state_update",version="1.0.0",le="0.001"} 3
      protoshift_ws_connections{protocol="json",version="1.0.0"} 2.0
      protoshift_ws_connections_closed_total{code="1000"} 1.0
      protoshift_rooms 1.0
      """;

  static MetricReferences references(List<MonitoringAssets.Rule> rules) {
    return new MetricReferences(Exposition.labelsByName(SCRAPE),
        Map.of("protoshift_updates_dropped_total", Set.of("protocol", "version")), rules);
  }

  static List<String> problems(String expr) {
    return references(List.of()).problems(new MonitoringAssets.Query("q", expr, Set.of()));
  }

  @Test
  void exposition_readsNamesAndLabels_ofEverySample() {
    assertThat(Exposition.labelsByName(SCRAPE)).containsEntry("protoshift_encode_seconds_bucket",
        Set.of("le", "protocol", "type", "version")).containsEntry("protoshift_rooms", Set.of());
  }

  @Test
  void problems_exportedMetricsAndLabels_none() {
    assertThat(problems("histogram_quantile(0.99, sum by (le, protocol) (rate(protoshift_encode_seconds_bucket"
        + "{job=~\"$job\", instance=~\"$instance\", type=\"state_update\"}[5m])))")).isEmpty();
  }

  @Test
  void problems_renamedMetric_namesTheMetricThatDoesNotExist() {
    assertThat(problems("sum(protoshift_room)")).singleElement().asString()
        .contains("metric 'protoshift_room' is not exported");
  }

  @Test
  void problems_unknownMatcherLabel_namesLabelMetricAndTheLabelsItHas() {
    assertThat(problems("protoshift_ws_connections{protocl=\"json\"}")).singleElement().asString()
        .contains("has no label 'protocl'").contains("[protocol, version]");
  }

  @Test
  void problems_byLabelOfAnotherMetric_isReported_becauseByBelongsToItsAggregation() {
    assertThat(problems("sum by (code) (protoshift_ws_connections) / sum(protoshift_ws_connections_closed_total)"))
        .singleElement().asString().contains("'by (code)'").contains("[protoshift_ws_connections]");
  }

  @Test
  void problems_onLabel_mayComeFromEitherSide() {
    assertThat(problems("protoshift_ws_connections * on (code) group_left protoshift_ws_connections_closed_total"))
        .isEmpty();
    assertThat(problems("protoshift_ws_connections * on (cohort) protoshift_rooms")).singleElement().asString()
        .contains("'on (cohort)'");
  }

  @Test
  void problems_rareMetric_isCheckedAgainstItsDocumentedTags() {
    assertThat(problems("rate(protoshift_updates_dropped_total{protocol=\"json\"}[5m])")).isEmpty();
    assertThat(problems("rate(protoshift_updates_dropped_total{reason=\"x\"}[5m])")).singleElement().asString()
        .contains("documented rare-event metric").contains("has no label 'reason'");
  }

  @Test
  void problems_recordedMetric_carriesItsByLabelsAndRuleLabels() {
    MonitoringAssets.Rule rule = new MonitoringAssets.Rule("g", "job_protocol:errors:rate5m", null,
        "sum by (job, protocol) (rate(protoshift_decode_errors_total[5m]))", Map.of("team", "game"), Map.of());
    MetricReferences refs = references(List.of(rule));
    assertThat(refs.problems(new MonitoringAssets.Query("q", "job_protocol:errors:rate5m{protocol=\"json\", team=\"game\"}",
        Set.of()))).isEmpty();
    assertThat(refs.problems(new MonitoringAssets.Query("q", "job_protocol:errors:rate5m{reason=\"bad_frame\"}",
        Set.of()))).singleElement().asString().contains("(recorded) has no label 'reason'");
  }

  @Test
  void problems_labelValuesVariable_needsItsLabelOnTheMetric() {
    MetricReferences refs = references(List.of());
    assertThat(refs.problems(new MonitoringAssets.Query("v", "protoshift_ws_connections", Set.of("version")))).isEmpty();
    assertThat(refs.problems(new MonitoringAssets.Query("v", "protoshift_ws_connections", Set.of("room"))))
        .singleElement().asString().contains("label 'room'");
  }

  @Test
  void problems_unreadableQuery_isReportedNotThrown() {
    assertThat(problems("sum(rate(protoshift_rooms[5m])")).singleElement().asString().contains("cannot be read");
  }
}
