package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  @Test
  void parse_skipsCommentsAndReadsNamesLabelsAndValues() {
    List<PrometheusText.Sample> s = PrometheusText.parse("""
        # HELP process_cpu_usage The "recent cpu usage"
        # TYPE process_cpu_usage gauge
        process_cpu_usage 0.25

        protoshift_ws_sent_bytes_total{protocol="json",version="none"} 612000.0
        x_bucket{le="+Inf"} 3 1700000000000
        """);
    assertThat(s).containsExactly(
        new PrometheusText.Sample("process_cpu_usage", Map.of(), 0.25),
        new PrometheusText.Sample("protoshift_ws_sent_bytes_total", Map.of("protocol", "json", "version", "none"), 612000),
        new PrometheusText.Sample("x_bucket", Map.of("le", "+Inf"), 3));
  }

  @Test
  void parse_labelValuesWithEscapesCommasAndBraces() {
    PrometheusText.Sample s = PrometheusText.parse(
        "m{a=\"q\\\"uote\",b=\"back\\\\slash\",c=\"x,y}\",d=\"line\\nbreak\"} 1").get(0);
    assertThat(s.labels()).containsEntry("a", "q\"uote").containsEntry("b", "back\\slash")
        .containsEntry("c", "x,y}").containsEntry("d", "line\nbreak");
  }

  @Test
  void parse_specialValues() {
    List<PrometheusText.Sample> s = PrometheusText.parse("a NaN\nb +Inf\nc -Inf\nd 1.5E-7\n");
    assertThat(s.get(0).value()).isNaN();
    assertThat(s.get(1).value()).isInfinite().isPositive();
    assertThat(s.get(2).value()).isInfinite().isNegative();
    assertThat(s.get(3).value()).isEqualTo(1.5e-7);
  }

  @Test
  void parse_badLine_namesTheLineNumberAndLine() {
    assertThatThrownBy(() -> PrometheusText.parse("ok 1\nbroken{a=\"x\" 2\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("broken{a=");
    assertThatThrownBy(() -> PrometheusText.parse("m notanumber"))
        .hasMessageContaining("\"notanumber\" is not a number");
  }
}
