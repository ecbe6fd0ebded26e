package dev.protoshift.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** docs/operations.md's options table against the server's command line: every option documented, none invented. */
class ServerOptionsDocsTest {

  private static final Pattern OPTION = Pattern.compile("`(-{1,2}[a-z][a-z-]*)");

  static String optionsTable() throws IOException {
    Path module = Path.of("").toAbsolutePath();
    for (Path dir = module; dir != null; dir = dir.getParent()) {
      Path page = dir.resolve("docs/operations.md");
      if (Files.isRegularFile(page)) {
        String text = Files.readString(page);
        int begin = text.indexOf("<!-- server-options:begin -->");
        int end = text.indexOf("<!-- server-options:end -->");
        assertThat(begin).as("docs/operations.md has a server-options block").isNotNegative().isLessThan(end);
        return text.substring(begin, end);
      }
    }
    throw new IllegalStateException("docs/operations.md not found above " + module);
  }

  /** The option names in the table's first column ({@code `--host`, `-p/--port`} gives --host, -p, --port). */
  static Set<String> documented() throws IOException {
    Set<String> names = new TreeSet<>();
    for (String line : optionsTable().split("\n")) {
      if (line.startsWith("| `-")) {
        String first = line.substring(1, line.indexOf(" | ", 1));
        Matcher m = OPTION.matcher(first.replace("/", "` `"));
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  static Set<String> real() {
    Set<String> names = new TreeSet<>();
    for (OptionSpec option : new CommandLine(new ServerCommand()).getCommandSpec().options()) {
      if (!option.usageHelp() && !option.versionHelp()) {
        names.addAll(Set.of(option.names()));
      }
    }
    return names;
  }

  @Test
  void everyOptionOfTheServer_isInTheTable_andTheTableNamesNoOther() throws IOException {
    assertThat(documented()).containsExactlyInAnyOrderElementsOf(real());
  }
}
