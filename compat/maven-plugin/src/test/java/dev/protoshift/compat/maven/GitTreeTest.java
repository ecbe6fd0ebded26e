package dev.protoshift.compat.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitTreeTest {

  @TempDir
  Path repo;

  @TempDir
  Path out;

  @BeforeEach
  void twoCommits() throws Exception {
    git("init", "-q");
    write("schema/src/game/v1/game.proto", "// first\n");
    write("schema/src/game/v1/notes.txt", "not a proto\n");
    write("other/x.proto", "// elsewhere\n");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "one");
    write("schema/src/game/v1/game.proto", "// second\n");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-am", "two");
  }

  @Test
  void export_olderRef_writesItsProtoFilesRelativeToTheDirectory() throws IOException {
    int files = GitTree.export(repo.resolve("schema"), "HEAD~1", "schema/src", out);
    assertThat(files).isEqualTo(1);
    assertThat(Files.readString(out.resolve("game/v1/game.proto"))).isEqualTo("// first\n");
    assertThat(out.resolve("game/v1/notes.txt")).doesNotExist();
  }

  @Test
  void export_wholeRepository_takesEveryProtoFile() throws IOException {
    assertThat(GitTree.export(repo, "HEAD", "", out)).isEqualTo(2);
    assertThat(Files.readString(out.resolve("schema/src/game/v1/game.proto"))).isEqualTo("// second\n");
  }

  @Test
  void export_unknownRef_namesIt() {
    assertThatThrownBy(() -> GitTree.export(repo, "no-such-branch", "schema/src", out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown git ref \"no-such-branch\" in ");
  }

  @Test
  void export_directoryWithoutProtos_namesDirectoryAndRef() {
    assertThatThrownBy(() -> GitTree.export(repo, "HEAD", "nowhere", out))
        .hasMessageStartingWith("no .proto files under \"nowhere\" at git ref HEAD of ");
  }

  @Test
  void topLevel_outsideARepository_saysSo(@TempDir Path elsewhere) {
    assertThatThrownBy(() -> GitTree.topLevel(elsewhere)).hasMessageContaining("is not in a git repository");
  }

  private void write(String path, String text) throws IOException {
    Files.createDirectories(repo.resolve(path).getParent());
    Files.writeString(repo.resolve(path), text);
  }

  private void git(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(output).isZero();
  }
}
