package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ComparisonChartTest {

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void svg_isWellFormedWithBarsForBothSidesAndTheTargetLine() throws Exception {
    Comparison c = SyntheticRuns.compare(SyntheticRuns.mixed(10));
    String svg = ComparisonChart.svg(c, Targets.DEFAULTS);
    Document doc = parse(svg);
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    NodeList rects = doc.getElementsByTagName("rect");
    long candidateBars = countFill(rects, ComparisonChart.CANDIDATE_COLOR);
    long baselineBars = countFill(rects, ComparisonChart.BASELINE_COLOR);
    // bandwidth, latency p50 and p99, decode p50 and p99, plus the legend swatch
    assertThat(candidateBars).isEqualTo(6);
    assertThat(baselineBars).isEqualTo(6);
    assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(2);
    assertThat(svg).contains("target: 30% below baseline").contains("stroke-dasharray");
    assertThat(svg).doesNotContain("<script");
  }

  @Test
  void svg_barWidthsFollowTheValues() throws Exception {
    Comparison c = SyntheticRuns.compare(SyntheticRuns.mixed(10));
    Document doc = parse(ComparisonChart.svg(c, Targets.DEFAULTS));
    NodeList rects = doc.getElementsByTagName("rect");
    double candidate = -1;
    double baseline = -1;
    for (int i = 0; i < rects.getLength(); i++) {
      var e = (org.w3c.dom.Element) rects.item(i);
      if (e.getAttribute("width").isEmpty() || e.getAttribute("width").equals("14")) {
        continue;
      }
      if (candidate < 0 && e.getAttribute("fill").equals(ComparisonChart.CANDIDATE_COLOR)) {
        candidate = Double.parseDouble(e.getAttribute("width"));
      } else if (baseline < 0 && e.getAttribute("fill").equals(ComparisonChart.BASELINE_COLOR)) {
        baseline = Double.parseDouble(e.getAttribute("width"));
      }
    }
    MetricComparison bw = c.metric(Metric.BANDWIDTH);
    assertThat(candidate / baseline).isCloseTo(bw.candidate() / bw.baseline(), org.assertj.core.api.Assertions.within(0.01));
  }

  @Test
  void svg_labelsAreEscaped() throws Exception {
    LoadResults r = SyntheticRuns.mixed(3);
    ComparisonSide a = new ComparisonSide("<a&b>.json", r.run(), r.server(), List.of(r.cohorts().get(0)));
    ComparisonSide b = new ComparisonSide("\"q\".json", r.run(), r.server(), List.of(r.cohorts().get(1)));
    String svg = ComparisonChart.svg(Comparison.of(a, b, BootstrapSettings.DEFAULTS), Targets.DEFAULTS);
    parse(svg);
    assertThat(svg).contains("&lt;a&amp;b&gt;.json").contains("&quot;q&quot;.json");
  }

  @Test
  void svg_unmeasuredDecode_saysSo() throws Exception {
    LoadResults r = SyntheticRuns.mixed(3);
    CohortResults empty = CohortResults.of("protobuf", "1.2.0", 0, List.of(new ConnectionSample(0, 1, 0, 0, 0, 0, 0, 0,
        Histograms.encode(Histograms.newLatencyUs()), Histograms.encode(Histograms.newDecodeNs()))));
    ComparisonSide a = new ComparisonSide("a", r.run(), null, List.of(empty));
    String svg = ComparisonChart.svg(Comparison.of(a, SyntheticRuns.side(r, "json"), BootstrapSettings.DEFAULTS),
        Targets.DEFAULTS);
    parse(svg);
    assertThat(svg).contains("not measured");
  }

  @Test
  void niceCeiling_roundsUpToOneTwoOrFive() {
    assertThat(ComparisonChart.niceCeiling(0.7)).isEqualTo(1.0);
    assertThat(ComparisonChart.niceCeiling(1.3)).isEqualTo(2.0);
    assertThat(ComparisonChart.niceCeiling(4200)).isEqualTo(5000.0);
    assertThat(ComparisonChart.niceCeiling(5001)).isEqualTo(10000.0);
  }

  private static long countFill(NodeList rects, String color) {
    long n = 0;
    for (int i = 0; i < rects.getLength(); i++) {
      if (((org.w3c.dom.Element) rects.item(i)).getAttribute("fill").equals(color)) {
        n++;
      }
    }
    return n;
  }
}
