package dev.protoshift.reference.game;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.convert.CohortFrame;
import dev.protoshift.versioning.Agreement;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/converters.md's section on the reference game names GameProtocol's entry points and shows
 * them in use: every call it names exists, with the number of parameters it shows, and a server
 * that has versioning's {@code Agreement} is shown the call that takes one.
 */
class ConvertersDocTest {

  private static final String SECTION = "## The reference game: a second example";
  private static final Pattern CALL = Pattern.compile("^(?:(\\w+)\\.)?(\\w+)(?:\\((.*)\\))?$");

  @Test
  void entryPointTable_namesOnlyMethodsThatExist_withTheirParameterCount() throws IOException {
    List<String> checked = new ArrayList<>();
    for (String cell : firstColumn(section(SECTION))) {
      Class<?> owner = GameProtocol.class;
      for (String span : backticked(cell)) {
        Matcher m = CALL.matcher(span);
        if (!m.matches() || Character.isUpperCase(m.group(2).charAt(0))) {
          continue; // a type such as `CohortFrame`
        }
        if (m.group(1) != null) {
          owner = m.group(1).equals("GameProtocol") ? GameProtocol.class : CohortFrame.class;
          assertThat(m.group(1)).as(span).isIn("GameProtocol", "CohortFrame");
        }
        String name = m.group(2);
        Integer arity = m.group(3) == null ? null : parameterCount(m.group(3));
        Class<?> in = owner;
        assertThat(publicMethods(in)).as("docs/converters.md names %s.%s with %s parameters", in.getSimpleName(), name,
                arity == null ? "any" : arity)
            .anyMatch(method -> method.getName().equals(name) && (arity == null || method.getParameterCount() == arity));
        checked.add(in.getSimpleName() + "." + name);
      }
    }
    assertThat(checked).contains("GameProtocol.cohortFor", "GameProtocol.encodeState", "CohortFrame.forRecipient");
  }

  @Test
  void snippet_callsOnlyMethodsThatExist() throws IOException {
    String snippet = javaSnippet(section(SECTION));
    Matcher call = Pattern.compile("\\bgame\\.(\\w+)\\(").matcher(snippet);
    int calls = 0;
    while (call.find()) {
      String name = call.group(1);
      assertThat(publicMethods(GameProtocol.class)).as("the snippet calls game.%s", name)
          .anyMatch(m -> m.getName().equals(name));
      calls++;
    }
    assertThat(calls).isGreaterThanOrEqualTo(4);
  }

  @Test
  void snippet_turnsAnAgreementIntoACohortWithTheMethodThatTakesOne() throws IOException {
    String snippet = javaSnippet(section(SECTION));
    Matcher line = Pattern.compile("Cohort cohort = game\\.(\\w+)\\(([^;]*)\\);").matcher(snippet);
    assertThat(line.find()).as("the snippet shows `Cohort cohort = game.…(…);` for a new connection").isTrue();
    List<String> takesAgreement = Arrays.stream(GameProtocol.class.getMethods())
        .filter(m -> m.getParameterCount() == 1 && m.getParameterTypes()[0] == Agreement.class)
        .map(Method::getName).toList();
    assertThat(takesAgreement).isNotEmpty();
    assertThat(line.group(1)).as("docs/converters.md: %s", line.group()).isIn(takesAgreement);
    assertThat(section(SECTION)).as("the entry-point table lists it")
        .contains("`" + takesAgreement.get(0) + "(Agreement)`");
  }

  // ---- reading the page ------------------------------------------------------------------------

  private static String section(String heading) throws IOException {
    String page = Files.readString(page());
    int start = page.indexOf("\n" + heading + "\n");
    assertThat(start).as("docs/converters.md has a section %s", heading).isNotNegative();
    int end = page.indexOf("\n## ", start + heading.length() + 2);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  private static List<String> firstColumn(String section) {
    List<String> cells = new ArrayList<>();
    for (String line : section.split("\n")) {
      if (line.startsWith("| `")) {
        cells.add(line.substring(1, line.indexOf(" | ")).strip());
      }
    }
    assertThat(cells).as("the entry-point table").hasSizeGreaterThan(5);
    return cells;
  }

  private static List<String> backticked(String cell) {
    List<String> spans = new ArrayList<>();
    Matcher m = Pattern.compile("`([^`]+)`").matcher(cell);
    while (m.find()) {
      spans.add(m.group(1));
    }
    return spans;
  }

  private static String javaSnippet(String section) {
    int start = section.indexOf("```java\n");
    assertThat(start).as("a java block").isNotNegative();
    return section.substring(start, section.indexOf("\n```", start + 8));
  }

  /** Parameters in a documented signature, e.g. "ServerMessage.Error, Cohort" is 2; "" is 0. */
  private static int parameterCount(String parameters) {
    if (parameters.isBlank()) {
      return 0;
    }
    int count = 1;
    int depth = 0;
    for (char c : parameters.toCharArray()) {
      depth += c == '<' ? 1 : c == '>' ? -1 : 0;
      count += c == ',' && depth == 0 ? 1 : 0;
    }
    return count;
  }

  private static List<Method> publicMethods(Class<?> type) {
    return Arrays.stream(type.getMethods()).filter(m -> Modifier.isPublic(m.getModifiers())).toList();
  }

  private static Path page() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs/converters.md");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("docs/converters.md not found above " + Path.of("").toAbsolutePath());
  }
}
