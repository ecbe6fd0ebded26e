package dev.protoshift.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingTest {

  static Finding at(String path, int line, int column, String rule) {
    return new Finding(rule, Category.FILE, path, line, column, "m", "", 0, 0, false, "");
  }

  @Test
  void findings_sortByPathLineColumnRule() {
    List<Finding> sorted = List.of(at("a.proto", 2, 1, "B"), at("a.proto", 10, 1, "A"), at("a.proto", 10, 3, "A"),
        at("a.proto", 10, 3, "B"), at("b.proto", 1, 1, "A"));
    List<Finding> shuffled = new ArrayList<>(sorted);
    Collections.shuffle(shuffled, new java.util.Random(7));

    Collections.sort(shuffled);

    assertThat(shuffled).containsExactlyElementsOf(sorted);
  }

  @Test
  void toText_isPathLineColumnRuleMessage() {
    assertThat(at("x/a.proto", 3, 5, "FIELD_NO_DELETE").toText()).isEqualTo("x/a.proto:3:5:FIELD_NO_DELETE:m");
  }

  @Test
  void asIgnored_keepsEverythingElse() {
    Finding f = at("a.proto", 1, 2, "R").asIgnored("why");

    assertThat(f.ignored()).isTrue();
    assertThat(f.ignoreReason()).isEqualTo("why");
    assertThat(f.toText()).isEqualTo("a.proto:1:2:R:m");
  }
}
