package dev.protoshift.operations.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {

  @TempDir
  Path dir;

  @Test
  void matches_onlyTheExactToken() {
    AdminToken token = AdminToken.of("correct-horse-battery", "test");
    assertThat(token.matches("correct-horse-battery")).isTrue();
    assertThat(token.matches("correct-horse-batterY")).isFalse();
    assertThat(token.matches("correct-horse-battery ")).isFalse();
    assertThat(token.matches("")).isFalse();
    assertThat(token.matches(null)).isFalse();
  }

  @Test
  void of_tooShort_isRefusedNamingTheSourceButNotTheToken() {
    assertThatThrownBy(() -> AdminToken.of("short", "environment X"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("environment X")
        .hasMessageContaining("had 5")
        .hasMessageNotContaining("short\"");
  }

  @Test
  void fromFile_readsTheFirstLine() throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, "  a-token-of-20-chars \nsecond line\n");
    AdminToken token = AdminToken.fromFile(file);
    assertThat(token.matches("a-token-of-20-chars")).isTrue();
    assertThat(token.source()).contains(file.toString());
  }

  @Test
  void generate_writesAPrivateFileAndNeverShowsTheToken() throws Exception {
    AdminToken token = AdminToken.generate(dir);
    Path file;
    try (var files = Files.list(dir)) {
      file = files.findFirst().orElseThrow();
    }
    String written = Files.readString(file).strip();
    assertThat(token.matches(written)).isTrue();
    assertThat(written).hasSizeGreaterThanOrEqualTo(43);
    assertThat(token.source()).contains(file.toString()).doesNotContain(written);
    assertThat(token.toString()).doesNotContain(written);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }
}
