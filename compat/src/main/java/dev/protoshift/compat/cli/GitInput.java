package dev.protoshift.compat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A {@code git:REF[:SUBDIR]} input: the {@code .proto} files of the repository in the working
 * directory at REF ({@code git archive} into a temporary directory), SUBDIR relative to the
 * repository root, compiled.
 */
final class GitInput {

  private final Inputs inputs;
  private final Path workingDirectory;

  GitInput(Inputs inputs, Path workingDirectory) {
    this.inputs = inputs;
    this.workingDirectory = workingDirectory;
  }

  /**
   * Loads {@code spec} ({@code git:REF} or {@code git:REF:SUBDIR}).
   *
   * @throws InputException naming the ref or the directory if either does not exist, or git fails
   */
  Inputs.Raw load(String spec) throws InputException {
    String rest = spec.substring("git:".length());
    int colon = rest.indexOf(':');
    String ref = colon < 0 ? rest : rest.substring(0, colon);
    String subdir = colon < 0 ? "" : rest.substring(colon + 1).replaceAll("^/+|/+$", "");
    if (ref.isEmpty()) {
      throw new InputException(spec + ": expected git:REF or git:REF:SUBDIR");
    }
    String top;
    try {
      top = run(spec, List.of("git", "rev-parse", "--show-toplevel"), null).trim();
    } catch (InputException e) {
      throw new InputException(spec + ": the working directory " + workingDirectory + " is not in a git repository ("
          + e.getMessage() + ")", e);
    }
    String commit;
    try {
      commit = run(spec, List.of("git", "rev-parse", "--verify", "--quiet", ref + "^{commit}"), null).trim();
    } catch (InputException e) {
      throw new InputException(spec + ": unknown git ref \"" + ref + "\" in " + top, e);
    }
    Path work;
    try {
      work = Files.createTempDirectory("protoshift-git");
    } catch (IOException e) {
      throw new InputException(spec + ": cannot create a temporary directory: " + e.getMessage(), e);
    }
    try {
      Path zip = work.resolve("tree.zip");
      List<String> command = new ArrayList<>(List.of("git", "-C", top, "archive", "--format=zip", "-o",
          zip.toAbsolutePath().toString(), commit));
      if (!subdir.isEmpty()) {
        command.add("--");
        command.add(subdir);
      }
      try {
        run(spec, command, null);
      } catch (InputException e) {
        throw new InputException(spec + ": \"" + subdir + "\" is not a path in " + ref + " (" + e.getMessage() + ")", e);
      }
      Path tree = work.resolve("tree");
      unzip(zip, tree);
      Path root = subdir.isEmpty() ? tree : tree.resolve(subdir);
      if (!Files.isDirectory(root) || !Inputs.hasProto(root)) {
        throw new InputException(spec + ": no .proto files under \"" + (subdir.isEmpty() ? "." : subdir) + "\" at " + ref);
      }
      return new Inputs.Raw(spec, inputs.compile(root, spec), subdir.isEmpty() ? "" : subdir + "/", true);
    } finally {
      Inputs.deleteTree(work);
    }
  }

  private String run(String spec, List<String> command, Path dir) throws InputException {
    try {
      Process process = new ProcessBuilder(command).directory((dir == null ? workingDirectory : dir).toFile())
          .redirectErrorStream(true).start();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new InputException(output.isBlank() ? String.join(" ", command) + " failed" : output.strip());
      }
      return output;
    } catch (IOException e) {
      throw new InputException(spec + ": cannot run git (is it installed?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputException(spec + ": interrupted", e);
    }
  }

  /**
   * Unpacks the {@code .proto} files of the archive (the only files protoc reads), each read with
   * {@link Archives}' limits, and at most {@link #MAX_TOTAL_BYTES} in all.
   */
  private static void unzip(Path zip, Path target) throws InputException {
    Path root = target.toAbsolutePath().normalize();
    long total = 0;
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      for (ZipEntry e : java.util.Collections.list(archive.entries())) {
        if (e.isDirectory() || !e.getName().endsWith(".proto")) {
          continue;
        }
        Path out = root.resolve(e.getName()).normalize();
        if (!out.startsWith(root)) {
          throw new InputException("git archive entry escapes the target: " + e.getName());
        }
        byte[] bytes = Archives.read(archive, e, "git archive entry " + e.getName());
        total += bytes.length;
        if (total > MAX_TOTAL_BYTES) {
          throw new InputException("git archive: the .proto files hold more than " + MAX_TOTAL_BYTES + " bytes; not read");
        }
        Files.createDirectories(out.getParent());
        Files.write(out, bytes);
      }
    } catch (IOException e) {
      throw new InputException("cannot unpack git archive: " + e.getMessage(), e);
    }
  }

  /** The most bytes of .proto files one git input may unpack: 1 GiB. */
  static final long MAX_TOTAL_BYTES = 1L << 30;
}
