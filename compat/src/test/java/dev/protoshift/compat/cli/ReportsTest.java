package dev.protoshift.compat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.compat.Bump;
import dev.protoshift.compat.Category;
import dev.protoshift.compat.Compat;
import dev.protoshift.compat.CompatReport;
import dev.protoshift.compat.Finding;
import dev.protoshift.versioning.ProtocolVersion;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class ReportsTest {

  static final Finding AWKWARD = new Finding("FIELD_SAME_NAME", Category.WIRE_JSON, "dir, with:odd/a%b.proto", 3, 7,
      "Field \"1\" <on> message & \"M\" changed: 100%\nsecond line", "", 0, 0, false, "");
  static final Finding IGNORED = new Finding("FIELD_NO_DELETE", Category.PACKAGE, "a.proto", 1, 1, "gone", "a.proto",
      2, 3, true, "safe: never read");

  static CompatReport report(List<Finding> findings, List<String> problems) {
    return new CompatReport(findings, Bump.MAJOR, Optional.of(ProtocolVersion.parse("1.0.0")),
        Optional.of(ProtocolVersion.parse("1.0.1")), problems);
  }

  @Test
  void githubActions_escapesPropertiesAndData() {
    String out = Reports.render(Format.GITHUB_ACTIONS, report(List.of(AWKWARD, IGNORED), List.of("too small")),
        List.of(AWKWARD, IGNORED), Compat.rules());

    assertThat(out).isEqualTo("::error file=dir%2C with%3Aodd/a%25b.proto,line=3,col=7,title=FIELD_SAME_NAME::"
        + "Field \"1\" <on> message & \"M\" changed: 100%25%0Asecond line\n"
        + "::error title=PROTOCOL_VERSION::too small\n");
  }

  @Test
  void versionProblems_pointAtTheDeclarationWhenKnown() {
    Reports.VersionSite site = new Reports.VersionSite("proto/game.proto", 4, 1);
    CompatReport report = report(List.of(), List.of("needs MINOR"));

    assertThat(Reports.render(Format.TEXT, report, List.of(), Compat.rules(), site))
        .isEqualTo("proto/game.proto:4:1:PROTOCOL_VERSION:needs MINOR\n");
    assertThat(Reports.render(Format.TEXT, report, List.of(), Compat.rules(), null))
        .isEqualTo("protocol_version: needs MINOR\n");
    assertThat(Reports.render(Format.GITHUB_ACTIONS, report, List.of(), Compat.rules(), site))
        .isEqualTo("::error file=proto/game.proto,line=4,col=1,title=PROTOCOL_VERSION::needs MINOR\n");
  }

  @Test
  void junit_isWellFormedWithAwkwardText() throws Exception {
    String out = Reports.render(Format.JUNIT, report(List.of(AWKWARD, IGNORED), List.of("a <b> & \"c\"")),
        List.of(AWKWARD, IGNORED), Compat.rules());

    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("2");
    assertThat(doc.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("message").getNodeValue())
        .isEqualTo(AWKWARD.message().replace('\n', ' '));
  }

  @Test
  void text_leavesOutIgnoredFindings() {
    String out = Reports.render(Format.TEXT, report(List.of(AWKWARD, IGNORED), List.of()), List.of(IGNORED),
        Compat.rules());

    assertThat(out).isEmpty();
  }

  @Test
  void format_parsesCliNamesOnly() {
    assertThat(Format.parse("github-actions")).isEqualTo(Format.GITHUB_ACTIONS);
    assertThat(Format.GITHUB_ACTIONS.cliName()).isEqualTo("github-actions");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Format.parse("GITHUB_ACTIONS"))
        .hasMessageContaining("unknown format \"GITHUB_ACTIONS\"");
  }
}
