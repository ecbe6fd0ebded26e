package dev.protoshift.versioning.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/configuration.md's table of the protobuf_ramp keys against the keys the plan reads, with their defaults. */
class RampPlanDocsTest {

  static List<List<String>> rows() {
    return DocsPages.table("configuration.md", "ramp-keys");
  }

  @Test
  void docsTable_listsEveryKeyOfTheSection_andOfItsGates() {
    List<String> expected = new ArrayList<>(RampPlanReader.KEYS.stream().filter(k -> !k.equals("gates")).toList());
    RampPlanReader.GATE_KEYS.forEach(k -> expected.add("gates." + k));

    assertThat(rows().stream().map(r -> DocsPages.code(r.get(0)))).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void docsDefaults_areTheDefaultsOfAPlanThatGivesOnlyTheRequiredKeys() {
    RampPlan plan = RampPlan.parseFile("protobuf_ramp: {enabled: true, start: \"2026-12-01T09:00:00Z\", steps: [10],"
        + " state_dir: d}", "f").orElseThrow();
    RampPlan.Gates g = plan.gates();
    for (List<String> row : rows()) {
      String key = DocsPages.code(row.get(0));
      String documented = row.get(1);
      switch (key) {
        case "soak" -> assertThat(documented).isEqualTo("`" + hours(plan.steps().get(0).soak()) + "`");
        case "evaluation_interval" -> assertThat(documented).isEqualTo("`1m`").satisfies(d ->
            assertThat(plan.evaluationInterval().toMinutes()).isEqualTo(1));
        case "gate_window" -> assertThat(documented).isEqualTo("`15m`").satisfies(d ->
            assertThat(plan.gateWindow().toMinutes()).isEqualTo(15));
        case "on_failure" -> assertThat(documented).isEqualTo("`" + plan.onFailure().code() + "`");
        case "gates.decode_error_margin" -> assertThat(documented).isEqualTo("`" + g.decodeErrorMargin() + "`");
        case "gates.disconnect_margin" -> assertThat(documented).isEqualTo("`" + g.disconnectMargin() + "`");
        case "gates.switch_back_margin" -> assertThat(documented).isEqualTo("`" + g.switchBackMargin() + "`");
        case "gates.min_protobuf_messages" -> assertThat(documented).isEqualTo("`" + g.minProtobufMessages() + "`");
        case "gates.min_protobuf_connection_hours" ->
            assertThat(documented).isEqualTo("`" + (long) g.minProtobufConnectionHours() + "`");
        case "enabled" -> assertThat(documented).isEqualTo("`false`");
        default -> assertThat(documented).as(key).isEqualTo("required when enabled");
      }
    }
  }

  private static String hours(java.time.Duration d) {
    return d.toHours() + "h";
  }
}
