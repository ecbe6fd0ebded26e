package dev.protoshift.compat.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyProtosTest {

  @TempDir
  Path dir;

  @Test
  void includes_jarsProtos_extractedOnce_firstJarWins_wellKnownLeftOut() throws IOException {
    Path first = jar("first.jar", "protoshift/options.proto", "first", "google/protobuf/any.proto", "old any",
        "dev/protoshift/X.class", "not a proto");
    Path second = jar("second.jar", "protoshift/options.proto", "second", "shared/types.proto", "types");
    Path out = dir.resolve("out");
    List<Path> includes = DependencyProtos.includes(List.of(first, second), out);
    assertThat(includes).containsExactly(out.toAbsolutePath().normalize());
    assertThat(Files.readString(out.resolve("protoshift/options.proto"))).isEqualTo("first");
    assertThat(Files.readString(out.resolve("shared/types.proto"))).isEqualTo("types");
    assertThat(out.resolve("google/protobuf/any.proto")).doesNotExist();
    assertThat(out.resolve("dev/protoshift/X.class")).doesNotExist();
  }

  @Test
  void includes_directoryWithProtos_usedAsItIs_withoutProtos_left() throws IOException {
    Path classes = dir.resolve("module/target/classes");
    Files.createDirectories(classes.resolve("a"));
    Files.writeString(classes.resolve("a/b.proto"), "x");
    Path empty = Files.createDirectories(dir.resolve("other/target/classes"));
    assertThat(DependencyProtos.includes(List.of(empty, classes), dir.resolve("out"))).containsExactly(classes);
  }

  @Test
  void includes_staleExtraction_isEmptiedFirst() throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("gone"));
    Files.writeString(out.resolve("gone/old.proto"), "from a dependency since removed");
    assertThat(DependencyProtos.includes(List.of(), out)).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void includes_entryEscapingTheDirectory_isRefusedNamingTheJar() throws IOException {
    Path evil = jar("evil.jar", "../../escape.proto", "x");
    assertThatThrownBy(() -> DependencyProtos.includes(List.of(evil), dir.resolve("out")))
        .isInstanceOf(IOException.class).hasMessageContaining(evil.toString()).hasMessageContaining("outside");
    assertThat(dir.getParent().resolve("escape.proto")).doesNotExist();
  }

  private Path jar(String name, String... entries) throws IOException {
    Path jar = dir.resolve(name);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      for (int i = 0; i < entries.length; i += 2) {
        zip.putNextEntry(new ZipEntry(entries[i]));
        zip.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
