package dev.protoshift.server.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What docs/architecture.md states about the modules, read from its tables and its graph, and what
 * the build's poms declare. Paths are relative to the tools module, where Surefire runs.
 */
final class ArchitecturePage {

  static final Path REPO = Path.of("..", "..");
  static final Path PAGE = REPO.resolve("docs/architecture.md");

  /** A row of the "Modules" tables: an artifact, its folder, the protoshift artifacts it depends on. */
  record ModuleRow(String directory, String artifact, Set<String> dependsOn, String thirdParty) {}

  /** A row of the "What may depend on what" table: a rule module of ModuleBoundariesTest. */
  record RuleRow(String module, List<String> artifacts, List<String> packages, List<String> mayDependOn) {}

  /** What a pom declares: its artifactId, its protoshift compile dependencies, its optional ones. */
  record Pom(String directory, String artifact, Set<String> dependsOn, Set<String> optional) {}

  private static final String MODULES = "## Modules";
  private static final String RULE = "## What may depend on what";
  private static final Pattern EDGE = Pattern.compile("^\\s*(\\w+)\\s*-->\\s*(\\w+)\\s*$");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private ArchitecturePage() {}

  static String read() {
    try {
      return Files.readString(PAGE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + PAGE.toAbsolutePath().normalize(), e);
    }
  }

  /** Every row of the tables in "Modules" whose header starts with "directory", by artifact. */
  static Map<String, ModuleRow> modules(String page) {
    Map<String, ModuleRow> rows = new LinkedHashMap<>();
    for (List<String> row : rows(section(page, MODULES), "directory")) {
      String artifact = code(row.get(1)).get(0);
      Set<String> dependsOn = new TreeSet<>();
      code(row.get(3)).forEach(d -> dependsOn.add("protoshift-" + d));
      ModuleRow previous = rows.put(artifact, new ModuleRow(code(row.get(0)).get(0), artifact, dependsOn, row.get(4)));
      if (previous != null) {
        throw new AssertionError("docs/architecture.md lists " + artifact + " twice");
      }
    }
    return rows;
  }

  /** The rows of the rule table in "What may depend on what", in page order. */
  static List<RuleRow> rule(String page) {
    List<RuleRow> rows = new ArrayList<>();
    for (List<String> row : rows(section(page, RULE), "module")) {
      rows.add(new RuleRow(code(row.get(0)).get(0), code(row.get(1)), code(row.get(2)), code(row.get(3))));
    }
    return rows;
  }

  /** The third-party table in "What may depend on what": packages and the modules they may be used in. */
  static Map<String, List<String>> thirdParty(String page) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (List<String> row : rows(section(page, RULE), "packages")) {
      rows.put(code(row.get(0)).get(0), code(row.get(1)));
    }
    return rows;
  }

  /** The edges of the mermaid graph in "What may depend on what", as "from -> to" (ids with _ read as -). */
  static Set<String> graph(String page) {
    String section = section(page, RULE);
    int start = section.indexOf("```mermaid\n");
    if (start < 0) {
      throw new AssertionError("docs/architecture.md, " + RULE + ": no ```mermaid block");
    }
    String block = section.substring(start, section.indexOf("\n```", start + 1));
    Set<String> edges = new TreeSet<>();
    for (String line : block.split("\n")) {
      Matcher m = EDGE.matcher(line);
      if (m.matches()) {
        edges.add(m.group(1).replace('_', '-') + " -> " + m.group(2).replace('_', '-'));
      }
    }
    return edges;
  }

  /** Every module of the root pom's reactor, by artifactId. */
  static Map<String, Pom> poms() {
    Map<String, Pom> poms = new LinkedHashMap<>();
    for (Element module : children(child(parse(REPO.resolve("pom.xml")), "modules"), "module")) {
      String directory = module.getTextContent().strip();
      Element project = parse(REPO.resolve(directory).resolve("pom.xml"));
      Set<String> dependsOn = new TreeSet<>();
      Set<String> optional = new TreeSet<>();
      Element dependencies = child(project, "dependencies");
      for (Element dependency : dependencies == null ? List.<Element>of() : children(dependencies, "dependency")) {
        String scope = text(dependency, "scope");
        if ("dev.protoshift".equals(text(dependency, "groupId")) && (scope == null || scope.equals("compile"))) {
          dependsOn.add(text(dependency, "artifactId"));
        }
        if ("true".equals(text(dependency, "optional"))) {
          optional.add(text(dependency, "artifactId"));
        }
      }
      String artifact = text(project, "artifactId");
      poms.put(artifact, new Pom(directory + "/", artifact, dependsOn, optional));
    }
    return poms;
  }

  // ---- reading Markdown ------------------------------------------------------------------------

  static String section(String page, String heading) {
    int start = page.indexOf("\n" + heading + "\n");
    if (start < 0) {
      throw new AssertionError("docs/architecture.md has no section \"" + heading + "\"");
    }
    int end = page.indexOf("\n## ", start + heading.length() + 2);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  /** The body rows of the tables in {@code section} whose first header cell is {@code header}. */
  private static List<List<String>> rows(String section, String header) {
    List<List<String>> rows = new ArrayList<>();
    List<String> table = null; // the header of the table the previous line belonged to
    for (String raw : section.split("\n")) {
      String line = raw.strip();
      if (!line.startsWith("|")) {
        table = null;
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
        cells.add(cell.strip());
      }
      if (table == null) {
        table = cells;
      } else if (table.get(0).equals(header) && !cells.get(0).matches("-+")) {
        rows.add(cells);
      }
    }
    if (rows.isEmpty()) {
      throw new AssertionError("docs/architecture.md: no table with header \"" + header + "\" in "
          + section.strip().lines().findFirst().orElse(""));
    }
    return rows;
  }

  private static List<String> code(String cell) {
    List<String> spans = new ArrayList<>();
    Matcher m = CODE.matcher(cell);
    while (m.find()) {
      spans.add(m.group(1));
    }
    return spans;
  }

  // ---- reading poms ----------------------------------------------------------------------------

  private static Element parse(Path pom) {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + pom.toAbsolutePath().normalize() + ": " + e.getMessage(), e);
    }
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element child(Element parent, String tag) {
    List<Element> found = children(parent, tag);
    return found.isEmpty() ? null : found.get(0);
  }

  private static String text(Element parent, String tag) {
    Element e = child(parent, tag);
    return e == null ? null : e.getTextContent().strip();
  }
}
