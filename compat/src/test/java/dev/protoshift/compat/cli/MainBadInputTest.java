package dev.protoshift.compat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.protoshift.compat.cli.MainTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI refuses hostile or broken inputs with exit code 2 and a message naming what is wrong:
 * archives that inflate beyond reason, descriptor sets that do not link, and files that are not
 * regular files (devices, FIFOs, directories where a file is expected), without reading them
 * unbounded or blocking on them.
 */
class MainBadInputTest {

  private static final Duration SOON = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  private Run run(String... args) {
    return assertTimeoutPreemptively(SOON, () -> MainTest.run(dir, args));
  }

  private Path valid() throws IOException {
    Path file = dir.resolve("valid.binpb");
    Files.write(file, set(file("game/v1/a.proto", "game.v1").addMessageType(message("Main", field("a", 1))))
        .toByteArray());
    return file;
  }

  // --- archives --------------------------------------------------------------------------------

  @Test
  void check_zipBombJar_exits2NamingTheJarAndEntry() throws Exception {
    valid();
    ZipBomb.write(dir.resolve("bomb.jar"), "META-INF/protoshift/schemas/game/descriptor.binpb", 2049, -1);
    assertThat(Files.size(dir.resolve("bomb.jar"))).isLessThan(3_000_000);

    Run r = run("check", "valid.binpb", "--against", "bomb.jar");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bomb.jar!META-INF/protoshift/schemas/game/descriptor.binpb")
        .contains("2148532224 bytes").doesNotContain("internal error").doesNotContain("\tat ");
  }

  @Test
  void check_jarEntryThatInflatesBeyondItsDeclaredSize_exits2() throws Exception {
    valid();
    ZipBomb.write(dir.resolve("liar.jar"), "schema.binpb", 512, 1000);

    Run r = run("check", "valid.binpb", "--against", "liar.jar!schema.binpb");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("liar.jar!schema.binpb").contains("more than the 1000 bytes")
        .doesNotContain("\tat ");
  }

  @Test
  void check_directoryNamedAsAJar_exits2SayingItIsADirectory() throws Exception {
    valid();
    Files.createDirectories(dir.resolve("schema.jar"));

    Run r = run("check", "valid.binpb", "--against", "schema.jar!META-INF/protoshift/schemas/game/descriptor.binpb");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("schema.jar: is a directory, not a jar");
  }

  // --- files that are not regular files ---------------------------------------------------------

  @Test
  @EnabledOnOs(OS.LINUX)
  void check_deviceAsInput_saysItIsNotARegularFile() throws Exception {
    valid();

    Run r = run("check", "valid.binpb", "--against", "/dev/zero");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("/dev/zero: is not a regular file (a character device)")
        .doesNotContain("no such file");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void check_fifoAsInput_saysItIsNotARegularFileWithoutBlocking() throws Exception {
    valid();
    mkfifo(dir.resolve("pipe.binpb"));

    Run r = run("check", "valid.binpb", "--against", "pipe.binpb");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("pipe.binpb: is not a regular file (a FIFO)");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void check_fifoOrDeviceAsConfig_saysItIsNotARegularFileWithoutReadingIt() throws Exception {
    valid();
    mkfifo(dir.resolve("buf.yaml"));

    Run fifo = run("check", "valid.binpb", "--against", "valid.binpb", "--config", "buf.yaml");
    Run device = run("check", "valid.binpb", "--against", "valid.binpb", "--config", "/dev/zero");
    Run directory = run("check", "valid.binpb", "--against", "valid.binpb", "--config", ".");

    assertThat(fifo.code()).isEqualTo(2);
    assertThat(fifo.err()).contains("buf.yaml: is not a regular file (a FIFO)");
    assertThat(device.code()).isEqualTo(2);
    assertThat(device.err()).contains("/dev/zero: is not a regular file (a character device)");
    assertThat(directory.code()).isEqualTo(2);
    assertThat(directory.err()).contains(".: is not a regular file (a directory)");
  }

  @Test
  void check_includeThatIsNotADirectory_exits2() throws Exception {
    Path file = valid();

    Run r = run("check", "valid.binpb", "--against", "valid.binpb", "-I", file.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("valid.binpb: is not a directory");
  }

  // --- descriptor sets that do not link ---------------------------------------------------------

  @Test
  void check_undefinedTypeReference_exits2NamingFileAndElement() throws Exception {
    FieldDescriptorProto ref = field("ref", 2).toBuilder().setType(Type.TYPE_MESSAGE)
        .setTypeName(".game.v1.Missing").build();

    Run r = check(set(file("game/v1/a.proto", "game.v1").addMessageType(message("Main", field("a", 1), ref))));

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad.binpb: game/v1/a.proto: game.v1.Main.ref: \".game.v1.Missing\" is not defined");
  }

  @Test
  void check_importCycle_exits2NamingTheCycle() throws Exception {
    Run r = check(set(file("a.proto", "p").addDependency("b.proto"), file("b.proto", "p").addDependency("a.proto")));

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad.binpb: import cycle: a.proto -> b.proto -> a.proto");
  }

  @Test
  void check_missingDependency_exits2NamingTheImport() throws Exception {
    Run r = check(set(file("a.proto", "p").addDependency("google/protobuf/timestamp.proto")));

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad.binpb: a.proto imports google/protobuf/timestamp.proto, which the set does"
        + " not contain");
  }

  @Test
  void check_duplicateFieldNumbers_exits2NamingTheMessage() throws Exception {
    Run r = check(set(file("a.proto", "p").addMessageType(message("Main", field("a", 1), field("b", 1)))));

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad.binpb: a.proto: p.Main.b: Field number 1 has already been used in \"p.Main\""
        + " by field \"a\"");
  }

  @Test
  void check_duplicateNames_exits2NamingBothFiles() throws Exception {
    Run r = check(set(file("a.proto", "p").addMessageType(message("Main", field("a", 1))),
        file("b.proto", "p").addMessageType(message("Main", field("a", 1)))));

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad.binpb: b.proto: p.Main: \"p.Main\" is already defined in file \"a.proto\"");
  }

  private Run check(FileDescriptorSet bad) throws IOException {
    Files.write(dir.resolve("bad.binpb"), bad.toByteArray());
    return run("check", "bad.binpb", "--against", "bad.binpb");
  }

  private static FileDescriptorSet set(FileDescriptorProto.Builder... files) {
    FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
    for (FileDescriptorProto.Builder file : files) {
      set.addFile(file);
    }
    return set.build();
  }

  private static FileDescriptorProto.Builder file(String name, String pkg) {
    return FileDescriptorProto.newBuilder().setName(name).setPackage(pkg).setSyntax("proto3");
  }

  private static DescriptorProto message(String name, FieldDescriptorProto... fields) {
    DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(name);
    for (FieldDescriptorProto field : fields) {
      message.addField(field);
    }
    return message.build();
  }

  private static FieldDescriptorProto field(String name, int number) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setLabel(Label.LABEL_OPTIONAL)
        .setType(Type.TYPE_INT32).build();
  }

  private static void mkfifo(Path path) throws Exception {
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(p.waitFor()).isZero();
  }
}
