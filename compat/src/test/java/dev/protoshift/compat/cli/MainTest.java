package dev.protoshift.compat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI end to end, in process: the project's own schema and release history (the dogfood CI
 * runs), edits that break it, every input form and output format, and the exit codes.
 */
class MainTest {

  /** The repository root (tests run in compat/). */
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final String CURRENT = REPO.resolve("proto/reference/src/main/proto").toString();
  static final String V100 = REPO.resolve("proto/reference/history/1.0.0").toString();
  static final String V110 = REPO.resolve("proto/reference/history/1.1.0").toString();
  static final String V120 = REPO.resolve("proto/reference/history/1.2.0").toString();

  @TempDir
  Path dir;

  Run run(String... args) {
    return run(dir, args);
  }

  static Run run(Path workingDirectory, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), workingDirectory);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  record Run(int code, String out, String err) {}

  Path schema;

  @BeforeEach
  void copyCurrentSchema() throws IOException {
    schema = dir.resolve("schema");
    copy(Path.of(CURRENT), schema);
  }

  private Path wsMessages() {
    return schema.resolve("protoshift/game/ws_messages.proto");
  }

  private void edit(String from, String to) throws IOException {
    String text = Files.readString(wsMessages());
    assertThat(text).contains(from);
    Files.writeString(wsMessages(), text.replace(from, to));
  }

  @Test
  void check_currentSchemaAgainstLatestRelease_passes() {
    Run r = run("check", CURRENT, "--against", V120);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("no breaking changes").contains("declared 1.2.0 -> 1.2.0");
  }

  @Test
  void check_release110Against100_isAdditiveMinor() {
    Run r = run("check", V110, "--against", V100);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("needs a MINOR bump").contains("1.0.0 -> 1.1.0 (MINOR)");
  }

  @Test
  void check_release120Against110_noSchemaChangeMinorBump_passes() {
    Run r = run("check", V120, "--against", V110);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("1.1.0 -> 1.2.0 (MINOR)");
  }

  @Test
  void check_deletedField_failsWithFieldNoDeleteAndTheBumpItNeeds() throws IOException {
    edit("  uint64 tick = 4;\n", "");

    Run r = run("check", "schema", "--against", V120);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out().lines().toList()).containsExactly(
        "schema/protoshift/game/ws_messages.proto:34:1:FIELD_NO_DELETE:Previously present field \"4\" with name"
            + " \"tick\" on message \"StateUpdate\" was deleted.",
        "schema/protoshift/game/ws_messages.proto:16:1:PROTOCOL_VERSION:the change needs a MAJOR bump but the"
            + " declared protocol_version 1.2.0 -> 1.2.0 is unchanged; declare 2.0.0 or later");
  }

  @Test
  void check_deletedFieldWithMajorBump_stillFailsOnTheBreakingChange() throws IOException {
    edit("  uint64 tick = 4;\n", "");
    edit("\"1.2.0\"", "\"2.0.0\"");

    Run r = run("check", "schema", "--against", V120);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("FIELD_NO_DELETE").doesNotContain("PROTOCOL_VERSION");
  }

  @Test
  void check_addedFieldWithoutBump_failsOnTheDeclaredVersion() throws IOException {
    edit("  uint64 tick = 4;\n", "  uint64 tick = 4;\n  uint32 round = 7;\n");

    Run r = run("check", "schema", "--against", V120);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("schema/protoshift/game/ws_messages.proto:16:1:PROTOCOL_VERSION:the change needs"
        + " a MINOR bump but the declared protocol_version 1.2.0 -> 1.2.0 is unchanged; declare 1.3.0 or later\n");
  }

  @Test
  void check_addedFieldWithMinorBump_passes() throws IOException {
    edit("  uint64 tick = 4;\n", "  uint64 tick = 4;\n  uint32 round = 7;\n");
    edit("\"1.2.0\"", "\"1.3.0\"");

    assertThat(run("check", "schema", "--against", V120).code()).isZero();
  }

  @Test
  void check_commentOnlyChange_needsPatch() throws IOException {
    edit("// The state of a room at one tick.", "// The state of a room at one game tick.");

    Run r = run("check", "schema", "--against", V120);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("needs a PATCH bump");
  }

  @Test
  void check_ignoreCommentWithReason_listsTheFindingAsIgnored() throws IOException {
    edit("message StateUpdate {", "// protoshift:ignore FIELD_NO_DELETE no client ever read tick\nmessage StateUpdate {");
    edit("  uint64 tick = 4;\n", "");
    edit("\"1.2.0\"", "\"1.2.1\"");

    Run r = run("check", "schema", "--against", V120, "--format", "json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode finding = json(r.out()).get("findings").get(0);
    assertThat(finding.get("rule").asText()).isEqualTo("FIELD_NO_DELETE");
    assertThat(finding.get("ignored").asBoolean()).isTrue();
    assertThat(finding.get("ignore_reason").asText()).isEqualTo("no client ever read tick");
  }

  @Test
  void check_ignoreCommentWithoutReason_isAnInputError() throws IOException {
    edit("message StateUpdate {", "// protoshift:ignore FIELD_NO_DELETE\nmessage StateUpdate {");

    Run r = run("check", "schema", "--against", V120);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("protoshift/game/ws_messages.proto:").contains("gives no reason");
  }

  @Test
  void check_protoThatDoesNotCompile_exits2WithTheCompilersMessage() throws IOException {
    edit("  uint64 tick = 4;", "  uint64 tick = 4");

    Run r = run("check", "schema", "--against", V120);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("error: schema: does not compile:")
        .contains("protoshift/game/ws_messages.proto:").contains("Expected \";\"")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void check_missingInput_exits2NamingIt() {
    Run r = run("check", "nowhere", "--against", V120);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nowhere: no such file or directory").doesNotContain("\tat ");
  }

  @Test
  void check_fileThatIsNotADescriptorSet_exits2() throws IOException {
    Files.writeString(dir.resolve("junk.binpb"), "not a descriptor set, just text");

    Run r = run("check", "schema", "--against", "junk.binpb");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("junk.binpb: not a descriptor set");
  }

  @Test
  void check_unknownRuleOrFormat_exits2() {
    assertThat(run("check", "schema", "--against", V120, "--use", "FIELD_NO_DELET").err())
        .contains("\"FIELD_NO_DELET\" is neither a rule id nor a category").contains("FIELD_NO_DELETE");
    assertThat(run("check", "schema", "--against", V120, "--format", "xml").code()).isEqualTo(2);
    assertThat(run("check", "schema").code()).isEqualTo(2);
    assertThat(run("frobnicate").code()).isEqualTo(2);
  }

  @Test
  void check_exceptAndUse_selectRules() throws IOException {
    edit("string name = 2;", "string display_name = 2;");

    Run file = run("check", "schema", "--against", V120);
    Run wire = run("check", "schema", "--against", V120, "--use", "WIRE");
    Run except = run("check", "schema", "--against", V120, "--except", "FIELD_SAME_NAME,FIELD_SAME_JSON_NAME");

    assertThat(file.out()).contains("FIELD_SAME_NAME").contains("FIELD_SAME_JSON_NAME");
    assertThat(wire.out()).doesNotContain("FIELD_SAME_NAME");
    assertThat(except.out()).doesNotContain("FIELD_SAME_NAME").doesNotContain("FIELD_SAME_JSON_NAME");
  }

  @Test
  void check_configFile_readsBufsBreakingSection() throws IOException {
    edit("string name = 2;", "string display_name = 2;");
    Files.writeString(dir.resolve("buf.yaml"), """
        version: v2
        lint:
          use: [STANDARD]
        breaking:
          use: [FILE]
          ignore_only:
            FIELD_SAME_NAME: [schema/protoshift/game]
            FIELD_SAME_JSON_NAME: [schema/protoshift/game/ws_messages.proto]
        """);

    Run r = run("check", "schema", "--against", V120, "--config", "buf.yaml");

    // Config paths are matched against the file names of the schema, which start at its root.
    assertThat(r.out()).contains("FIELD_SAME_NAME");
    Files.writeString(dir.resolve("buf.yaml"), """
        breaking:
          ignore_only:
            FIELD_SAME_NAME: [protoshift/game]
            FIELD_SAME_JSON_NAME: [protoshift/game/ws_messages.proto]
        """);
    Run ignored = run("check", "schema", "--against", V120, "--config", "buf.yaml");
    assertThat(ignored.out()).doesNotContain("FIELD_SAME_NAME").doesNotContain("FIELD_SAME_JSON_NAME");
  }

  @Test
  void check_badConfig_exits2NamingTheKey() throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), "breaking:\n  uses: [FILE]\n");

    Run r = run("check", "schema", "--against", V120, "--config", "bad.yaml");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad.yaml").contains("unknown key breaking.uses");
  }

  @Test
  void check_gitRefs_compareCommittedSchemas() throws Exception {
    Path repo = dir.resolve("repo");
    copy(Path.of(CURRENT), repo.resolve("proto"));
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", ".");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "schema");
    Path file = repo.resolve("proto/protoshift/game/ws_messages.proto");
    Files.writeString(file, Files.readString(file).replace("  uint64 tick = 4;\n", ""));

    Run same = run(repo, "check", "git:HEAD:proto", "--against", "git:main:proto");
    Run edited = run(repo, "check", "proto", "--against", "git:HEAD:proto");
    Run badRef = run(repo, "check", "proto", "--against", "git:no-such-branch:proto");
    Run badDir = run(repo, "check", "proto", "--against", "git:main:nothing-here");

    assertThat(same.code()).as(same.err()).isZero();
    assertThat(edited.code()).isEqualTo(1);
    assertThat(edited.out()).startsWith("proto/protoshift/game/ws_messages.proto:34:1:FIELD_NO_DELETE:");
    assertThat(badRef.code()).isEqualTo(2);
    assertThat(badRef.err()).contains("unknown git ref \"no-such-branch\"");
    assertThat(badDir.code()).isEqualTo(2);
    assertThat(badDir.err()).contains("git:main:nothing-here");
    Run notARepo = run(dir, "check", "schema", "--against", "git:main");
    assertThat(notARepo.code()).isEqualTo(2);
    assertThat(notARepo.err()).contains("git:main: the working directory").contains("is not in a git repository");
  }

  @Test
  void check_jarAndMavenInputs_readTheEmbeddedDescriptorSet() throws Exception {
    byte[] set = dev.protoshift.compat.internal.Fixtures.compiler().compile(Path.of(V120), List.of()).toByteArray();
    Path m2 = dir.resolve("m2");
    Path artifactDir = m2.resolve("dev/example/game-proto/1.2.0");
    Files.createDirectories(artifactDir);
    Path jar = artifactDir.resolve("game-proto-1.2.0.jar");
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/protoshift/schemas/game/descriptor.binpb"));
      zip.write(set);
      zip.closeEntry();
      zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/protoshift/schemas/game/history/1.2.0.binpb"));
      zip.write(set);
      zip.closeEntry();
    }
    String before = System.getProperty("maven.repo.local");
    System.setProperty("maven.repo.local", m2.toString());
    try {
      assertThat(run("check", "schema", "--against", jar.toString()).code()).isZero();
      assertThat(run("check", "schema", "--against", jar + "!META-INF/protoshift/schemas/game/history/1.2.0.binpb").code()).isZero();
      assertThat(run("check", "schema", "--against", "maven:dev.example:game-proto:1.2.0").code()).isZero();
      Run missing = run("check", "schema", "--against", "maven:dev.example:game-proto:9.9.9");
      assertThat(missing.code()).isEqualTo(2);
      assertThat(missing.err()).contains("not in the local Maven repository");
    } finally {
      if (before == null) {
        System.clearProperty("maven.repo.local");
      } else {
        System.setProperty("maven.repo.local", before);
      }
    }
  }

  @Test
  void check_descriptorSetFiles_areInputsToo() throws Exception {
    Path previous = dir.resolve("previous.binpb");
    Files.write(previous, dev.protoshift.compat.internal.Fixtures.compiler().compile(Path.of(V110), List.of())
        .toByteArray());

    Run r = run("check", V120, "--against", "previous.binpb");

    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void check_formats_renderTheSameFindings() throws Exception {
    edit("  uint64 tick = 4;\n", "");
    edit("\"1.2.0\"", "\"2.0.0\"");

    Run github = run("check", "schema", "--against", V120, "--format", "github-actions");
    Run junit = run("check", "schema", "--against", V120, "--format", "junit");
    Run sarif = run("check", "schema", "--against", V120, "--format", "sarif");
    Run json = run("check", "schema", "--against", V120, "--format", "json");

    assertThat(github.out()).isEqualTo("::error file=schema/protoshift/game/ws_messages.proto,line=34,col=1,"
        + "title=FIELD_NO_DELETE::Previously present field \"4\" with name \"tick\" on message \"StateUpdate\" was"
        + " deleted.\n");
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    JsonNode result = json(sarif.out()).get("runs").get(0).get("results").get(0);
    assertThat(result.get("ruleId").asText()).isEqualTo("FIELD_NO_DELETE");
    assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(34);
    JsonNode report = json(json.out());
    assertThat(report.get("required_bump").asText()).isEqualTo("MAJOR");
    assertThat(report.at("/declared/previous").asText()).isEqualTo("1.2.0");
    assertThat(report.at("/declared/current").asText()).isEqualTo("2.0.0");
    assertThat(report.at("/findings/0/category").asText()).isEqualTo("PACKAGE");
    assertThat(List.of(github.code(), junit.code(), sarif.code(), json.code())).containsOnly(1);
  }

  @Test
  void check_junitWithoutFindings_hasOnePassingTestcase() throws Exception {
    Run junit = run("check", CURRENT, "--against", V120, "--format", "junit");

    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void suggestVersion_printsTheVersionTheChangeNeeds() throws IOException {
    assertThat(run("suggest-version", V110, "--against", V100).out()).isEqualTo("1.1.0\n");
    assertThat(run("suggest-version", V120, "--against", V110).out()).isEqualTo("1.1.1\n");
    assertThat(run("suggest-version", CURRENT, "--against", V120).out()).isEqualTo("1.2.0\n");
    edit("  uint64 tick = 4;\n", "");
    assertThat(run("suggest-version", "schema", "--against", V120).out()).isEqualTo("2.0.0\n");
  }

  @Test
  void rules_listsAllSixtyFourWithCategories() {
    Run r = run("rules");

    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(65);
    assertThat(lines).anyMatch(l -> l.startsWith("FIELD_NO_DELETE ") && l.contains("FILE, PACKAGE, CSR") && l.contains("*"));
    assertThat(lines).anyMatch(l -> l.startsWith("FIELD_WIRE_COMPATIBLE_TYPE ") && l.contains("WIRE") && !l.contains("*"));
  }

  @Test
  void help_isAvailableEverywhere() {
    for (String[] args : new String[][] {{"--help"}, {"check", "--help"}, {"suggest-version", "--help"},
        {"rules", "--help"}}) {
      Run r = run(args);
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Usage:");
    }
  }

  private static JsonNode json(String text) throws IOException {
    return new ObjectMapper().readTree(text);
  }

  private static void git(Path repo, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isZero();
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
