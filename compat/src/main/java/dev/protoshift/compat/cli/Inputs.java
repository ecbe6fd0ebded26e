package dev.protoshift.compat.cli;

import dev.protoshift.compat.DescriptorImage;
import dev.protoshift.compat.internal.Linker;
import dev.protoshift.compat.internal.ProtoCompiler;
import dev.protoshift.compat.internal.RegularFiles;
import java.io.IOException;
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
 *   <li>a jar: its {@code META-INF/protoshift/schemas/<schema>/descriptor.binpb} (if it holds one
 *       schema), else its one descriptor set entry;
 *       {@code JAR!ENTRY} names the entry;
 *   <li>{@code maven:GROUP:ARTIFACT:VERSION[:CLASSIFIER]} from the local Maven repository: the
 *       attached {@code -descriptor.binpb}, else the jar (as above); {@code !ENTRY} works here too.
 * </ul>
 */
final class Inputs {

  /**
   * Where protoshift puts a schema's current descriptor set inside a jar:
   * {@code META-INF/protoshift/schemas/<schema>/descriptor.binpb} (protoshift-proto's ReleaseHistory layout).
   */
  static final java.util.regex.Pattern JAR_DESCRIPTOR =
      java.util.regex.Pattern.compile("META-INF/protoshift/schemas/[^/]+/descriptor\\.binpb");
  static final String JAR_DESCRIPTOR_TEXT = "META-INF/protoshift/schemas/<schema>/descriptor.binpb";

  /** An input read but not parsed: its bytes, the name errors give it, the prefix of its paths. */
  record Raw(String label, byte[] bytes, String pathPrefix, boolean compiled) {}

  /**
   * A loaded input: its descriptor set, the prefix that makes its file names paths in the
   * repository, the name errors give it, and whether protoc compiled it (then it is linked already).
   */
  record Loaded(DescriptorImage set, String pathPrefix, String label, boolean compiled) {}

  private final ProtoCompiler compiler;
  private final List<Path> includes;
  private final Path workingDirectory;

  Inputs(ProtoCompiler compiler, List<Path> includes, Path workingDirectory) {
    this.compiler = compiler;
    this.includes = includes;
    this.workingDirectory = workingDirectory;
  }

  /**
   * Loads {@code spec}: {@link #fetch}, {@link #read}, then {@link #link}.
   *
   * @throws InputException naming the input if it cannot be read, resolved, compiled or linked
   */
  Loaded load(String spec) throws InputException {
    Loaded loaded = read(fetch(spec), null);
    link(loaded, null);
    return loaded;
  }

