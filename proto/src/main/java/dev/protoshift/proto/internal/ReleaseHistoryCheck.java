package dev.protoshift.proto.internal;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.protoshift.proto.DescriptorSets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The build's check of the release history, run by the proto module's build after compiling
 * (see proto/pom.xml). It reads the protocol version each schema declares and fails the build
 * when:
 *
 * <ul>
 *   <li>a folder under {@code history/} is not a release version or has no compiled descriptor
 *       set (its execution is missing from proto/pom.xml);
 *   <li>a frozen release declares a version other than its folder's name;
 *   <li>the current schema declares a version older than the newest release;
 *   <li>the current schema declares a released version but differs from that release's frozen
 *       copy (a released schema was edited without bumping the version).
 * </ul>
 *
 * <p>On success it writes {@code history/versions.txt}, the index that {@code ReferenceSchema}
 * reads.
 */
public final class ReleaseHistoryCheck {

  private static final Pattern RELEASE = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");

  private ReleaseHistoryCheck() {}

  /** Arguments: the history source folder and the descriptor output folder. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ReleaseHistoryCheck <history-dir> <descriptor-dir>");
    }
    List<String> released = check(Path.of(args[0]), Path.of(args[1]));
    System.out.println("[protoshift] release history OK: " + released);
  }

  /**
   * Checks the history and writes the index.
   *
   * @return the released versions, oldest first
   * @throws IllegalStateException describing the first problem found
   */
  public static List<String> check(Path historySources, Path descriptorDir) throws IOException {
    TreeMap<int[], String> releases = new TreeMap<>(Comparator.<int[]>comparingInt(v -> v[0])
        .thenComparingInt(v -> v[1]).thenComparingInt(v -> v[2]));
    try (Stream<Path> folders = Files.list(historySources)) {
      for (Path folder : folders.filter(Files::isDirectory).toList()) {
        String name = folder.getFileName().toString();
        releases.put(parse(name).orElseThrow(() -> new IllegalStateException(
            "history/" + name + " is not a release version (MAJOR.MINOR.PATCH)")), name);
      }
    }
    if (releases.isEmpty()) {
      throw new IllegalStateException("no releases under " + historySources);
    }
    Map<String, FileDescriptorSet> frozen = new TreeMap<>();
    for (String version : releases.values()) {
      Path descriptor = descriptorDir.resolve("history").resolve(version + ".binpb");
      if (!Files.isRegularFile(descriptor)) {
        throw new IllegalStateException("history/" + version + " has no compiled descriptor set " + descriptor
            + ": add an execution history-" + version + " to proto/pom.xml");
      }
      FileDescriptorSet set = DescriptorSets.parse(Files.readAllBytes(descriptor));
      List<String> declared = declaredVersions(set);
      if (declared.isEmpty() || !declared.stream().allMatch(version::equals)) {
        throw new IllegalStateException("history/" + version + " declares protocol_version " + declared
            + ", expected \"" + version + "\"");
      }
      frozen.put(version, set);
    }

    FileDescriptorSet current = DescriptorSets.parse(Files.readAllBytes(descriptorDir.resolve("descriptor.binpb")));
    List<String> declared = declaredVersions(current);
    if (declared.size() != 1) {
      throw new IllegalStateException("the current schema must declare exactly one protocol_version, found " + declared);
    }
    String currentVersion = declared.get(0);
    int[] currentParsed = parse(currentVersion).orElseThrow(() -> new IllegalStateException(
        "the current schema declares protocol_version \"" + currentVersion + "\", not MAJOR.MINOR.PATCH"));
    String newest = releases.lastEntry().getValue();
    if (releases.comparator().compare(currentParsed, releases.lastKey()) < 0) {
      throw new IllegalStateException("the current schema declares " + currentVersion
          + ", older than the newest release " + newest);
    }
    FileDescriptorSet sameVersion = frozen.get(currentVersion);
    if (sameVersion != null && !withoutSourceInfo(sameVersion).equals(withoutSourceInfo(current))) {
      throw new IllegalStateException("the current schema declares " + currentVersion
          + ", which is released, but differs from history/" + currentVersion
          + ": a released schema is frozen, so bump protocol_version (see docs/proto-update-workflow.md)");
    }

    List<String> ordered = new ArrayList<>(releases.values());
    Files.createDirectories(descriptorDir.resolve("history"));
    Files.writeString(descriptorDir.resolve("history/versions.txt"), String.join("\n", ordered) + "\n",
        StandardCharsets.UTF_8);
    return ordered;
  }

  private static List<String> declaredVersions(FileDescriptorSet set) {
    List<String> versions = new ArrayList<>();
    for (FileDescriptorProto file : set.getFileList()) {
      DescriptorSets.declaredProtocolVersion(file).ifPresent(versions::add);
    }
    return versions;
  }

  private static List<FileDescriptorProto> withoutSourceInfo(FileDescriptorSet set) {
    return set.getFileList().stream().map(f -> f.toBuilder().clearSourceCodeInfo().build()).toList();
  }

  private static Optional<int[]> parse(String version) {
    var m = RELEASE.matcher(version);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new int[] {
        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
  }
}
