package dev.protoshift.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangelogTest {

  @Test
  void render_listsViewsThenReleasesNewestFirst() {
    VersionChain<List<String>> chain = VersionChain.<List<String>>startingAt("1.0.0", "The start.")
        .release("1.1.0", ToyChange.of("A"), ToyChange.feature("B", "bees"))
        .release("1.2.0")
        .build();

    String md = Changelog.render(chain, "Changes", "Generated.");

    assertThat(md).startsWith("# Changes\n\nGenerated.\n\n## Views\n");
    assertThat(md).contains("| `>=1.0.0 <1.1.0` | 1.0.0 view | none |\n| `>=1.1.0` | 1.1.0 view | `bees` |\n");
    assertThat(md).contains("(`1.1.0-beta.2 gets the 1.0.0 view`)");
    assertThat(md.indexOf("## 1.2.0")).isLessThan(md.indexOf("## 1.1.0")).isLessThan(md.indexOf("## 1.0.0 (baseline)"));
    assertThat(md).contains("## 1.2.0\n\nNo change clients can see: clients on 1.2.0 get the 1.1.0 view.\n");
    assertThat(md).contains("### A\n\nWhat A changed.\n\nApplied for clients older than 1.1.0.\n");
    assertThat(md).contains("### B (optional feature `bees`)\n\nWhat B changed.\n\n"
        + "Applied for clients older than 1.1.0, and for clients that did not negotiate `bees`.\n");
    assertThat(md).endsWith("## 1.0.0 (baseline)\n\nThe start.\n");
  }
}