  /**
   * Reads the bytes of {@code spec}'s descriptor set (compiling a directory or a git ref).
   *
   * @throws InputException naming the input if it cannot be read, resolved or compiled
   */
  Raw fetch(String spec) throws InputException {
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
      if (entry != null) {
        throw new InputException(file + ": is a directory, not a jar");
      }
      return new Raw(spec, compile(path, spec), prefix(file), true);
    }
    String problem = RegularFiles.problem(path);
    if (problem != null) {
      throw new InputException(file + ": " + problem);
    }
    if (file.endsWith(".jar") || entry != null) {
      return fromJar(path, entry, file);
    }
    return new Raw(spec, readFile(path, spec), "", false);
  }

  /**
   * Parses fetched bytes; files byte-identical to a file of {@code reuse} (the other side of a
   * comparison, or null) are not parsed again.
   *
   * @throws InputException naming the input if it is not a descriptor set
   */
  static Loaded read(Raw raw, Loaded reuse) throws InputException {
    DescriptorImage image = parse(raw.bytes(), raw.label(), reuse == null ? null : reuse.set());
    return new Loaded(image, raw.pathPrefix(), raw.label(), raw.compiled());
  }

  /**
   * Links a loaded set ({@link Linker}), unless protoc compiled it; files shared with {@code reuse}'s
   * set are not linked again.
   *
   * @param reuse the other side's links, or null
   * @return the links, or null for a set protoc compiled
   * @throws InputException naming the input and the problem if the set does not link
   */
  static Linker.Linked link(Loaded loaded, Linker.Linked reuse) throws InputException {
    if (loaded.compiled()) {
      return null;
    }
    try {
      return Linker.link(loaded.set().files(), reuse);
    } catch (IllegalArgumentException e) {
      throw new InputException(loaded.label() + ": " + e.getMessage(), e);
    }
  }

  byte[] compile(Path dir, String spec) throws InputException {
    try {
      return compiler.compileToBytes(dir, includes);
    } catch (ProtoCompiler.CompileException e) {
      throw new InputException(spec + ": does not compile:\n" + e.getMessage(), e);
    } catch (IOException e) {
      throw new InputException(spec + ": cannot compile: " + e.getMessage(), e);
    }
  }

  /**
   * Parses and links a descriptor set read from a file.
   *
   * @throws InputException naming {@code spec} if the bytes are not a descriptor set or do not link
   */
  static DescriptorImage parse(byte[] bytes, String spec) throws InputException {
    Loaded loaded = read(new Raw(spec, bytes, "", false), null);
    link(loaded, null);
    return loaded.set();
  }

  private static DescriptorImage parse(byte[] bytes, String spec, DescriptorImage reuse) throws InputException {
    DescriptorImage image;
    try {
      image = reuse == null ? DescriptorImage.parse(bytes) : DescriptorImage.parse(bytes, reuse);
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

  private static byte[] readFile(Path path, String label) throws InputException {
    try {
      return RegularFiles.read(path, Archives.MAX_ENTRY_BYTES);
    } catch (RegularFiles.Refused e) {
      throw new InputException(label + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new InputException(label + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** The descriptor set in a jar; {@code label} names the jar in errors. */
  private static Raw fromJar(Path jar, String entry, String label) throws InputException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry chosen;
      if (entry != null) {
        chosen = zip.getEntry(entry);
        if (chosen == null) {
          throw new InputException(label + "!" + entry + ": the jar has no entry " + entry);
        }
      } else {
        List<String> schemas = zip.stream().map(ZipEntry::getName).filter(n -> JAR_DESCRIPTOR.matcher(n).matches())
            .sorted().toList();
        if (schemas.size() > 1) {
          throw new InputException(label + ": the jar holds " + schemas.size() + " schemas " + schemas
              + "; name one as " + jar.getFileName() + "!ENTRY");
        }
        chosen = schemas.isEmpty() ? null : zip.getEntry(schemas.get(0));
        if (chosen == null) {
          List<String> candidates = zip.stream().map(ZipEntry::getName)
              .filter(n -> n.endsWith(".binpb") || n.endsWith(".desc") || n.endsWith(".pb")).toList();
          if (candidates.size() != 1) {
            throw new InputException(label + ": the jar has no " + JAR_DESCRIPTOR_TEXT + (candidates.isEmpty()
                ? " and no other descriptor set" : "; name one of " + candidates + " as " + jar.getFileName() + "!ENTRY"));
          }
          chosen = zip.getEntry(candidates.get(0));
        }
      }
      String where = label + "!" + chosen.getName();
      return new Raw(where, Archives.read(zip, chosen, where), "", false);
    } catch (IOException e) {
      throw new InputException(label + ": not a readable jar: " + e.getMessage(), e);
    }
  }

  private Raw maven(String spec) throws InputException {
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
    String label = bang > 0 ? spec.substring(0, spec.indexOf('!')) : spec;
    for (Path candidate : candidates) {
      if (Files.exists(candidate)) {
        String problem = RegularFiles.problem(candidate);
        if (problem != null) {
          throw new InputException(spec + ": " + candidate + " " + problem);
        }
        if (candidate.getFileName().toString().endsWith(".jar")) {
          return fromJar(candidate, entry, label);
        }
        return new Raw(spec, readFile(candidate, spec), "", false);
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
