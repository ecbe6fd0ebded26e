package dev.protoshift.compat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protoshift.compat.cli.MainTest.Run;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Where findings point when the inputs are directories: a file of the current schema behind the
 * current directory (a path in the repository), a deleted file relative to the input root, the
 * way a descriptor set names it, whatever directory the previous side was read from.
 */
class MainPathsTest {

  private static final String DELETED = "game/v1/common.proto";
  private static final String DELETED_TEXT = DELETED + ":1:1:FILE_NO_DELETE:Previously present file \"" + DELETED
      + "\" was deleted.";

  @TempDir
  Path dir;

  String previous;
  String current;

  @BeforeEach
  void writeSchemas() throws IOException {
    write("previous/" + DELETED, "syntax = \"proto3\";\npackage game.v1;\nmessage Common { int32 a = 1; }\n");
    write("previous/game/v1/main.proto", "syntax = \"proto3\";\npackage game.v1;\nmessage Main { int32 a = 1; }\n");
    write("current/game/v1/main.proto", "syntax = \"proto3\";\npackage game.v1;\nmessage Main { int32 a = 1; }\n");
    previous = dir.resolve("previous").toAbsolutePath().toString();
    current = dir.resolve("current").toAbsolutePath().toString();
  }

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private Run check(String format, String against) {
    return MainTest.run(dir, "check", current, "--against", against, "--format", format);
  }

  @Test
  void check_deletedFileInDirectoryInput_isRelativeToTheInputRootInText() {
    Run r = check("text", previous);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(DELETED_TEXT + "\n");
  }

  @Test
  void check_deletedFile_isNamedAlikeForDirectoryAndDescriptorSetInputs() throws Exception {
    Path set = dir.resolve("previous.binpb");
    Files.write(set, dev.protoshift.compat.internal.Fixtures.compiler().compile(Path.of(previous), List.of())
        .toByteArray());

    assertThat(check("text", set.toString()).out()).isEqualTo(check("text", previous).out());
    assertThat(MainTest.run(dir.resolve("previous"), "check", current, "--against", ".").out())
        .isEqualTo(DELETED_TEXT + "\n");
  }

  @Test
  void check_deletedFile_isRelativeToTheInputRootInJsonSarifJunitAndGithubActions() throws Exception {
    JsonNode json = new ObjectMapper().readTree(check("json", previous).out());
    JsonNode sarif = new ObjectMapper().readTree(check("sarif", previous).out());
    String github = check("github-actions", previous).out();
    var junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(check("junit", previous).out().getBytes(StandardCharsets.UTF_8)));

    assertThat(json.at("/findings/0/path").asText()).isEqualTo(DELETED);
    assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo(DELETED);
    assertThat(github).startsWith("::error file=" + DELETED + ",line=1,col=1,title=FILE_NO_DELETE::");
    Element suite = (Element) junit.getElementsByTagName("testsuite").item(0);
    Element failure = (Element) junit.getElementsByTagName("failure").item(0);
    assertThat(suite.getAttribute("name")).isEqualTo(DELETED);
    assertThat(failure.getTextContent()).isEqualTo(DELETED_TEXT);
    assertThat(json.toString() + sarif + github).doesNotContain(previous);
  }

  @Test
  void check_findingInACurrentFile_keepsTheCurrentDirectoryPrefix() throws IOException {
    write("current/game/v1/main.proto", "syntax = \"proto3\";\npackage game.v1;\nmessage Main { int64 a = 1; }\n");

    Run r = MainTest.run(dir, "check", "current", "--against", previous);

    assertThat(r.out().lines().toList()).containsExactly(
        "current/game/v1/main.proto:3:16:FIELD_SAME_TYPE:Field \"1\" with name \"a\" on message \"Main\" changed type"
            + " from \"int32\" to \"int64\".",
        DELETED_TEXT);
  }
}
