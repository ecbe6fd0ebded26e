package dev.protoshift.compat;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.protoshift.compat.internal.Differ;
import dev.protoshift.versioning.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * protoshift's schema compatibility check: compares two descriptor sets with buf's breaking
 * rules, classifies the change as a semantic-version bump and checks the declared protocol
 * versions against it.
 *
 * <pre>{@code
 * CompatReport report = Compat.check(previousSet, currentSet, CompatConfig.defaults());
 * report.breaking().forEach(f -> System.out.println(f.toText()));
 * }</pre>
 *
 * <p>Files under {@code google/protobuf/} (protobuf's own well-known types, versioned by
 * protobuf rather than by the schema's owner) are read for type look-ups but not compared.
 */
public final class Compat {

  /**
   * The files a check compares: all but protobuf's well-known {@code google/protobuf/} files and
   * protoshift's own {@code protoshift/options.proto}. Both are tooling that the schema imports,
   * versioned by their owners, and present or absent depending on how a set was compiled.
   */
  public static final Predicate<String> CHECKED_FILES =
      path -> !path.startsWith("google/protobuf/") && !path.equals("protoshift/options.proto");

  private Compat() {}

  /** Every rule, sorted by id. */
  public static List<RuleInfo> rules() {
    return Differ.rules();
  }

  /**
   * Compares {@code previous} with {@code current}.
   *
   * @throws IllegalArgumentException if a set holds a file twice, a {@code protoshift:ignore}
   *     comment is malformed (no reason, unknown rule), a numeric default value is not a number (a
   *     set nobody linked), or a side declares conflicting or invalid protocol versions; the message
   *     names the file
   */
  public static CompatReport check(FileDescriptorSet previous, FileDescriptorSet current, CompatConfig config) {
    return check(DescriptorImage.of(previous), DescriptorImage.of(current), config);
  }

  /**
   * Compares {@code previous} with {@code current}, parsing source code info only where needed
   * (the fast path for serialized sets: {@link DescriptorImage#parse}).
   *
   * @throws IllegalArgumentException as {@link #check(FileDescriptorSet, FileDescriptorSet, CompatConfig)},
   *     or if source code info that is needed does not parse
   */
  public static CompatReport check(DescriptorImage previous, DescriptorImage current, CompatConfig config) {
    Optional<ProtocolVersion> before = DeclaredVersion.of(previous.files(), CHECKED_FILES);
    Optional<ProtocolVersion> after = DeclaredVersion.of(current.files(), CHECKED_FILES);
    Differ.Result result = Differ.diff(previous, current, config.selectedRules(), CHECKED_FILES, config.pathIgnores());
    boolean breaking = result.findings().stream().anyMatch(f -> !f.ignored());
    Bump required = breaking ? Bump.MAJOR : result.changeBump();
    return new CompatReport(result.findings(), required, before, after, versionProblems(before, after, required, config));
  }

  private static List<String> versionProblems(Optional<ProtocolVersion> before, Optional<ProtocolVersion> after,
      Bump required, CompatConfig config) {
    List<String> problems = new ArrayList<>();
    if (before.isEmpty()) {
      return problems; // nothing declared before: nothing to hold the current declaration to
    }
    if (after.isEmpty()) {
      problems.add("the previous schema declares protocol_version " + before.get()
          + " but the current schema declares none");
      return problems;
    }
    ProtocolVersion p = before.get();
    ProtocolVersion c = after.get();
    if (c.isOlderThan(p)) {
      problems.add("declared protocol_version went backwards: " + p + " -> " + c);
      return problems;
    }
    Bump declared = Bump.between(p, c);
    if (declared.covers(required)) {
      return problems;
    }
    if (config.zeroMajorAnythingGoes() && p.major() == 0 && c.major() == 0 && !c.equals(p)) {
      return problems; // initial development: anything may change, as long as the version moves
    }
    problems.add("the change needs a " + required + " bump but the declared protocol_version " + p + " -> " + c
        + " is " + (declared == Bump.NONE ? "unchanged" : "a " + declared + " bump") + "; declare "
        + required.apply(p) + " or later");
    return problems;
  }
}
