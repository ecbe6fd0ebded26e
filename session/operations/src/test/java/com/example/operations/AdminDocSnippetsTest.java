package com.example.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md's "admin API on your own HTTP server" cannot drift from code that runs: each
 * {@code doc:start NAME} ... {@code doc:end} region of {@link AdminOnJdkHttpServerTest} is, verbatim
 * (indentation aside), a {@code java} block of the page.
 */
class AdminDocSnippetsTest {

  static final Path PAGE = Path.of("../../docs/operations.md");
  static final Path SOURCE = Path.of("src/test/java/com/example/operations/AdminOnJdkHttpServerTest.java");

  private static final Pattern FENCE = Pattern.compile("(?ms)^```java\\n(.*?)^```$");
  private static final Pattern START = Pattern.compile("^\\s*// doc:start ([\\w.-]+)\\s*$");
  private static final Pattern END = Pattern.compile("^\\s*// doc:end\\s*$");

  @Test
  void everyRegionOfTheAdopterTest_isAJavaBlockOfOperationsMd() throws IOException {
    Map<String, String> regions = regions(Files.readString(SOURCE));
    List<String> blocks = new ArrayList<>();
    Matcher m = FENCE.matcher(Files.readString(PAGE));
    while (m.find()) {
      blocks.add(dedent(m.group(1)));
    }
    assertThat(regions).containsOnlyKeys("admin-build", "admin-jdk");
    regions.forEach((name, code) ->
        assertThat(blocks).as("region %s of %s is a java block of %s", name, SOURCE, PAGE).contains(code));
  }

  static Map<String, String> regions(String source) {
    Map<String, String> out = new LinkedHashMap<>();
    String name = null;
    StringBuilder code = new StringBuilder();
    for (String line : source.lines().toList()) {
      Matcher start = START.matcher(line);
      if (start.matches()) {
        name = start.group(1);
        code.setLength(0);
      } else if (END.matcher(line).matches() && name != null) {
        out.put(name, dedent(code.toString()));
        name = null;
      } else if (name != null) {
        code.append(line).append('\n');
      }
    }
    return out;
  }

  /** The lines without the indentation they all share. */
  static String dedent(String code) {
    List<String> lines = code.lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    for (String l : lines) {
      out.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
    }
    return out.toString();
  }
}
