package dev.protoshift.compat.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtocTest {

  @Test
  void classifier_javaNames_mapToProtocsMavenClassifiers() throws MojoExecutionException {
    assertThat(Protoc.classifier("Linux", "amd64")).isEqualTo("linux-x86_64");
    assertThat(Protoc.classifier("Mac OS X", "aarch64")).isEqualTo("osx-aarch_64");
    assertThat(Protoc.classifier("Windows 11", "x86_64")).isEqualTo("windows-x86_64");
    assertThat(Protoc.classifier("Linux", "ppc64le")).isEqualTo("linux-ppcle_64");
  }

  @Test
  void classifier_unpublishedPlatform_pointsAtPROTOSHIFT_PROTOC() {
    assertThatThrownBy(() -> Protoc.classifier("SunOS", "sparcv9")).isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("SunOS/sparcv9").hasMessageContaining("PROTOSHIFT_PROTOC");
  }

  @Test
  void executableCopy_copiesOnce_andAgainWhenTheArtifactChanged(@TempDir Path dir) throws IOException {
    Path resolved = Files.writeString(dir.resolve("protoc-4.36.2-linux-x86_64.exe"), "binary v1");
    Path copy = Protoc.executableCopy(resolved, dir.resolve("work"));
    assertThat(copy).hasContent("binary v1").isExecutable();
    Files.writeString(copy, "tampered!");
    assertThat(Protoc.executableCopy(resolved, dir.resolve("work"))).hasContent("binary v1");
  }
}
