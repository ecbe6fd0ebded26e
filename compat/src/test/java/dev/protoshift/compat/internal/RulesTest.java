package dev.protoshift.compat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protoshift.compat.Category;
import dev.protoshift.compat.Finding;
import dev.protoshift.compat.RuleInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule against its before/after fixture ({@code breaking/previous/<RULE>/} and {@code
 * breaking/current/<RULE>/}), with the exact findings listed in {@code breaking/expected/<RULE>.txt}
 * (recorded from buf 1.75, see docs/rules.md for where protoshift reports differently).
 */
class RulesTest {

  static Stream<String> ruleIds() {
    return Rules.ALL.stream().map(Rule::id);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ruleIds")
  void rule_findsExactlyTheFixtureChanges(String rule) {
    List<String> expected = Fixtures.lines(Fixtures.root().resolve("expected/" + rule + ".txt"));

    List<String> actual = Differ.diff(Fixtures.rule("previous", rule), Fixtures.rule("current", rule), Set.of(rule),
        p -> !p.startsWith("google/protobuf/"), Differ.PathIgnores.NONE).findings().stream()
        .map(Finding::toText).toList();

    assertThat(expected).as("a fixture that shows nothing tests nothing").isNotEmpty();
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ruleIds")
  void rule_agreesWithBufOnAllFixturesAtOnce(String rule) {
    // buf's findings for this rule over every fixture at once (recorded, so the test needs no buf).
    List<String> expected = new ArrayList<>();
    for (String line : Fixtures.lines(Fixtures.root().resolve("buf-1.75-findings.txt"))) {
      if (line.split(":", 5)[3].equals(rule)) {
        String ours = KNOWN_DIFFERENCES.getOrDefault(line, line);
        assertThat(ours).as("buf gives no file for this finding; list where protoshift puts it").doesNotStartWith(":");
        expected.add(ours);
      }
    }
    BEYOND_BUF.stream().filter(line -> line.split(":", 5)[3].equals(rule)).forEach(expected::add);

    List<String> actual = Differ.diff(Fixtures.side("previous"), Fixtures.side("current"), Set.of(rule),
        p -> !p.startsWith("google/protobuf/"), Differ.PathIgnores.NONE).findings().stream()
        .map(Finding::toText).toList();

    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * Where protoshift reports differently from buf on purpose: a finding about something that no
   * longer has a place in the current schema (a deleted file or package) points at its previous
   * location instead of nowhere, and buf's FIELD_SAME_ONEOF message has a stray "q".
   */
  private static final String REQUIRED = " Required fields must always be sent, so if one side does not know about the"
      + " required field, this will result in a breakage.";

  private static final Map<String, String> KNOWN_DIFFERENCES = Map.of(
      ":1:1:FILE_NO_DELETE:Previously present file \"FILE_NO_DELETE/gone/b.proto\" was deleted.",
      "FILE_NO_DELETE/gone/b.proto:1:1:FILE_NO_DELETE:Previously present file \"FILE_NO_DELETE/gone/b.proto\" was deleted.",
      ":1:1:FILE_NO_DELETE:Previously present file \"PACKAGE_MESSAGE_NO_DELETE/b.proto\" was deleted.",
      "PACKAGE_MESSAGE_NO_DELETE/b.proto:1:1:FILE_NO_DELETE:Previously present file \"PACKAGE_MESSAGE_NO_DELETE/b.proto\" was deleted.",
      ":1:1:FILE_NO_DELETE:Previously present file \"PACKAGE_NO_DELETE/b.proto\" was deleted.",
      "PACKAGE_NO_DELETE/b.proto:1:1:FILE_NO_DELETE:Previously present file \"PACKAGE_NO_DELETE/b.proto\" was deleted.",
      ":1:1:FILE_NO_DELETE:Previously present file \"PACKAGE_NO_DELETE/c.proto\" was deleted.",
      "PACKAGE_NO_DELETE/c.proto:1:1:FILE_NO_DELETE:Previously present file \"PACKAGE_NO_DELETE/c.proto\" was deleted.",
      ":1:1:PACKAGE_MESSAGE_NO_DELETE:Previously present message \"B\" was deleted from package \"file_no_delete\".",
      "FILE_NO_DELETE/gone/b.proto:3:1:PACKAGE_MESSAGE_NO_DELETE:Previously present message \"B\" was deleted from package \"file_no_delete\".",
      ":1:1:PACKAGE_MESSAGE_NO_DELETE:Previously present message \"InDeletedFile\" was deleted from package \"package_message_no_delete\".",
      "PACKAGE_MESSAGE_NO_DELETE/b.proto:3:1:PACKAGE_MESSAGE_NO_DELETE:Previously present message \"InDeletedFile\" was deleted from package \"package_message_no_delete\".",
      ":1:1:PACKAGE_NO_DELETE:Previously present package \"file_same_package.before\" was deleted.",
      "FILE_SAME_PACKAGE/a.proto:1:1:PACKAGE_NO_DELETE:Previously present package \"file_same_package.before\" was deleted.",
      ":1:1:PACKAGE_NO_DELETE:Previously present package \"package_no_delete.gone\" was deleted.",
      "PACKAGE_NO_DELETE/b.proto:1:1:PACKAGE_NO_DELETE:Previously present package \"package_no_delete.gone\" was deleted.",
      "FIELD_SAME_ONEOF/a.proto:7:26:FIELD_SAME_ONEOF:Field \"4\" with name \"w\" on message \"M\"q moved from oneof \"b\" to oneof \"c\".",
      "FIELD_SAME_ONEOF/a.proto:7:26:FIELD_SAME_ONEOF:Field \"4\" with name \"w\" on message \"M\" moved from oneof \"b\" to oneof \"c\".",
      "FIELD_SAME_TYPE/tricky.proto:17:20:FIELD_SAME_ONEOF:Field \"9\" with name \"choice\" on message \"M\"q moved from oneof \"old_name\" to oneof \"new_name\".",
      "FIELD_SAME_TYPE/tricky.proto:17:20:FIELD_SAME_ONEOF:Field \"9\" with name \"choice\" on message \"M\" moved from oneof \"old_name\" to oneof \"new_name\".");

  /**
   * Breaks protoshift finds and buf 1.75 misses: buf counts only {@code required} labels, so it
   * does not see an editions field gain or lose {@code features.field_presence = LEGACY_REQUIRED},
   * which is just as required on the wire.
   */
  private static final List<String> BEYOND_BUF = List.of(
      "FIELD_SAME_CARDINALITY/ed.proto:4:1:MESSAGE_SAME_REQUIRED_FIELDS:Message \"M\" had required field \"3\" deleted." + REQUIRED,
      "MESSAGE_SAME_REQUIRED_FIELDS/ed.proto:4:1:MESSAGE_SAME_REQUIRED_FIELDS:Message \"M\" had required field \"1\" deleted." + REQUIRED,
      "MESSAGE_SAME_REQUIRED_FIELDS/ed.proto:6:3:MESSAGE_SAME_REQUIRED_FIELDS:Message \"M\" had required field \"2\" added." + REQUIRED);

  @Test
  void registry_hasBufsSixtyFourRulesWithTheirCategories() throws IOException {
    Map<String, Set<Category>> buf = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(Fixtures.root().resolve("buf-1.75-rules.jsonl"))) {
      JsonNode rule = json.readTree(line);
      Set<Category> categories = new TreeSet<>();
      rule.get("categories").forEach(c -> categories.add(Category.valueOf(c.asText())));
      buf.put(rule.get("id").asText(), categories);
    }
    Map<String, Set<Category>> ours = new TreeMap<>();
    for (RuleInfo info : Rules.infos()) {
      ours.put(info.id(), new TreeSet<>(info.categories()));
    }

    assertThat(ours).hasSize(64).isEqualTo(buf);
  }

  @Test
  void everyRule_hasABeforeAndAfterFixture() {
    for (String rule : ruleIds().toList()) {
      Path root = Fixtures.root();
      assertThat(root.resolve("previous/" + rule)).as(rule).isDirectory();
      assertThat(root.resolve("current/" + rule)).as(rule).isDirectory();
      assertThat(root.resolve("expected/" + rule + ".txt")).as(rule).isRegularFile();
    }
  }
}
