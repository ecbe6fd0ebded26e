package dev.protoshift.compat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.protoshift.compat.CompatReport;
import dev.protoshift.compat.Finding;
import dev.protoshift.compat.RuleInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a check's report in each {@link Format}. */
final class Reports {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Reports() {}

  /** Where the current schema declares its protocol_version, to point version problems at. */
  record VersionSite(String path, int line, int column) {}

  static String render(Format format, CompatReport report, List<Finding> findings, List<RuleInfo> rules) {
    return render(format, report, findings, rules, null);
  }

  static String render(Format format, CompatReport report, List<Finding> findings, List<RuleInfo> rules,
      VersionSite site) {
    return switch (format) {
      case TEXT -> text(report, findings, site);
      case JSON -> json(report, findings);
      case GITHUB_ACTIONS -> githubActions(report, findings, site);
      case JUNIT -> junit(report, findings);
      case SARIF -> sarif(findings, rules);
    };
  }

  private static String text(CompatReport report, List<Finding> findings, VersionSite site) {
    StringBuilder out = new StringBuilder();
    for (Finding f : findings) {
      if (!f.ignored()) {
        out.append(f.toText()).append('\n');
      }
    }
    for (String problem : report.versionProblems()) {
      if (site != null) {
        out.append(site.path()).append(':').append(site.line()).append(':').append(site.column())
            .append(":PROTOCOL_VERSION:").append(problem).append('\n');
      } else {
        out.append("protocol_version: ").append(problem).append('\n');
      }
    }
    return out.toString();
  }

  private static String json(CompatReport report, List<Finding> findings) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode array = root.putArray("findings");
    for (Finding f : findings) {
      ObjectNode node = array.addObject();
      node.put("rule", f.rule());
      node.put("category", f.category().name());
      node.put("path", f.path());
      node.put("line", f.line());
      node.put("column", f.column());
      node.put("message", f.message());
      node.put("ignored", f.ignored());
      if (f.ignored()) {
        node.put("ignore_reason", f.ignoreReason());
      }
      if (!f.previousPath().isEmpty()) {
        ObjectNode previous = node.putObject("previous");
        previous.put("path", f.previousPath());
        previous.put("line", f.previousLine());
        previous.put("column", f.previousColumn());
      }
    }
    root.put("required_bump", report.requiredBump().name());
    ObjectNode declared = root.putObject("declared");
    declared.put("previous", report.previousVersion().map(Object::toString).orElse(null));
    declared.put("current", report.currentVersion().map(Object::toString).orElse(null));
    declared.put("bump", report.declaredBump().map(Enum::name).orElse(null));
    root.put("suggested_version", report.suggestedVersion().map(Object::toString).orElse(null));
    ArrayNode problems = root.putArray("version_problems");
    report.versionProblems().forEach(problems::add);
    root.put("compatible", report.isCompatible());
    return write(root);
  }

  private static String githubActions(CompatReport report, List<Finding> findings, VersionSite site) {
    StringBuilder out = new StringBuilder();
    for (Finding f : findings) {
      if (!f.ignored()) {
        out.append("::error file=").append(property(f.path())).append(",line=").append(f.line()).append(",col=")
            .append(f.column()).append(",title=").append(property(f.rule())).append("::").append(data(f.message()))
            .append('\n');
      }
    }
    for (String problem : report.versionProblems()) {
      out.append("::error ");
      if (site != null) {
        out.append("file=").append(property(site.path())).append(",line=").append(site.line()).append(",col=")
            .append(site.column()).append(',');
      }
      out.append("title=PROTOCOL_VERSION::").append(data(problem)).append('\n');
    }
    return out.toString();
  }

  private static String junit(CompatReport report, List<Finding> findings) {
    Map<String, List<Finding>> byPath = new LinkedHashMap<>();
    findings.stream().filter(f -> !f.ignored())
        .forEach(f -> byPath.computeIfAbsent(f.path(), p -> new java.util.ArrayList<>()).add(f));
    int failures = byPath.values().stream().mapToInt(List::size).sum() + report.versionProblems().size();
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuites name=\"protoshift-compat\" tests=\"").append(Math.max(failures, 1))
        .append("\" failures=\"").append(failures).append("\">\n");
    byPath.forEach((path, list) -> {
      out.append("  <testsuite name=\"").append(xml(path)).append("\" tests=\"").append(list.size())
          .append("\" failures=\"").append(list.size()).append("\" errors=\"0\">\n");
      for (Finding f : list) {
        out.append("    <testcase classname=\"").append(xml(path)).append("\" name=\"").append(xml(f.rule()))
            .append(':').append(f.line()).append(':').append(f.column()).append("\">\n")
            .append("      <failure type=\"").append(xml(f.rule())).append("\" message=\"").append(xml(f.message()))
            .append("\">").append(xml(f.toText())).append("</failure>\n    </testcase>\n");
      }
      out.append("  </testsuite>\n");
    });
    if (!report.versionProblems().isEmpty()) {
      out.append("  <testsuite name=\"protocol_version\" tests=\"").append(report.versionProblems().size())
          .append("\" failures=\"").append(report.versionProblems().size()).append("\" errors=\"0\">\n");
      for (String problem : report.versionProblems()) {
        out.append("    <testcase classname=\"protocol_version\" name=\"declared bump\">\n      <failure type=\"")
            .append("protocol_version\" message=\"").append(xml(problem)).append("\">").append(xml(problem))
            .append("</failure>\n    </testcase>\n");
      }
      out.append("  </testsuite>\n");
    }
    if (failures == 0) {
      out.append("  <testsuite name=\"protoshift-compat\" tests=\"1\" failures=\"0\" errors=\"0\">\n")
          .append("    <testcase classname=\"protoshift-compat\" name=\"compatible\"/>\n  </testsuite>\n");
    }
    return out.append("</testsuites>\n").toString();
  }

  private static String sarif(List<Finding> findings, List<RuleInfo> rules) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "protoshift-compat");
    driver.put("informationUri", "https://github.com/protoshift/protoshift/blob/main/docs/rules.md");
    ArrayNode ruleArray = driver.putArray("rules");
    for (RuleInfo rule : rules) {
      ObjectNode r = ruleArray.addObject();
      r.put("id", rule.id());
      r.putObject("shortDescription").put("text", rule.purpose());
      ArrayNode tags = r.putObject("properties").putArray("tags");
      rule.categories().stream().map(Enum::name).sorted().forEach(tags::add);
    }
    ArrayNode results = run.putArray("results");
    for (Finding f : findings) {
      ObjectNode result = results.addObject();
      result.put("ruleId", f.rule());
      result.put("level", "error");
      result.putObject("message").put("text", f.message());
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", f.path());
      ObjectNode region = physical.putObject("region");
      region.put("startLine", f.line());
      region.put("startColumn", f.column());
      if (f.ignored()) {
        ObjectNode suppression = result.putArray("suppressions").addObject();
        suppression.put("kind", "inSource");
        suppression.put("justification", f.ignoreReason());
      }
    }
    return write(root);
  }

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
