package dev.protoshift.proto;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps released schemas frozen: checks a schema's release history against its current schema.
 * Problems, each naming the release and what is wrong:
 *
 * <ul>
 *   <li>a frozen release declares a {@code protocol_version} other than its own version;
 *   <li>the current schema does not declare exactly one {@code protocol_version}, or declares one
 *       that is not MAJOR.MINOR.PATCH, or one older than the newest release;
 *   <li>the current schema declares a released version but differs from that release (a released
 *       schema was edited without bumping the version).
 * </ul>
 *
 * <p>protoshift-maven-plugin's {@code history} goal runs it on every build; call it from a test
 * to check a history built another way.
 */
public final class ReleaseHistoryCheck {

  private ReleaseHistoryCheck() {}

  /**
   * The problems of {@code history} against {@code current}; empty if there are none.
   *
   * @param current the current schema's descriptor set (source info is ignored)
   */
  public static List<String> problems(ReleaseHistory history, FileDescriptorSet current) {
    List<String> problems = new ArrayList<>();
    for (String version : history.versions()) {
      List<String> declared = declaredVersions(history.descriptorSet(version));
      if (declared.isEmpty() || !declared.stream().allMatch(version::equals)) {
        problems.add("release " + version + " declares protocol_version " + declared + ", expected \"" + version + "\"");
      }
    }
    List<String> declared = declaredVersions(current);
    if (declared.size() != 1) {
      problems.add("the current schema must declare exactly one protocol_version (option (protoshift.protocol_version)),"
          + " found " + declared);
      return problems;
    }
    String version = declared.get(0);
    if (!ReleaseHistory.isRelease(version)) {
      problems.add("the current schema declares protocol_version \"" + version + "\", not MAJOR.MINOR.PATCH");
      return problems;
    }
    Optional<String> newest = history.latest();
    if (newest.isPresent() && ReleaseHistory.compareVersions(version, newest.get()) < 0) {
      problems.add("the current schema declares " + version + ", older than the newest release " + newest.get());
    }
    if (history.isReleased(version)
        && !withoutSourceInfo(history.descriptorSet(version)).equals(withoutSourceInfo(current))) {
      problems.add("the current schema declares " + version + ", which is released, but differs from release " + version
          + ": a released schema is frozen, so bump protocol_version (see docs/proto-update-workflow.md)");
    }
    return problems;
  }

  /** The protocol version the current schema declares, if exactly one file declares one. */
  public static Optional<String> declaredVersion(FileDescriptorSet current) {
    List<String> declared = declaredVersions(current);
    return declared.size() == 1 ? Optional.of(declared.get(0)) : Optional.empty();
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
}
