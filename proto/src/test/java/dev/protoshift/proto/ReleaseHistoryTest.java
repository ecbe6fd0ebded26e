package dev.protoshift.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseHistoryTest {

  @TempDir
  Path jar;

  private static FileDescriptorSet schema(String pkg, String... messages) {
    FileDescriptorProto.Builder file = FileDescriptorProto.newBuilder().setName(pkg + ".proto").setPackage(pkg)
        .setSyntax("proto3");
    for (String m : messages) {
      file.addMessageType(DescriptorProto.newBuilder().setName(m)
          .addNestedType(DescriptorProto.newBuilder().setName("Inner")));
    }
    return FileDescriptorSet.newBuilder().addFile(file).build();
  }

  private ClassLoader classpath(String schema, Map<String, FileDescriptorSet> releases, String index) throws IOException {
    Path dir = jar.resolve("META-INF/protoshift/schemas/" + schema + "/history");
    Files.createDirectories(dir);
    for (var e : releases.entrySet()) {
      Files.write(dir.resolve(e.getKey() + ".binpb"), e.getValue().toByteArray());
    }
    Files.writeString(dir.resolve("versions.txt"), index);
    return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
  }

  @Test
  void load_readsTheReleasesOfTheNamedSchemaOnly_oldestFirst() throws IOException {
    ClassLoader loader = classpath("arena", Map.of("1.10.0", schema("arena.v1", "Snake", "Point"),
        "1.2.0", schema("arena.v1", "Snake")), "1.2.0\n1.10.0\n");

    ReleaseHistory history = ReleaseHistory.load(loader, "arena");

    assertThat(history.versions()).containsExactly("1.2.0", "1.10.0");
    assertThat(history.latest()).contains("1.10.0");
    assertThat(history.message("1.2.0", "arena.v1.Point")).isEmpty();
    assertThat(history.message("1.10.0", "arena.v1.Point")).hasValueSatisfying(
        d -> assertThat(d.getFullName()).isEqualTo("arena.v1.Point"));
    assertThat(history.message("1.10.0", "arena.v1.Snake.Inner")).isPresent();
    assertThatThrownBy(() -> ReleaseHistory.load(loader, "other"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("META-INF/protoshift/schemas/other/history/versions.txt is not on the classpath");
  }

  @Test
  void of_ordersVersionsNumerically_andRefusesNonReleases() {
    ReleaseHistory history = ReleaseHistory.of("s", Map.of("1.10.0", schema("p"), "1.9.3", schema("p"),
        "0.1.0", schema("p")));

    assertThat(history.versions()).containsExactly("0.1.0", "1.9.3", "1.10.0");
    assertThatThrownBy(() -> ReleaseHistory.of("s", Map.of("1.1.0-rc.1", schema("p"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAJOR.MINOR.PATCH, was \"1.1.0-rc.1\"");
    assertThatThrownBy(() -> ReleaseHistory.of("Bad Name", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema name must match");
  }

  @Test
  void descriptorSet_ofAnUnreleasedVersion_namesTheReleasedOnes() {
    ReleaseHistory history = ReleaseHistory.of("s", Map.of("1.0.0", schema("p")));

    assertThatThrownBy(() -> history.descriptorSet("1.1.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version \"1.1.0\" of schema s was never released; released: [1.0.0]");
  }

  @Test
  void load_garbageDescriptorSet_namesTheResource() throws IOException {
    ClassLoader loader = classpath("bad", Map.of(), "1.0.0\n");
    Files.write(jar.resolve("META-INF/protoshift/schemas/bad/history/1.0.0.binpb"), new byte[] {(byte) 0xff, 1});

    assertThatThrownBy(() -> ReleaseHistory.load(loader, "bad"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("META-INF/protoshift/schemas/bad/history/1.0.0.binpb is not a descriptor set");
  }
}
