package dev.protoshift.compat.maven;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code .proto} files of a directory of a git repository at a ref (branch, tag or commit),
 * read with {@code git ls-tree} and one {@code git cat-file --batch}, for a check against the
 * schema as a ref has it ({@code against = git:REF[:SUBDIR]}).
 */
final class GitTree {

  private GitTree() {}

  /** The repository's top directory, for a directory inside it. */
  static Path topLevel(Path workingDirectory) throws IOException {
    try {
      return Path.of(text(run(workingDirectory, null, "git", "rev-parse", "--show-toplevel")).strip());
    } catch (GitException e) {
      throw new IllegalArgumentException(workingDirectory + " is not in a git repository (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Writes the {@code .proto} files under {@code subdir} (relative to the repository's top
   * directory; empty for all) at {@code ref} into {@code target}, named relative to {@code subdir}.
   *
   * @return the number of files written
   * @throws IllegalArgumentException naming the ref or the directory if either does not exist, or
   *     the directory holds no .proto file at that ref
   * @throws IOException if git cannot be run
   */
  static int export(Path workingDirectory, String ref, String subdir, Path target) throws IOException {
    Path top = topLevel(workingDirectory);
    String commit;
    try {
      commit = text(run(top, null, "git", "rev-parse", "--verify", "--quiet", ref + "^{commit}")).strip();
    } catch (GitException e) {
      throw new IllegalArgumentException("unknown git ref \"" + ref + "\" in " + top, e);
    }
    String dir = subdir.replace('\\', '/').replaceAll("^/+|/+$", "");
    List<String> command = new ArrayList<>(List.of("git", "ls-tree", "-r", "-z", commit));
    if (!dir.isEmpty()) {
      command.add("--");
      command.add(dir);
    }
    List<String[]> blobs = new ArrayList<>();
    for (String line : text(run(top, null, command.toArray(String[]::new))).split("\0")) {
      int tab = line.indexOf('\t');
      String[] meta = tab < 0 ? new String[0] : line.substring(0, tab).split(" ");
      String path = tab < 0 ? "" : line.substring(tab + 1);
      if (meta.length == 3 && meta[1].equals("blob") && path.endsWith(".proto")) {
        blobs.add(new String[] {meta[2], dir.isEmpty() ? path : path.substring(dir.length() + 1)});
      }
    }
    if (blobs.isEmpty()) {
      throw new IllegalArgumentException("no .proto files under \"" + (dir.isEmpty() ? "." : dir) + "\" at git ref "
          + ref + " of " + top);
    }
    StringBuilder input = new StringBuilder();
    blobs.forEach(b -> input.append(b[0]).append('\n'));
    DataInputStream batch = new DataInputStream(new java.io.ByteArrayInputStream(
        run(top, input.toString().getBytes(StandardCharsets.UTF_8), "git", "cat-file", "--batch")));
    Path root = target.toAbsolutePath().normalize();
    for (String[] blob : blobs) {
      String header = readLine(batch);
      String[] parts = header.split(" ");
      if (parts.length != 3 || !parts[1].equals("blob")) {
        throw new IOException("git cat-file answered \"" + header + "\" for " + blob[1]);
      }
      byte[] content = batch.readNBytes(Integer.parseInt(parts[2]));
      batch.read(); // the newline after the content
      Path out = root.resolve(blob[1]).normalize();
      if (!out.startsWith(root)) {
        throw new IOException("git path " + blob[1] + " would land outside " + root);
      }
      Files.createDirectories(out.getParent());
      Files.write(out, content);
    }
    return blobs.size();
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) {
        throw new IOException("git cat-file ended early");
      }
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** git failed: the message is its output. */
  static final class GitException extends IOException {
    private static final long serialVersionUID = 1L;

    GitException(String message) {
      super(message);
    }
  }

  private static byte[] run(Path dir, byte[] input, String... command) throws IOException {
    Process process;
    try {
      process = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new IOException("cannot run git (is it installed and on the PATH?): " + e.getMessage(), e);
    }
    Thread feeder = new Thread(() -> {
      try (OutputStream out = process.getOutputStream()) {
        if (input != null) {
          out.write(input);
        }
      } catch (IOException e) {
        // git stopped reading: its exit code and message say why
      }
    }, "protoshift-git-input");
    feeder.start();
    byte[] errors;
    byte[] output;
    try (InputStream out = process.getInputStream(); InputStream err = process.getErrorStream()) {
      var errorText = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return err.readAllBytes();
        } catch (IOException e) {
          return new byte[0];
        }
      });
      output = out.readAllBytes();
      errors = errorText.join();
    }
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish within 2 minutes");
      }
      feeder.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running git", e);
    }
    if (process.exitValue() != 0) {
      String message = text(errors).strip();
      throw new GitException(message.isEmpty() ? String.join(" ", command) + " exited " + process.exitValue() : message);
    }
    return output;
  }
}
