package dev.protoshift.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloseCodeTest {

  @Test
  void codes_areUniqueAndInTheRangesAServerMaySend() {
    assertThat(Arrays.stream(CloseCode.values()).map(CloseCode::code)).doesNotHaveDuplicates();
    for (CloseCode c : CloseCode.values()) {
      assertThat(c.code()).as(c.label()).satisfiesAnyOf(
          code -> assertThat(code).isBetween(1000, 1014),
          code -> assertThat(code).isBetween(4000, 4999));
    }
  }

  @Test
  void of_findsOurCodes() {
    assertThat(CloseCode.of(1012)).contains(CloseCode.SERVICE_RESTART);
    assertThat(CloseCode.of(4004)).contains(CloseCode.TOO_SLOW);
    assertThat(CloseCode.of(4999)).isEmpty();
  }

  @Test
  void reason_isCutTo123BytesWithoutSplittingACharacter() {
    String ghosts = "👻".repeat(40); // 160 bytes
    String cut = CloseCode.reason(ghosts);
    assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123).isEqualTo(120);
    assertThat(cut).isEqualTo("👻".repeat(30));
    assertThat(CloseCode.reason("short")).isEqualTo("short");
    assertThat(CloseCode.reason(null)).isEmpty();
  }

  @Test
  void docsCloseCodeTable_listsExactlyTheEnum_withNameAndReconnect() throws IOException {
    List<String> documented = new ArrayList<>();
    for (List<String> row : table(Files.readString(page("protocol.md")), "### Close codes")) {
      String reconnect = row.get(3);
      assertThat(reconnect).as("reconnect? of %s", row.get(0)).matches("(yes|no)\\b.*");
      documented.add(row.get(0) + " " + row.get(1) + " " + reconnect.startsWith("yes"));
    }
    List<String> enumerated = Arrays.stream(CloseCode.values())
        .map(c -> c.code() + " `" + c.label() + "` " + c.reconnect()).toList();
    assertThat(documented).as("docs/protocol.md, Close codes (code, name, reconnect?)")
        .containsExactlyElementsOf(enumerated);
  }

  /** The cells of the first table after a heading (header row excluded). */
  static List<List<String>> table(String page, String heading) {
    int at = page.indexOf("\n" + heading + "\n");
    assertThat(at).as("a section %s", heading).isNotNegative();
    List<List<String>> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : page.substring(at + heading.length() + 2).split("\n")) {
      if (line.startsWith("|")) {
        inTable = true;
        if (!line.startsWith("|---")) {
          rows.add(Arrays.stream(line.substring(1, line.length() - 1).split(" \\| ")).map(String::strip).toList());
        }
      } else if (inTable) {
        break;
      }
    }
    assertThat(rows).as("a table under %s", heading).hasSizeGreaterThan(1);
    return rows.subList(1, rows.size());
  }

  static Path page(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("docs/" + name + " not found above " + Path.of("").toAbsolutePath());
  }
}
