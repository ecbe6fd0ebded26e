package dev.protoshift.tools.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The compare tool's chart: one self-contained SVG (no scripts, no external resources) with
 * bandwidth per connection against the target, latency p50/p99, the latency distribution
 * (percentile curves), and client decode p50/p99 — each bar with its confidence interval.
 * {@link #html} wraps it with the text report in a single HTML page.
 */
public final class ComparisonChart {

  static final String CANDIDATE_COLOR = "#1f6fb4";
  static final String BASELINE_COLOR = "#e8710a";
  private static final int WIDTH = 960;
  private static final int LEFT = 230;
  private static final int RIGHT = 60;
  private static final double[] CURVE_PERCENTILES = {0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99};

  private record Bar(String label, double value, Interval interval, String color) {}

  private ComparisonChart() {}

  /** The chart as an SVG document. */
  public static String svg(Comparison c, Targets targets) {
    StringBuilder body = new StringBuilder();
    int y = 70;
    double rates = c.metric(Metric.UPDATE_RATE).ratioPoint();
    boolean equalRates = Double.isNaN(rates) || Math.abs(rates - 1) <= Targets.RATE_TOLERANCE;
    MetricComparison bw = c.metric(equalRates ? Metric.BANDWIDTH : Metric.MESSAGE_SIZE);
    double target = bw.baseline() * (1 - targets.bandwidthReduction());
    y = bars(body, y, equalRates ? "Bandwidth per connection (bytes/s)"
        : "Bytes per update (update rates differ: bandwidth at equal rates)", List.of(
        bar(c, true, "", bw), bar(c, false, "", bw)),
        Double.isFinite(target) ? target : Double.NaN,
        "target: " + Targets.percent(targets.bandwidthReduction()) + " below baseline");
    MetricComparison p50 = c.metric(Metric.LATENCY_P50);
    MetricComparison p99 = c.metric(Metric.LATENCY_P99);
    y = bars(body, y, "Latency, server tick to client receipt (ms)", List.of(
        bar(c, true, "p50 ", p50), bar(c, false, "p50 ", p50), bar(c, true, "p99 ", p99), bar(c, false, "p99 ", p99)),
        Double.NaN, "");
    y = curves(body, y, c);
    MetricComparison d50 = c.metric(Metric.DECODE_P50);
    MetricComparison d99 = c.metric(Metric.DECODE_P99);
    y = bars(body, y, "Client decode time (ms)", List.of(
        bar(c, true, "p50 ", d50), bar(c, false, "p50 ", d50), bar(c, true, "p99 ", d99), bar(c, false, "p99 ", d99)),
        targets.maxDecodeP99Ms(), "limit " + Metric.DECODE_P99.format(targets.maxDecodeP99Ms()) + " ms (p99)");
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">%n", WIDTH, y + 20, WIDTH, y + 20));
    svg.append("<title>protoshift load test: ").append(esc(c.candidate().label())).append(" vs ")
        .append(esc(c.baseline().label())).append("</title>\n");
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", WIDTH, y + 20));
    svg.append("<text x=\"20\" y=\"28\" font-size=\"18\" font-weight=\"bold\">protoshift load test</text>\n");
    legend(svg, 20, 50, CANDIDATE_COLOR, "candidate: " + c.candidate().label() + " (" + c.candidate().connections()
        + " connections)");
    legend(svg, 480, 50, BASELINE_COLOR, "baseline: " + c.baseline().label() + " (" + c.baseline().connections()
        + " connections)");
    svg.append(body);
    svg.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"%d\" fill=\"#555\">Whiskers: %s bootstrap intervals "
        + "over connections (%d resamples, seed %d).</text>%n", y + 5, Targets.percent(c.settings().confidence()),
        c.settings().resamples(), c.settings().seed()));
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** A self-contained HTML page: the chart, then the text report. */
  public static String html(Comparison c, Targets targets, String report) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>protoshift load test: "
        + esc(c.candidate().label()) + " vs " + esc(c.baseline().label()) + "</title>\n"
        + "<style>body{font-family:Helvetica,Arial,sans-serif;margin:24px;color:#222}"
        + "pre{font-size:12px;background:#f6f8fa;padding:12px;overflow-x:auto}</style>\n</head>\n<body>\n"
        + svg(c, targets) + "<pre>" + esc(report) + "</pre>\n</body>\n</html>\n";
  }

  private static Bar bar(Comparison c, boolean candidate, String prefix, MetricComparison m) {
    ComparisonSide side = candidate ? c.candidate() : c.baseline();
    return new Bar(prefix + (candidate ? "candidate" : "baseline") + " (" + side.protocolLabel() + ")",
        candidate ? m.candidate() : m.baseline(), candidate ? m.candidateInterval() : m.baselineInterval(),
        candidate ? CANDIDATE_COLOR : BASELINE_COLOR);
  }

  private static int bars(StringBuilder out, int y, String title, List<Bar> bars, double marker, String markerLabel) {
    out.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
        y + 24, esc(title)));
    int top = y + 36;
    int rowHeight = 26;
    double max = Double.isFinite(marker) ? marker : 0;
    for (Bar b : bars) {
      max = Math.max(max, finite(b.value()));
      if (b.interval() != null) {
        max = Math.max(max, b.interval().high());
      }
    }
    double scaleMax = niceCeiling(max <= 0 ? 1 : max * 1.05);
    int plotWidth = WIDTH - LEFT - RIGHT;
    int bottom = top + bars.size() * rowHeight;
    axis(out, top, bottom, scaleMax, plotWidth);
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int by = top + i * rowHeight;
      out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
          LEFT - 8, by + 15, esc(b.label())));
      if (Double.isNaN(b.value())) {
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#888\">not measured</text>%n", LEFT + 4, by + 15));
        continue;
      }
      double w = b.value() / scaleMax * plotWidth;
      out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\">"
          + "<title>%s: %s</title></rect>%n", LEFT, by + 2, w, b.color(), esc(b.label()), fmt(b.value())));
      if (b.interval() != null) {
        double lo = LEFT + b.interval().low() / scaleMax * plotWidth;
        double hi = LEFT + b.interval().high() / scaleMax * plotWidth;
        out.append(String.format(Locale.ROOT, "<path d=\"M%.1f %d V%d M%.1f %d H%.1f M%.1f %d V%d\" stroke=\"#222\" "
            + "stroke-width=\"1.5\" fill=\"none\"/>%n", lo, by + 5, by + 17, lo, by + 11, hi, hi, by + 5, by + 17));
      }
      out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n",
          LEFT + Math.max(w, b.interval() == null ? 0 : b.interval().high() / scaleMax * plotWidth) + 6, by + 15,
          fmt(b.value())));
    }
    if (Double.isFinite(marker) && marker > 0) {
      double x = LEFT + marker / scaleMax * plotWidth;
      out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c00\" "
          + "stroke-dasharray=\"5 3\"/>%n<text x=\"%.1f\" y=\"%d\" fill=\"#c00\" text-anchor=\"middle\">%s</text>%n",
          x, top - 4, x, bottom, x, top - 6, esc(markerLabel)));
    }
    return bottom + 30;
  }

  private static void axis(StringBuilder out, int top, int bottom, double scaleMax, int plotWidth) {
    out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n",
        LEFT, bottom, LEFT + plotWidth, bottom));
    for (int t = 0; t <= 5; t++) {
      double v = scaleMax * t / 5;
      double x = LEFT + (double) plotWidth * t / 5;
      out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
          + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n",
          x, top, x, bottom, x, bottom + 14, fmt(v)));
    }
  }

  /** Latency percentile curves: x is log(1 / (1 - p)), so 90, 99, 99.9 are evenly spaced. */
  private static int curves(StringBuilder out, int y, Comparison c) {
    out.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">"
        + "Latency distribution by percentile (ms)</text>%n", y + 24));
    int top = y + 40;
    int height = 200;
    int plotWidth = WIDTH - LEFT - RIGHT;
    Histogram cand = merged(c.candidate());
    Histogram base = merged(c.baseline());
    double top999 = CURVE_PERCENTILES[CURVE_PERCENTILES.length - 1];
    double maxMs = Math.max(cand.getValueAtPercentile(top999), base.getValueAtPercentile(top999)) / 1000.0;
    double scaleMax = niceCeiling(maxMs <= 0 ? 1 : maxMs * 1.05);
    double xMax = Math.log10(1 / (1 - CURVE_PERCENTILES[CURVE_PERCENTILES.length - 1] / 100));
    for (int t = 0; t <= 4; t++) {
      double v = scaleMax * t / 4;
      double py = top + height - (double) height * t / 4;
      out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%s</text>%n",
          LEFT, py, LEFT + plotWidth, py, LEFT - 8, py + 4, fmt(v)));
    }
    for (double p : CURVE_PERCENTILES) {
      double x = LEFT + xOf(p) / xMax * plotWidth;
      out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n",
          x, top + height + 16, trim(p)));
    }
    out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">"
        + "percentile (log scale of 1 / (1 - p))</text>%n", LEFT + plotWidth / 2, top + height + 32));
    out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n",
        LEFT, top + height, LEFT + plotWidth, top + height));
    curve(out, cand, CANDIDATE_COLOR, top, height, plotWidth, xMax, scaleMax);
    curve(out, base, BASELINE_COLOR, top, height, plotWidth, xMax, scaleMax);
    return top + height + 50;
  }

  private static void curve(StringBuilder out, Histogram h, String color, int top, int height, int plotWidth,
      double xMax, double scaleMax) {
    if (h.getTotalCount() == 0) {
      return;
    }
    List<String> points = new ArrayList<>();
    StringBuilder markers = new StringBuilder();
    for (double p : CURVE_PERCENTILES) {
      double ms = h.getValueAtPercentile(p) / 1000.0;
      double x = LEFT + xOf(p) / xMax * plotWidth;
      double py = top + height - ms / scaleMax * height;
      points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, py));
      markers.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\">"
          + "<title>p%s: %s ms</title></circle>%n", x, py, color, trim(p), fmt(ms)));
    }
    out.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" points=\"")
        .append(String.join(" ", points)).append("\"/>\n").append(markers);
  }

  private static String trim(double p) {
    return p == 0 ? "0" : new java.math.BigDecimal(Double.toString(p)).stripTrailingZeros().toPlainString();
  }

  private static double xOf(double percentile) {
    return Math.log10(1 / (1 - percentile / 100));
  }

  private static Histogram merged(ComparisonSide side) {
    Histogram h = new Histogram(1, Histograms.MAX_LATENCY_US, 2);
    for (ConnectionSample s : side.samples()) {
      h.add(Histograms.decode(s.latencyUs()));
    }
    return h;
  }

  private static void legend(StringBuilder svg, int x, int y, String color, String text) {
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>"
        + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, y - 11, color, x + 20, y, esc(text)));
  }

  /** 1, 2 or 5 times a power of ten, at or above v. */
  static double niceCeiling(double v) {
    double exp = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * exp >= v) {
        return m * exp;
      }
    }
    return 10 * exp;
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : 0;
  }

  private static String fmt(double v) {
    return Metric.LATENCY_P99.format(v);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
