package dev.protoshift.compat.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The {@code .proto} files of a project's compile dependencies, as import paths for protoc: a
 * dependency that is a directory (a module of the same reactor) is used as it is; the {@code .proto}
 * entries of jars are extracted into one directory, the first jar on the class path winning when two
 * hold the same file. Files under {@code google/protobuf/} are left out: protoc gets the well-known
 * types of its own version.
 */
final class DependencyProtos {

  private DependencyProtos() {}

  /**
   * The import paths for {@code dependencies} (jars or directories, in class-path order).
   *
   * @param extractTo emptied, then filled with the jars' {@code .proto} files
   * @throws IOException naming the jar if one cannot be read, or an entry would land outside
   *     {@code extractTo}
   */
  static List<Path> includes(List<Path> dependencies, Path extractTo) throws IOException {
    deleteTree(extractTo);
    List<Path> includes = new ArrayList<>();
    Set<String> extracted = new HashSet<>();
    Path root = extractTo.toAbsolutePath().normalize();
    for (Path dependency : dependencies) {
      if (Files.isDirectory(dependency)) {
        if (hasProto(dependency)) {
          includes.add(dependency);
        }
      } else if (Files.isRegularFile(dependency) && dependency.getFileName().toString().endsWith(".jar")) {
        extract(dependency, root, extracted);
      }
    }
    if (!extracted.isEmpty()) {
      includes.add(root);
    }
    return includes;
  }

  private static void extract(Path jar, Path root, Set<String> extracted) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        String name = entry.getName();
        if (entry.isDirectory() || !name.endsWith(".proto") || name.startsWith("google/protobuf/")
            || name.startsWith("META-INF/") || !extracted.add(name)) {
          continue;
        }
        Path out = root.resolve(name).normalize();
        if (!out.startsWith(root)) {
          throw new IOException(jar + ": entry " + name + " would land outside " + root);
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, out);
        }
      }
    } catch (IOException e) {
      throw new IOException("cannot read the .proto files of " + jar + ": " + e.getMessage(), e);
    }
  }

  static boolean hasProto(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.anyMatch(p -> p.getFileName().toString().endsWith(".proto") && Files.isRegularFile(p));
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
