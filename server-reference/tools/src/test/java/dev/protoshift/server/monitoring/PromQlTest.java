package dev.protoshift.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PromQlTest {

  static Map<String, Set<String>> matchers(PromQl.Refs refs) {
    Map<String, Set<String>> out = new TreeMap<>();
    refs.selectors().forEach(s -> out.computeIfAbsent(s.metric(), k -> new TreeSet<>()).addAll(s.matcherLabels()));
    return out;
  }

  static PromQl.Clause clause(PromQl.Refs refs, String keyword) {
    return refs.clauses().stream().filter(c -> c.keyword().equals(keyword)).findFirst().orElseThrow();
  }

  @Test
  void scan_histogramQuantileWithGrafanaVariables_findsBucketMetricMatchersAndByLabels() {
    PromQl.Refs refs = PromQl.scan("histogram_quantile(0.99, sum by (le, protocol) "
        + "(rate(protoshift_encode_seconds_bucket{job=~\"$job\", type=\"state_update\"}[$__rate_interval])))");
    assertThat(matchers(refs)).containsExactly(Map.entry("protoshift_encode_seconds_bucket", Set.of("job", "type")));
    assertThat(clause(refs, "by").labels()).containsExactly("le", "protocol");
    assertThat(clause(refs, "by").scope()).extracting(PromQl.Selector::metric)
        .containsExactly("protoshift_encode_seconds_bucket");
  }

  @Test
  void scan_trailingByAndBinaryMatching_scopesByToItsOwnAggregation() {
    PromQl.Refs refs = PromQl.scan("sum(rate(a_total[5m])) by (protocol) / ignoring(reason) group_left(version) "
        + "sum without (code) (b)");
    assertThat(matchers(refs).keySet()).containsExactly("a_total", "b");
    assertThat(clause(refs, "by").scope()).extracting(PromQl.Selector::metric).containsExactly("a_total");
    assertThat(clause(refs, "without").labels()).containsExactly("code");
    assertThat(clause(refs, "without").scope()).extracting(PromQl.Selector::metric).containsExactly("b");
    assertThat(clause(refs, "ignoring").labels()).containsExactly("reason");
    assertThat(clause(refs, "group_left").labels()).containsExactly("version");
    assertThat(clause(refs, "ignoring").scope()).hasSize(2);
  }

  @Test
  void scan_skipsStringsNumbersDurationsOffsetsAndKeywords() {
    PromQl.Refs refs = PromQl.scan("""
        # a comment naming not_a_metric{x="y"}
        count_values("value", x) > bool 1e-3 and on() vector(0) unless y offset -1d30m
        or label_replace(z, "dst", "$1", "src", "(.*)") * inf - NaN
        """);
    assertThat(matchers(refs).keySet()).containsExactly("x", "y", "z");
  }

  @Test
  void scan_bareMetric_rangeAndSubquery_andNameMatcher() {
    PromQl.Refs refs = PromQl.scan("max_over_time(rate(protoshift_rooms[5m])[1h:1m]) + {__name__=\"other\", a!~\"b\"}");
    assertThat(matchers(refs)).containsExactly(Map.entry("other", Set.of("a")), Map.entry("protoshift_rooms", Set.of()));
  }

  @Test
  void scan_recordingRuleNamesWithColons_areMetrics() {
    PromQl.Refs refs = PromQl.scan("job_protocol:protoshift_decode_errors_per_connection:rate5m{protocol=\"json\"} * 2");
    assertThat(matchers(refs))
        .containsExactly(Map.entry("job_protocol:protoshift_decode_errors_per_connection:rate5m", Set.of("protocol")));
  }

  @Test
  void scan_aMetricNamedLikeAFunction_isAMetricWhenNotCalled() {
    assertThat(matchers(PromQl.scan("rate + time()")).keySet()).containsExactly("rate");
  }

  @Test
  void scan_badInput_namesWhatIsWrongAndWhere() {
    assertThatThrownBy(() -> PromQl.scan("sum(rate(x[5m])")).hasMessageContaining("unclosed '('");
    assertThatThrownBy(() -> PromQl.scan("rte(x[5m])")).hasMessageContaining("unknown function 'rte'");
    assertThatThrownBy(() -> PromQl.scan("x{job=~$job}")).hasMessageContaining("label=\"value\"");
    assertThatThrownBy(() -> PromQl.scan("x by (job)")).hasMessageContaining("'by' outside an aggregation");
    assertThatThrownBy(() -> PromQl.scan("sum by (job, \"x\") (y)")).hasMessageContaining("expected a label name");
    assertThatThrownBy(() -> PromQl.scan("{job=\"a\"}")).hasMessageContaining("without a metric name");
    assertThatThrownBy(() -> PromQl.scan("x{a=\"b\"]")).hasMessageContaining("'{' closed by ']'");
    assertThatThrownBy(() -> PromQl.scan("x{a=\"b}")).hasMessageContaining("unclosed string at offset 4");
    assertThatThrownBy(() -> PromQl.scan("x ; y")).hasMessageContaining("unexpected character ';' at offset 2");
  }

  @Test
  void scan_arbitraryText_returnsOrFailsWithIllegalArgumentOnly() {
    qt().withExamples(3000).forAll(strings().betweenCodePoints(32, 126).ofLengthBetween(0, 40)).checkAssert(text -> {
      try {
        PromQl.scan(text);
      } catch (IllegalArgumentException expected) {
        assertThat(expected.getMessage()).contains("PromQL");
      }
    });
  }

  static final List<String> METRICS = List.of("a_total", "b_seconds_bucket", "job:c:rate5m", "rooms");
  static final List<String> LABELS = List.of("job", "le", "protocol", "reason", "sum", "by");

  /** A generated query: the text, and the metrics, matcher labels and by-labels it contains. */
  record Generated(String text, Map<String, Set<String>> matchers, Set<String> byLabels) {}

  /** Builds an expression from choices: selectors, wrapped in rate/sum by/binary operators with spaces and quotes varied. */
  static Generated generate(List<Integer> choices) {
    Map<String, Set<String>> matchers = new TreeMap<>();
    Set<String> by = new LinkedHashSet<>();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i + 3 < choices.size(); i += 4) {
      String metric = METRICS.get(choices.get(i) % METRICS.size());
      Set<String> labels = new LinkedHashSet<>();
      for (int b = 0; b < LABELS.size(); b++) {
        if ((choices.get(i + 1) >> b & 1) == 1) {
          labels.add(LABELS.get(b));
        }
      }
      matchers.computeIfAbsent(metric, k -> new TreeSet<>()).addAll(labels);
      String quote = choices.get(i + 2) % 2 == 0 ? "\"" : "'";
      String selector = metric + (labels.isEmpty() && choices.get(i + 2) % 3 == 0 ? "" : labels.stream()
          .map(l -> l + (l.length() % 2 == 0 ? "=~" : "!=") + quote + "$" + l + quote)
          .collect(Collectors.joining(", ", "{", "}")));
      String term = switch (choices.get(i + 3) % 4) {
        case 0 -> selector;
        case 1 -> "rate(" + selector + "[$__rate_interval])";
        case 2 -> {
          String byLabel = LABELS.get(choices.get(i + 3) % LABELS.size());
          by.add(byLabel);
          yield "sum by (" + byLabel + ") (increase(" + selector + "[5m] offset 1h))";
        }
        default -> "histogram_quantile(0.5, " + selector + ")";
      };
      out.append(out.isEmpty() ? "" : choices.get(i) % 2 == 0 ? " / on(job) " : "\n  or ").append(term);
    }
    return new Generated(out.isEmpty() ? "vector(1)" : out.toString(), matchers, by);
  }

  @Test
  void scan_generatedQueries_findsExactlyTheMetricsAndLabelsThatWentIn() {
    qt().withExamples(500).forAll(lists().of(integers().between(0, 1 << 10)).ofSizeBetween(0, 24)).checkAssert(choices -> {
      Generated g = generate(choices);
      PromQl.Refs refs = PromQl.scan(g.text());
      assertThat(matchers(refs)).as(g.text()).isEqualTo(g.matchers());
      assertThat(refs.clauses().stream().filter(c -> c.keyword().equals("by"))
          .flatMap(c -> c.labels().stream()).collect(Collectors.toSet())).as(g.text()).isEqualTo(g.byLabels());
    });
  }
}
