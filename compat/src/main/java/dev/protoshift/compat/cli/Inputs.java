package dev.protoshift.compat.cli;

import dev.protoshift.compat.DescriptorImage;
import dev.protoshift.compat.internal.ProtoCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Turns a CLI input into a descriptor set. An input is one of:
 *
 * <ul>
 *   <li>a descriptor set file ({@code .binpb}, {@code .pb}, {@code .desc}, or any other non-jar file);
 *   <li>a directory of {@code .proto} files, compiled with protoc (see {@link ProtoCompiler});
 *   <li>{@code git:REF} or {@code git:REF:SUBDIR}: the {@code .proto} files of the repository in the
 *       working directory at REF (SUBDIR relative to the repository root), compiled;
 *   <li>a jar: its {@code META-INF/protoshift/descriptor.binpb}, else its one descriptor set entry;
 *       {@code JAR!ENTRY} names the entry;
 *   <li>{@code maven:GROUP:ARTIFACT:VERSION[:CLASSIFIER]} from the local Maven repository: the
 *       attached {@code -descriptor.binpb}, else the jar (as above); {@code !ENTRY} works here too.
 * </ul>
 */
final class Inputs {

  /** Where protoshift puts a schema's descriptor set inside a jar. */
  static final String JAR_DESCRIPTOR = "META-INF/protoshift/descriptor.binpb";

  /** A loaded input: its descriptor set and the prefix that makes its file names paths in the repository. */
  record Loaded(DescriptorImage set, String pathPrefix) {}

  private final ProtoCompiler compiler;
  private final List<Path> includes;
  private final Path workingDirectory;

  Inputs(ProtoCompiler compiler, List<Path> includes, Path workingDirectory) {
    this.compiler = compiler;
    this.includes = includes;
    this.workingDirectory = workingDirectory;
  }

  /**
   * Loads {@code spec}.
   *
   * @throws InputException naming the input if it cannot be read, resolved or compiled
   */
  Loaded load(String spec) throws InputException {
    if (spec.startsWith("git:")) {
      return new GitInput(this, workingDirectory).load(spec);
    }
    if (spec.startsWith("maven:")) {
      return maven(spec);
    }
    String entry = null;
    String file = spec;
    int bang = spec.indexOf('!');
    if (bang > 0) {
      file = spec.substring(0, bang);
      entry = spec.substring(bang + 1).replaceFirst("^/", "");
    }
    Path path = workingDirectory.resolve(file);
    if (Files.isDirectory(path)) {
      return new Loaded(compile(path, spec), prefix(file));
    }
    if (!Files.isRegularFile(path)) {
      throw new InputException(spec + ": no such file or directory");
    }
    if (file.endsWith(".jar") || entry != null) {
      return new Loaded(fromJar(path, entry, spec), "");
    }
    try {
      return new Loaded(parse(Files.readAllBytes(path), spec), "");
    } catch (IOException e) {
      throw new InputException(spec + ": cannot read: " + e.getMessage(), e);
    }
  }

  DescriptorImage compile(Path dir, String spec) throws InputException {
    try {
      return DescriptorImage.parse(compiler.compileToBytes(dir, includes));
    } catch (ProtoCompiler.CompileException e) {
      throw new InputException(spec + ": does not compile:\n" + e.getMessage(), e);
    } catch (IOException e) {
      throw new InputException(spec + ": cannot compile: " + e.getMessage(), e);
    }
  }

  static DescriptorImage parse(byte[] bytes, String spec) throws InputException {
    DescriptorImage image;
    try {
      image = DescriptorImage.parse(bytes);
    } catch (IllegalArgumentException e) {
      throw new InputException(spec + ": " + e.getMessage().replace("FileDescriptorSet", "descriptor set"), e);
    }
    if (image.files().getFileCount() == 0) {
      throw new InputException(spec + ": not a descriptor set (no files in it)");
    }
    for (var f : image.files().getFileList()) {
      if (!f.hasName() || f.getName().isEmpty()) {
        throw new InputException(spec + ": not a descriptor set (a file without a name)");
      }
    }
    return image;
  }

  private static DescriptorImage fromJar(Path jar, String entry, String spec) throws InputException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry chosen;
      if (entry != null) {
        chosen = zip.getEntry(entry);
        if (chosen == null) {
          throw new InputException(spec + ": the jar has no entry " + entry);
        }
      } else {
        chosen = zip.getEntry(JAR_DESCRIPTOR);
        if (chosen == null) {
          List<String> candidates = zip.stream().map(ZipEntry::getName)
              .filter(n -> n.endsWith(".binpb") || n.endsWith(".desc") || n.endsWith(".pb")).toList();
          if (candidates.size() != 1) {
            throw new InputException(spec + ": the jar has no " + JAR_DESCRIPTOR + (candidates.isEmpty()
                ? " and no other descriptor set" : "; name one of " + candidates + " as " + jar.getFileName() + "!ENTRY"));
          }
          chosen = zip.getEntry(candidates.get(0));
        }
      }
      try (InputStream in = zip.getInputStream(chosen)) {
        return parse(in.readAllBytes(), spec + "!" + chosen.getName());
      }
    } catch (IOException e) {
      throw new InputException(spec + ": not a readable jar: " + e.getMessage(), e);
    }
  }

  private Loaded maven(String spec) throws InputException {
    String coordinates = spec.substring("maven:".length());
    String entry = null;
    int bang = coordinates.indexOf('!');
    if (bang > 0) {
      entry = coordinates.substring(bang + 1);
      coordinates = coordinates.substring(0, bang);
    }
    String[] parts = coordinates.split(":");
    if (parts.length < 3 || parts.length > 4 || List.of(parts).stream().anyMatch(String::isBlank)) {
      throw new InputException(spec + ": expected maven:GROUP:ARTIFACT:VERSION[:CLASSIFIER]");
    }
    String group = parts[0];
    String artifact = parts[1];
    String version = parts[2];
    String property = System.getProperty("maven.repo.local");
    Path repo = property != null ? Path.of(property) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    Path dir = repo.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
    List<Path> candidates = new ArrayList<>();
    if (parts.length == 4) {
      candidates.add(dir.resolve(artifact + "-" + version + "-" + parts[3] + ".binpb"));
      candidates.add(dir.resolve(artifact + "-" + version + "-" + parts[3] + ".jar"));
    } else {
      if (entry == null) {
        candidates.add(dir.resolve(artifact + "-" + version + "-descriptor.binpb"));
      }
      candidates.add(dir.resolve(artifact + "-" + version + ".jar"));
    }
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        String name = candidate.getFileName().toString();
        if (name.endsWith(".jar")) {
          return new Loaded(fromJar(candidate, entry, spec), "");
        }
        try {
          return new Loaded(parse(Files.readAllBytes(candidate), spec), "");
        } catch (IOException e) {
          throw new InputException(spec + ": cannot read " + candidate + ": " + e.getMessage(), e);
        }
      }
    }
    throw new InputException(spec + ": not in the local Maven repository (looked for " + candidates
        + "); fetch it first, e.g. ./mvnw dependency:get -Dartifact=" + coordinates);
  }

  static boolean hasProto(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.anyMatch(p -> p.toString().endsWith(".proto"));
    } catch (IOException e) {
      return false;
    }
  }

  private static String prefix(String dir) {
    String normalized = dir.replace('\\', '/').replaceAll("/+$", "");
    if (normalized.isEmpty() || normalized.equals(".")) {
      return "";
    }
    if (normalized.startsWith("./")) {
      normalized = normalized.substring(2);
    }
    return normalized + "/";
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
