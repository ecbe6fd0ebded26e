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

  @Test
  void render_withAReleaseHistory_showsWhatEachReleaseAddedAsAChange() {
    String md = Changelog.render(HistorySchemas.chain(), "Changes", "Generated.");

    assertThat(md).contains("| `>=1.0.0 <1.1.0` | 1.0.0 view | none |\n| `>=1.1.0 <1.2.0` | 1.1.0 view | none |\n"
        + "| `>=1.2.0` | 1.2.0 view | none |\n");
    assertThat(md).contains("""
        ## 1.2.0

        ### Schema additions

        What 1.2.0 added to `convert.test.history.Frame` and the messages it carries (derived from the release \
        history). Clients older than 1.2.0 do not receive it.

        - enum value `convert.test.history.Direction.WARP` (6)
        - field `convert.test.history.Snake.color` (7)

        Applied for clients older than 1.2.0.
        """);
    assertThat(md).contains("""
        ## 1.1.0

        ### Schema additions

        What 1.1.0 added to `convert.test.history.Frame` and the messages it carries (derived from the release \
        history). Clients older than 1.1.0 do not receive it.

        - oneof case `convert.test.history.Frame.boost` (4) of `payload` (a message carrying it cannot be sent to \
        older clients)
        - field `convert.test.history.Frame.motd` (5)
        - enum value `convert.test.history.Direction.BOOST` (5)
        - field `convert.test.history.State.marks` (6)
        - field `convert.test.history.Snake.body` (4)
        - oneof case `convert.test.history.Event.teleported` (3) of `kind`
        - field `convert.test.history.Trail.heat` (3)

        Applied for clients older than 1.1.0.

        ### Bodies travel as points

        `Snake.body` carries the body as points; before 1.1.0 it was JSON text in `body_json`.

        Applied for clients older than 1.1.0.

        ## 1.0.0 (baseline)
        """);
  }
}
