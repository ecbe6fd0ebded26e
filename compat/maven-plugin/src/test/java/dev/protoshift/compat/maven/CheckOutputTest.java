package dev.protoshift.compat.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.compat.Compat;
import dev.protoshift.compat.CompatConfig;
import dev.protoshift.compat.DescriptorImage;
import dev.protoshift.compat.internal.ProtoCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckOutputTest {

  private static final String HEADER = """
      syntax = "proto3";
      package arena.v1;
      import "protoshift/options.proto";
      option (protoshift.protocol_version) = "%s";
      """;

  @TempDir
  Path dir;

  @Test
  void errorLines_likeCompilerErrors_withPathsUnderTheTopDirectory() throws Exception {
    DescriptorImage previous = compile("previous", "1.0.0", "message Player {\n  string id = 1;\n  int32 score = 4;\n}\n",
        "arena/v1/gone.proto");
    DescriptorImage current = compile("current", "1.0.0", "message Player {\n  string id = 1;\n}\n", null);
    CheckOutput output = new CheckOutput(Compat.check(previous, current, CompatConfig.defaults()), current,
        "src/main/proto/");
    assertThat(output.errorLines()).containsExactly(
        "arena/v1/gone.proto:1:1: FILE_NO_DELETE: Previously present file \"arena/v1/gone.proto\" was deleted.",
        "src/main/proto/arena/v1/arena.proto:5:1: FIELD_NO_DELETE: Previously present field \"4\" with name \"score\""
            + " on message \"Player\" was deleted.",
        "src/main/proto/arena/v1/arena.proto:4:1: PROTOCOL_VERSION: the change needs a MAJOR bump but the declared"
            + " protocol_version 1.0.0 -> 1.0.0 is unchanged; declare 2.0.0 or later");
    assertThat(output.summary("release 1.0.0")).isEqualTo("against release 1.0.0: 2 breaking changes; the change needs"
        + " a MAJOR bump; declared 1.0.0 -> 1.0.0");
  }

  @Test
  void writeReports_theCLIsFormats_withTheSamePaths() throws Exception {
    DescriptorImage previous = compile("previous", "1.0.0", "message Player {\n  string id = 1;\n}\n", null);
    DescriptorImage current = compile("current", "1.0.0", "message Player {\n  string id = 1;\n  int32 x = 2;\n}\n",
        null);
    CheckOutput output = new CheckOutput(Compat.check(previous, current, CompatConfig.defaults()), current, "proto/");
    Path reports = output.writeReports(dir.resolve("reports"));
    assertThat(Files.readString(reports.resolve(CheckOutput.JSON))).contains("\"required_bump\" : \"MINOR\"")
        .contains("\"compatible\" : false");
    assertThat(Files.readString(reports.resolve(CheckOutput.JUNIT))).contains("<testsuites name=\"protoshift-compat\"")
        .contains("declare 1.1.0 or later");
    assertThat(Files.readString(reports.resolve(CheckOutput.SARIF))).contains("\"version\" : \"2.1.0\"");
    assertThat(Files.readString(reports.resolve(CheckOutput.TEXT))).isEqualTo("proto/arena/v1/arena.proto:4:1:"
        + "PROTOCOL_VERSION:the change needs a MINOR bump but the declared protocol_version 1.0.0 -> 1.0.0 is"
        + " unchanged; declare 1.1.0 or later\n");
    assertThat(output.render("github-actions")).startsWith("::error file=proto/arena/v1/arena.proto,line=4,col=1,"
        + "title=PROTOCOL_VERSION::");
  }

  @Test
  void errorLines_compatibleChange_none() throws Exception {
    DescriptorImage previous = compile("previous", "1.0.0", "message Player {\n  string id = 1;\n}\n", null);
    DescriptorImage current = compile("current", "1.1.0", "message Player {\n  string id = 1;\n  int32 x = 2;\n}\n",
        null);
    CheckOutput output = new CheckOutput(Compat.check(previous, current, CompatConfig.defaults()), current, "");
    assertThat(output.errorLines()).isEmpty();
    assertThat(output.findings()).isEmpty();
  }

  private DescriptorImage compile(String name, String version, String body, String extraFile) throws Exception {
    Path root = dir.resolve(name);
    Files.createDirectories(root.resolve("arena/v1"));
    Files.writeString(root.resolve("arena/v1/arena.proto"), HEADER.formatted(version) + body);
    if (extraFile != null) {
      Files.writeString(root.resolve(extraFile), "syntax = \"proto3\";\npackage arena.v1;\n");
    }
    return DescriptorImage.parse(ProtoCompiler.withDefaultCache().compileToBytes(root, List.of()));
  }

}
