package dev.protoshift.compat.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/proto-update-workflow.md and the sample project the build runs it on
 * (src/it/docs-workflow) say the same thing: the pom snippet, the commands in their order, and the
 * output the page shows.
 */
class ProtoUpdateWorkflowPageTest {

  private static final Path PAGE = Path.of("../../docs/proto-update-workflow.md");
  private static final Path SAMPLE = Path.of("src/it/docs-workflow");
  private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```$");

  @Test
  void snippet_isTheSampleProjectsPomVerbatim() throws IOException {
    String pom = Files.readString(SAMPLE.resolve("pom.xml"));
    List<String> sample = new ArrayList<>();
    Matcher snippets = Pattern.compile("(?s)<!-- snippet: \\w+ -->\\n(.*?)<!-- end snippet -->").matcher(pom);
    while (snippets.find()) {
      sample.addAll(significant(snippets.group(1).replace("@protoshiftVersion@", System.getProperty("protoshift.version"))));
    }
    assertThat(sample).hasSize(18);
    assertThat(significant(blocks("xml").get(0))).isEqualTo(sample);
  }

  @Test
  void commandsOfYourProject_runInTheSampleInThePagesOrder() throws IOException {
    String section = section(page(), "## The workflow, in your project");
    List<String> commands = new ArrayList<>();
    Matcher m = FENCE.matcher(section);
    while (m.find()) {
      if (m.group(1).equals("bash")) {
        m.group(2).lines().filter(l -> l.startsWith("mvn ")).forEach(l -> commands.add(l.substring(4).strip()));
        String before = section.substring(0, m.start()).stripTrailing();
        assertThat(before.substring(before.lastIndexOf('\n') + 1)).as("marker above %s", m.group(2))
            .startsWith("<!-- docs-check: skip \"runs in your project");
      }
    }
    assertThat(commands).containsSubsequence("verify", "protoshift:suggest-version", "verify", "protoshift:release");
    assertThat(invocations()).containsSubsequence(commands);
  }

  @Test
  void outputShownForYourProject_isWhatTheSampleAsserts() throws IOException {
    String section = section(page(), "## The workflow, in your project");
    StringBuilder scripts = new StringBuilder();
    try (var files = Files.list(SAMPLE)) {
      for (Path script : files.filter(p -> p.getFileName().toString().matches("verify\\.\\d+\\.groovy")).toList()) {
        scripts.append(Files.readString(script));
      }
    }
    List<String> lines = new ArrayList<>();
    Matcher m = FENCE.matcher(section);
    while (m.find()) {
      if (m.group(1).equals("text")) {
        lines.addAll(m.group(2).lines().toList());
      }
    }
    assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
    for (String line : lines) {
      assertThat(scripts.toString()).as("a verify script of the sample asserts: %s", line)
          .contains("'" + line.replace("'", "\\'") + "'");
    }
  }

  private static List<String> invocations() throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(SAMPLE.resolve("invoker.properties"))) {
      properties.load(in);
    }
    TreeMap<Integer, String> goals = new TreeMap<>();
    properties.stringPropertyNames().stream().filter(k -> k.matches("invoker\\.goals\\.\\d+"))
        .forEach(k -> goals.put(Integer.parseInt(k.substring("invoker.goals.".length())), properties.getProperty(k)));
    return List.copyOf(goals.values());
  }

  private static String page() throws IOException {
    return Files.readString(PAGE);
  }

  private static List<String> blocks(String language) throws IOException {
    List<String> blocks = new ArrayList<>();
    Matcher m = FENCE.matcher(page());
    while (m.find()) {
      if (m.group(1).equals(language)) {
        blocks.add(m.group(2));
      }
    }
    return blocks;
  }

  private static String section(String page, String heading) {
    int start = page.indexOf(heading);
    assertThat(start).as("the page has %s", heading).isNotNegative();
    int end = page.indexOf("\n## ", start + heading.length());
    return page.substring(start, end < 0 ? page.length() : end);
  }

  /** The lines that say something: no comments, no blank lines, no indentation. */
  private static List<String> significant(String xml) {
    return xml.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("<!--")).toList();
  }
}
