package docscheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A scratch copy of the repository's working tree, build outputs (target/) included and .git
 * left out, made a git repository of one commit so that a page's commands can be checked for
 * the files they leave behind.
 */
final class Scratch {

  private Scratch() {}

  static Path create(Path root, Path parent) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(parent, "scratch-");
    sh(dir, "tar -C " + PageScript.quote(root.toString()) + " --exclude=./.git --exclude=./node_modules -cf - . | tar -xf -");
    sh(dir, "git init -q && git add -A && git -c user.name=docs-check -c user.email=docs-check@localhost"
        + " -c commit.gpgsign=false commit -q --no-verify -m 'docs-check snapshot of the working tree'");
    return dir;
  }

  /** Files the page's commands created or changed outside ignored paths ({@code git status --porcelain}). */
  static List<String> changes(Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=all")
        .directory(dir.toFile()).redirectErrorStream(true).start();
    List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
    if (p.waitFor() != 0) {
      throw new IOException("git status failed in " + dir + ": " + lines);
    }
    return lines;
  }

  static void delete(Path dir) throws IOException, InterruptedException {
    sh(dir.getParent(), "chmod -R u+w " + PageScript.quote(dir.toString()) + " 2>/dev/null; rm -rf " + PageScript.quote(dir.toString()));
  }

  private static void sh(Path dir, String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "-c", "set -euo pipefail; " + command)
        .directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException("`" + command + "` failed in " + dir + ":\n" + out);
    }
  }
}
