package dev.protoshift.tools.loadtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of the Prometheus text exposition format (0.0.4), enough for the figures the load
 * tool takes from the server's {@code /metrics}: comment lines are skipped, every sample line
 * becomes a {@link Sample}.
 */
final class PrometheusText {

  /** One sample line: metric name, labels, value. */
  record Sample(String name, Map<String, String> labels, double value) {

    /** The series identity: name plus labels. */
    String series() {
      return name + labels;
    }
  }

  private PrometheusText() {}

  /**
   * Parses an exposition.
   *
   * @throws IllegalArgumentException naming the line number and the line when a line is not a sample
   */
  static List<Sample> parse(String text) {
    List<Sample> samples = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        samples.add(sample(line));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("metrics line " + (i + 1) + " is not a Prometheus sample ("
            + e.getMessage() + "): " + (line.length() > 120 ? line.substring(0, 120) + "..." : line), e);
      }
    }
    return samples;
  }

  private static Sample sample(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
      i++;
    }
    String name = line.substring(0, i);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("no metric name");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i = labels(line, i + 1, labels);
    }
    String rest = line.substring(i).strip();
    int space = rest.indexOf(' ');
    String value = space < 0 ? rest : rest.substring(0, space); // an optional timestamp follows
    return new Sample(name, Map.copyOf(labels), number(value));
  }

  /** Reads {@code a="x",b="y"}} from {@code start}; returns the index after the closing brace. */
  private static int labels(String line, int start, Map<String, String> labels) {
    int i = start;
    while (true) {
      while (i < line.length() && (line.charAt(i) == ',' || line.charAt(i) == ' ')) {
        i++;
      }
      if (i >= line.length()) {
        throw new IllegalArgumentException("unclosed labels");
      }
      if (line.charAt(i) == '}') {
        return i + 1;
      }
      int eq = line.indexOf('=', i);
      if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
        throw new IllegalArgumentException("label without =\"value\"");
      }
      String key = line.substring(i, eq).strip();
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      while (true) {
        if (j >= line.length()) {
          throw new IllegalArgumentException("unterminated label value of " + key);
        }
        char c = line.charAt(j);
        if (c == '\\' && j + 1 < line.length()) {
          char n = line.charAt(j + 1);
          value.append(n == 'n' ? '\n' : n);
          j += 2;
        } else if (c == '"') {
          j++;
          break;
        } else {
          value.append(c);
          j++;
        }
      }
      labels.put(key, value.toString());
      i = j;
    }
  }

  private static double number(String text) {
    return switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> {
        try {
          yield Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("value \"" + text + "\" is not a number");
        }
      }
    };
  }
}
