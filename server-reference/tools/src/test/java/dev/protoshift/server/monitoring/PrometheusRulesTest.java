package dev.protoshift.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules file's shape, without promtool: every alert documented (summary, description, a
 * runbook link to a heading of docs/operations.md), given a severity, and tested by
 * monitoring/prometheus/tests with a case where it fires and one where it does not; every
 * recording rule checked by a {@code promql_expr_test}.
 */
class PrometheusRulesTest {

  static final List<MonitoringAssets.Rule> RULES = MonitoringAssets.rules();
  static final String RUNBOOK = "https://github.com/protoshift/protoshift/blob/main/docs/operations.md#";

  static List<MonitoringAssets.Rule> alerts() {
    return RULES.stream().filter(r -> r.alert() != null).toList();
  }

  static List<JsonNode> ruleTests() throws IOException {
    try (Stream<Path> files = Files.list(MonitoringAssets.RULE_TESTS)) {
      return files.filter(f -> f.toString().endsWith(".yml")).sorted().map(MonitoringAssets::yaml).toList();
    }
  }

  /** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
  static String anchor(String heading) {
    return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
  }

  @Test
  void rulesFile_hasTheTenAlertsOfTheRollout_andRecordingRules() {
    assertThat(alerts()).extracting(MonitoringAssets.Rule::alert).containsExactlyInAnyOrder(
        "ProtoshiftProtobufDecodeErrorsAboveJson", "ProtoshiftConfigRejected", "ProtoshiftConfigSourceUnhealthy",
        "ProtoshiftProtobufUpdateSizeRegressed",
        "ProtoshiftClientsWithoutProtobufSupport", "ProtoshiftKillSwitchEngaged", "ProtoshiftSlowConsumerDrops",
        "ProtoshiftRampRolledBack", "ProtoshiftRampReplicasDisagree", "ProtoshiftShadowMismatch");
    assertThat(RULES.stream().filter(r -> r.record() != null)).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void everyAlert_hasSummaryDescriptionSeverity_andARunbookLinkToAHeadingOfOperationsMd() {
    Set<String> anchors = new HashSet<>();
    MonitoringAssets.readString(MonitoringAssets.OPERATIONS_DOC).lines().filter(l -> l.startsWith("#"))
        .forEach(l -> anchors.add(anchor(l.replaceFirst("^#+", ""))));
    for (MonitoringAssets.Rule a : alerts()) {
      assertThat(a.annotations()).as(a.alert()).containsKeys("summary", "description", "runbook_url");
      assertThat(a.labels().get("severity")).as(a.alert()).isIn("critical", "warning", "info");
      String url = a.annotations().get("runbook_url");
      assertThat(url).as(a.alert()).startsWith(RUNBOOK);
      assertThat(anchors).as(a.alert() + " runbook anchor in docs/operations.md").contains(url.substring(RUNBOOK.length()));
    }
  }

  @Test
  void everyAlert_isTestedFiring_andNotFiring() throws IOException {
    Set<String> firing = new HashSet<>();
    Set<String> quiet = new HashSet<>();
    for (JsonNode file : ruleTests()) {
      for (JsonNode test : file.path("tests")) {
        for (JsonNode t : test.path("alert_rule_test")) {
          (t.path("exp_alerts").isEmpty() ? quiet : firing).add(t.path("alertname").asText());
        }
      }
    }
    for (MonitoringAssets.Rule a : alerts()) {
      assertThat(firing).as(a.alert() + " has a firing case").contains(a.alert());
      assertThat(quiet).as(a.alert() + " has a non-firing case").contains(a.alert());
    }
  }

  @Test
  void everyRecordingRule_isCheckedByAnExpressionTest() throws IOException {
    Set<String> tested = new HashSet<>();
    for (JsonNode file : ruleTests()) {
      assertThat(file.path("rule_files").get(0).asText()).isEqualTo("../protoshift-rules.yml");
      for (JsonNode test : file.path("tests")) {
        test.path("promql_expr_test").forEach(t -> tested.add(t.path("expr").asText().strip()));
      }
    }
    RULES.stream().filter(r -> r.record() != null)
        .forEach(r -> assertThat(tested).as("a promql_expr_test of " + r.record()).contains(r.record()));
  }
}
