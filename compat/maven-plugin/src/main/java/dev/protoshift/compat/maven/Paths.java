package dev.protoshift.compat.maven;

import java.nio.file.Path;

/** Paths as the plugin shows them: relative to the build's top directory, with forward slashes. */
final class Paths {

  private Paths() {}

  /** {@code path} relative to {@code root} if it lies inside it, else absolute; always with {@code /}. */
  static String display(Path root, Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path base = root.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
    String text = shown.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }

  /** The prefix that makes a schema's file names paths under {@code root}: {@code src/main/proto/}. */
  static String prefix(Path root, Path protoDirectory) {
    String dir = display(root, protoDirectory);
    return dir.equals(".") ? "" : dir + "/";
  }
}
