package com.example.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages cannot drift from the code: every {@code java} and {@code xml} block of
 * docs/your-own-schema.md, docs/integrate.md and README.md is, verbatim (indentation aside), a
 * region of this module marked {@code doc:start NAME} ... {@code doc:end} (Java sources, or this
 * module's pom.xml for {@code xml}); and the line counts the pages state are the counts of the
 * regions they quote.
 */
class DocSnippetsTest {

  static final Path MODULE = Path.of("");
  static final Path YOUR_OWN_SCHEMA = Path.of("../../docs/your-own-schema.md");
  static final Path INTEGRATE = Path.of("../../docs/integrate.md");
  static final Path README = Path.of("../../README.md");

  private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```$");
  private static final Pattern START = Pattern.compile("^\\s*(?://|<!--) doc:start ([\\w.-]+)(?: -->)?\\s*$");
  private static final Pattern END = Pattern.compile("^\\s*(?://|<!--) doc:end(?: -->)?\\s*$");

  @Test
  void everyJavaAndXmlBlockOfThePages_isARegionOfThisModule() {
    Map<String, String> java = javaRegions();
    Map<String, String> xml = regions(read(MODULE.resolve("pom.xml")), "pom.xml");
    for (Path page : List.of(YOUR_OWN_SCHEMA, INTEGRATE, README)) {
      List<Block> blocks = blocks(page);
      assertThat(blocks).as("%s quotes code", page).isNotEmpty();
      for (Block block : blocks) {
        Map<String, String> regions = block.language().equals("xml") ? xml : java;
        assertThat(regions.values()).as("%s line %d: a %s block that is no doc:start region of examples/arena "
            + "(regions: %s)", page, block.line(), block.language(), regions.keySet()).contains(block.code());
      }
    }
  }

  @Test
  void pagesQuote_theRegionsThatMatter() {
    assertThat(quoted(YOUR_OWN_SCHEMA)).contains("pom-bom", "pom-dependencies", "pom-plugins", "change", "protocol",
        "check-history", "frames", "frame-1.0.0", "frame-json");
    assertThat(quoted(INTEGRATE)).contains("glue-transport", "glue-sessions", "glue-decode", "glue-netty",
        "clients", "kill-switch", "decode-errors");
    assertThat(quoted(README)).contains("pom-bom", "pom-dependencies", "frames");
  }

  @Test
  void integratePage_statesTheLinesOfGlue_itQuotes() {
    String page = read(INTEGRATE);
    int glue = 0;
    for (String region : quoted(INTEGRATE).stream().filter(n -> n.startsWith("glue-")).toList()) {
      int lines = codeLines(javaRegions().get(region));
      assertThat(page).contains("| `" + region + "` | " + lines + " |");
      glue += lines;
    }
    assertThat(page).contains("**" + glue + " lines**");
    assertThat(glue).isLessThan(150);
  }

  @Test
  void protoBlocksOfThePages_areLinesOfTheCurrentSchema_inOrder() {
    List<String> schema = read(MODULE.resolve("src/main/proto/arena/v1/arena.proto")).lines().toList();
    for (Path page : List.of(YOUR_OWN_SCHEMA, INTEGRATE, README)) {
      for (String block : fenced(page, "proto")) {
        List<String> lines = block.lines().filter(l -> !l.isBlank()).toList();
        int at = 0;
        for (String line : lines) {
          int found = schema.subList(at, schema.size()).indexOf(line);
          assertThat(found).as("%s: proto line \"%s\" is not in src/main/proto/arena/v1/arena.proto (in this order)",
              page, line).isNotNegative();
          at += found + 1;
        }
      }
    }
    assertThat(fenced(YOUR_OWN_SCHEMA, "proto")).hasSize(2);
  }

  @Test
  void yourOwnSchemaPage_statesTheLinesOfJava_theTeamWrites() {
    int lines = codeLines(javaRegions().get("change")) + codeLines(javaRegions().get("protocol"));
    assertThat(read(YOUR_OWN_SCHEMA)).contains("**" + lines + " lines of Java**");
  }

  @Test
  void regions_refuseAStartWithoutEnd() {
    assertThatThrownBy(() -> regions("a\n// doc:start x\nb\n", "T.java"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("T.java").hasMessageContaining("x");
  }

  @Test
  void codeLines_countNeitherBlankLinesNorComments() {
    assertThat(codeLines("/** Doc. */\nclass A {\n\n  // note\n  int x; // trailing\n}\n")).isEqualTo(3);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  record Block(String language, String code, int line) {}

  /** The java and xml blocks of a page. */
  static List<Block> blocks(Path page) {
    String text = read(page);
    List<Block> blocks = new ArrayList<>();
    Matcher m = FENCE.matcher(text);
    while (m.find()) {
      if (m.group(1).equals("java") || m.group(1).equals("xml")) {
        int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
        blocks.add(new Block(m.group(1), dedent(m.group(2)), line));
      }
    }
    return blocks;
  }

  /** The blocks of one language on a page, as written. */
  static List<String> fenced(Path page, String language) {
    List<String> blocks = new ArrayList<>();
    Matcher m = FENCE.matcher(read(page));
    while (m.find()) {
      if (m.group(1).equals(language)) {
        blocks.add(m.group(2));
      }
    }
    return blocks;
  }

  /** The names of the regions a page quotes. */
  static List<String> quoted(Path page) {
    Map<String, String> all = new LinkedHashMap<>(javaRegions());
    regions(read(MODULE.resolve("pom.xml")), "pom.xml").forEach((k, v) -> all.put(k, v));
    List<String> names = new ArrayList<>();
    for (Block b : blocks(page)) {
      all.forEach((name, code) -> {
        if (code.equals(b.code())) {
          names.add(name);
        }
      });
    }
    return names;
  }

  static Map<String, String> javaRegions() {
    Map<String, String> regions = new LinkedHashMap<>();
    for (String root : List.of("src/main/java", "src/test/java")) {
      try (Stream<Path> files = Files.walk(MODULE.resolve(root))) {
        files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> regions(read(p), p.toString())
            .forEach((name, code) -> {
              assertThat(regions).as("region %s is defined twice", name).doesNotContainKey(name);
              regions.put(name, code);
            }));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return regions;
  }

  /** The regions of one file, by name, dedented. */
  static Map<String, String> regions(String text, String file) {
    Map<String, String> regions = new LinkedHashMap<>();
    String name = null;
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      Matcher start = START.matcher(line);
      if (start.matches()) {
        assertThat(name).as("%s: region %s starts inside region %s", file, start.group(1), name).isNull();
        name = start.group(1);
        body.setLength(0);
      } else if (END.matcher(line).matches()) {
        assertThat(name).as("%s: doc:end without doc:start", file).isNotNull();
        regions.put(name, dedent(body.toString()));
        name = null;
      } else if (name != null) {
        body.append(line).append('\n');
      }
    }
    if (name != null) {
      throw new AssertionError(file + ": region " + name + " has no doc:end");
    }
    return regions;
  }

  /** Lines that are code: not blank, not only a comment (// or a Javadoc/block comment line). */
  static int codeLines(String code) {
    int n = 0;
    boolean inComment = false;
    for (String raw : code.split("\n")) {
      String line = raw.strip();
      if (inComment) {
        inComment = !line.contains("*/");
        continue;
      }
      if (line.isEmpty() || line.startsWith("//")) {
        continue;
      }
      if (line.startsWith("/*")) {
        inComment = !line.contains("*/");
        continue;
      }
      n++;
    }
    return n;
  }

  static String dedent(String code) {
    List<String> lines = code.stripTrailing().lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    for (String l : lines) {
      out.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
    }
    return out.toString();
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
