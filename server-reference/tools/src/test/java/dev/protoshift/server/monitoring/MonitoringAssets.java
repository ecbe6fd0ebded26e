package dev.protoshift.server.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monitoring assets of the repository, read from the working copy: the Grafana dashboard,
 * the Prometheus rules and the tests for promtool under {@code monitoring/}, and the metric tables
 * of {@code docs/metrics.md}. Paths are relative to the module directory, where Surefire runs.
 */
final class MonitoringAssets {

  static final Path REPO = Path.of("..", "..");
  static final Path DASHBOARD = REPO.resolve("monitoring/grafana/protoshift-rollout.json");
  static final Path PROVISIONING = REPO.resolve("monitoring/grafana/provisioning");
  static final Path RULES = REPO.resolve("monitoring/prometheus/protoshift-rules.yml");
  static final Path RULE_TESTS = REPO.resolve("monitoring/prometheus/tests");
  static final Path METRICS_DOC = REPO.resolve("docs/metrics.md");
  static final Path OPERATIONS_DOC = REPO.resolve("docs/operations.md");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.*),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)$");
  private static final Pattern DOC_ROW = Pattern.compile("^\\|\\s*`([a-z_:]+)`\\s*\\|\\s*(\\w+)\\s*\\|([^|]*)\\|");

  /**
   * One PromQL expression and where it is.
   *
   * @param requiredLabels labels the expression's selectors must carry besides those it names
   *     (the label of a Grafana {@code label_values(selector, label)} query)
   */
  record Query(String where, String expr, Set<String> requiredLabels) {}

  /** One rule of the rules file: {@code record} or {@code alert} is null. */
  record Rule(String group, String record, String alert, String expr, Map<String, String> labels,
      Map<String, String> annotations) {
    String name() {
      return record != null ? record : alert;
    }
  }

  private MonitoringAssets() {}

  static JsonNode dashboard() {
    return read(JSON, DASHBOARD);
  }

  static JsonNode yaml(Path file) {
    return read(YAML, file);
  }

  /** Every panel, with the panels of collapsed rows. */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : dashboard.path("panels")) {
      out.add(p);
      p.path("panels").forEach(out::add);
    }
    return out;
  }

  /** The PromQL of panel targets, Prometheus annotations and query variables ({@code label_values} unwrapped). */
  static List<Query> dashboardQueries(JsonNode dashboard) {
    List<Query> out = new ArrayList<>();
    for (JsonNode p : panels(dashboard)) {
      for (JsonNode t : p.path("targets")) {
        out.add(new Query("panel '" + p.path("title").asText() + "' query " + t.path("refId").asText(),
            t.path("expr").asText(), Set.of()));
      }
    }
    for (JsonNode a : dashboard.path("annotations").path("list")) {
      if (a.has("expr")) {
        out.add(new Query("annotation '" + a.path("name").asText() + "'", a.path("expr").asText(), Set.of()));
      }
    }
    for (JsonNode v : dashboard.path("templating").path("list")) {
      if (v.path("type").asText().equals("query")) {
        String q = v.path("query").isObject() ? v.path("query").path("query").asText() : v.path("query").asText();
        Matcher m = LABEL_VALUES.matcher(q.strip());
        if (!m.matches()) {
          throw new IllegalArgumentException("variable " + v.path("name") + ": not label_values(selector, label): " + q);
        }
        out.add(new Query("variable '" + v.path("name").asText() + "'", m.group(1), Set.of(m.group(2))));
      }
    }
    return out;
  }

  static List<Rule> rules() {
    List<Rule> out = new ArrayList<>();
    for (JsonNode g : yaml(RULES).path("groups")) {
      for (JsonNode r : g.path("rules")) {
        out.add(new Rule(g.path("name").asText(), text(r, "record"), text(r, "alert"), r.path("expr").asText(),
            strings(r.path("labels")), strings(r.path("annotations"))));
      }
    }
    return out;
  }

  static List<Query> ruleQueries(List<Rule> rules) {
    return rules.stream().map(r -> new Query("rule " + r.name(), r.expr(), Set.of())).toList();
  }

  /**
   * The metric tables of docs/metrics.md: each documented name with its tags ({@code —} for none).
   */
  static Map<String, Set<String>> documentedTags() {
    Map<String, Set<String>> out = new TreeMap<>();
    for (String line : readString(METRICS_DOC).split("\n")) {
      Matcher m = DOC_ROW.matcher(line);
      if (m.find() && !m.group(1).equals("metric")) {
        Set<String> tags = new TreeSet<>();
        for (String tag : m.group(3).split(",")) {
          String t = tag.strip();
          if (!t.isEmpty() && !t.equals("—")) {
            tags.add(t);
          }
        }
        out.put(m.group(1), tags);
      }
    }
    return out;
  }

  static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.toAbsolutePath().normalize(), e);
    }
  }

  private static JsonNode read(ObjectMapper mapper, Path file) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.toAbsolutePath().normalize() + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
