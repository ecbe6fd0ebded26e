package dev.protoshift.compat.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFolderTest {

  @TempDir
  Path dir;

  @Test
  void releases_orderedBySemanticVersion_notByName() throws IOException {
    for (String v : new String[] {"1.10.0", "1.9.0", "1.0.0", "2.0.0"}) {
      Files.createDirectories(dir.resolve(v));
    }
    HistoryFolder history = new HistoryFolder(dir);
    assertThat(history.releases()).extracting(HistoryFolder.Release::version)
        .containsExactly("1.0.0", "1.9.0", "1.10.0", "2.0.0");
    assertThat(history.newest()).map(HistoryFolder.Release::version).contains("2.0.0");
    assertThat(history.release("1.9.0").directory()).isEqualTo(dir.resolve("1.9.0"));
  }

  @Test
  void releases_filesAndHiddenFolders_areLeftAlone() throws IOException {
    Files.createDirectories(dir.resolve("1.0.0"));
    Files.createDirectories(dir.resolve(".1.1.0.12345"));
    Files.writeString(dir.resolve("README.md"), "frozen releases");
    assertThat(new HistoryFolder(dir).releases()).extracting(HistoryFolder.Release::version).containsExactly("1.0.0");
  }

  @Test
  void releases_folderNotNamedByAVersion_isAnErrorNamingIt() throws IOException {
    Files.createDirectories(dir.resolve("1.0.0"));
    Files.createDirectories(dir.resolve("1.1.0-rc1"));
    assertThatThrownBy(() -> new HistoryFolder(dir).releases()).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(dir.resolve("1.1.0-rc1") + ": a frozen release's folder is named by its version,"
            + " MAJOR.MINOR.PATCH (e.g. 1.2.0), was \"1.1.0-rc1\"");
  }

  @Test
  void releases_missingFolder_isNoRelease() throws IOException {
    HistoryFolder history = new HistoryFolder(dir.resolve("nothing-yet"));
    assertThat(history.releases()).isEmpty();
    assertThat(history.newest()).isEmpty();
    assertThatThrownBy(() -> history.release("1.0.0")).hasMessageContaining("no frozen release 1.0.0")
        .hasMessageEndingWith("released: []");
  }
}
