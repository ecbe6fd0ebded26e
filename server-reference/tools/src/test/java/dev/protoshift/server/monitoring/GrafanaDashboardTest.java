package dev.protoshift.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana JSON model of monitoring/grafana/protoshift-rollout.json: loadable by provisioning
 * (schema 39, a stable uid, no numeric id, no import-only {@code __inputs}), every query through the
 * {@code ${datasource}} variable, unique panel ids, and a grid layout that fits and does not overlap.
 */
class GrafanaDashboardTest {

  static final JsonNode DASHBOARD = MonitoringAssets.dashboard();
  static final String DATASOURCE_UID = "${datasource}";
  /** Grafana's own variables that queries may use. */
  static final Set<String> BUILT_IN_VARIABLES = Set.of("__rate_interval", "__interval", "__range");
  static final Pattern VARIABLE = Pattern.compile("\\$\\{?([a-zA-Z_][a-zA-Z0-9_]*)");

  static List<JsonNode> queryPanels() {
    return MonitoringAssets.panels(DASHBOARD).stream().filter(p -> !p.path("type").asText().equals("row")).toList();
  }

  @Test
  void dashboard_isProvisioningReady_schema39_stableUid_noIdNoInputs() {
    assertThat(DASHBOARD.path("schemaVersion").asInt()).isEqualTo(39);
    assertThat(DASHBOARD.path("uid").asText()).isEqualTo("protoshift-rollout");
    assertThat(DASHBOARD.path("id").isNull()).as("id is null: Grafana assigns it").isTrue();
    assertThat(DASHBOARD.has("__inputs")).as("no import-only __inputs").isFalse();
    assertThat(DASHBOARD.path("title").asText()).isNotBlank();
  }

  @Test
  void templating_hasAPrometheusDatasourceVariable_andJobInstanceVersionVariablesQueryingThroughIt() {
    List<String> names = new ArrayList<>();
    for (JsonNode v : DASHBOARD.path("templating").path("list")) {
      names.add(v.path("name").asText());
      if (v.path("type").asText().equals("query")) {
        assertThat(v.path("datasource").path("uid").asText()).as(v.path("name").asText()).isEqualTo(DATASOURCE_UID);
      }
    }
    assertThat(names).containsExactly("datasource", "job", "instance", "version");
    JsonNode datasource = DASHBOARD.path("templating").path("list").get(0);
    assertThat(datasource.path("type").asText()).isEqualTo("datasource");
    assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
  }

  @Test
  void everyQueryPanel_andEveryTarget_usesTheDatasourceVariable() {
    assertThat(queryPanels()).hasSizeGreaterThan(20).allSatisfy(p -> {
      String title = p.path("title").asText();
      assertThat(p.path("datasource").path("type").asText()).as(title).isEqualTo("prometheus");
      assertThat(p.path("datasource").path("uid").asText()).as(title).isEqualTo(DATASOURCE_UID);
      assertThat(p.path("targets")).as(title + " has targets").isNotEmpty();
      p.path("targets").forEach(t -> assertThat(t.path("datasource").path("uid").asText()).as(title)
          .isEqualTo(DATASOURCE_UID));
    });
    for (JsonNode a : DASHBOARD.path("annotations").path("list")) {
      if (a.path("builtIn").asInt() != 1) {
        assertThat(a.path("datasource").path("uid").asText()).as(a.path("name").asText()).isEqualTo(DATASOURCE_UID);
      }
    }
  }

  @Test
  void panelIds_areUnique_andTitlesToo() {
    List<JsonNode> all = MonitoringAssets.panels(DASHBOARD);
    assertThat(all.stream().map(p -> p.path("id").asInt())).doesNotHaveDuplicates().doesNotContain(0);
    assertThat(queryPanels().stream().map(p -> p.path("title").asText())).doesNotHaveDuplicates();
  }

  @Test
  void everyPanel_hasAGridPos_insideTheGrid_andNoTwoOverlap() {
    Set<String> cells = new HashSet<>();
    for (JsonNode p : MonitoringAssets.panels(DASHBOARD)) {
      JsonNode g = p.path("gridPos");
      String title = p.path("title").asText();
      for (String field : List.of("h", "w", "x", "y")) {
        assertThat(g.path(field).isInt()).as(title + " gridPos." + field).isTrue();
      }
      assertThat(g.path("w").asInt()).as(title).isBetween(1, 24);
      assertThat(g.path("x").asInt() + g.path("w").asInt()).as(title + " fits 24 columns").isLessThanOrEqualTo(24);
      for (int x = g.path("x").asInt(); x < g.path("x").asInt() + g.path("w").asInt(); x++) {
        for (int y = g.path("y").asInt(); y < g.path("y").asInt() + g.path("h").asInt(); y++) {
          assertThat(cells.add(x + "," + y)).as(title + " overlaps another panel at " + x + "," + y).isTrue();
        }
      }
    }
  }

  @Test
  void everyTarget_hasARefIdUniqueInItsPanel_andAnExpressionThatScans() {
    for (JsonNode p : queryPanels()) {
      Set<String> refIds = new TreeSet<>();
      for (JsonNode t : p.path("targets")) {
        assertThat(refIds.add(t.path("refId").asText())).as(p.path("title") + " refId " + t.path("refId")).isTrue();
      }
    }
    for (MonitoringAssets.Query q : MonitoringAssets.dashboardQueries(DASHBOARD)) {
      assertThat(q.expr()).as(q.where()).isNotBlank();
      PromQl.scan(q.expr());
    }
  }

  @Test
  void everyVariableAQueryUses_isDefined() {
    Set<String> defined = new HashSet<>(BUILT_IN_VARIABLES);
    DASHBOARD.path("templating").path("list").forEach(v -> defined.add(v.path("name").asText()));
    for (MonitoringAssets.Query q : MonitoringAssets.dashboardQueries(DASHBOARD)) {
      Matcher m = VARIABLE.matcher(q.expr());
      while (m.find()) {
        assertThat(defined).as(q.where() + " uses $" + m.group(1)).contains(m.group(1));
      }
    }
  }

  @Test
  void provisioningExamples_pointAtTheDashboardFolder_andAPrometheusDatasource() {
    JsonNode dashboards = MonitoringAssets.yaml(MonitoringAssets.PROVISIONING.resolve("dashboards/protoshift.yml"));
    assertThat(dashboards.path("apiVersion").asInt()).isEqualTo(1);
    assertThat(dashboards.path("providers").get(0).path("type").asText()).isEqualTo("file");
    assertThat(dashboards.path("providers").get(0).path("options").path("path").asText()).isNotBlank();
    JsonNode datasources = MonitoringAssets.yaml(MonitoringAssets.PROVISIONING.resolve("datasources/prometheus.yml"));
    assertThat(datasources.path("datasources").get(0).path("type").asText()).isEqualTo("prometheus");
  }
}
