package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.protoshift.compat.Bump;
import dev.protoshift.compat.Finding;
import dev.protoshift.compat.RuleInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The engine's entry point for the public API: run the selected rules, apply ignores, classify. */
public final class Differ {

  private static final Pattern UNSTABLE = Pattern.compile("v\\d+(?:p\\d+)?(?:alpha|beta)\\d*|v\\d+(?:p\\d+)?test.*");

  /**
   * Path ignores from a configuration (buf's {@code ignore}, {@code ignore_only},
   * {@code ignore_unstable_packages}).
   *
   * @param ignoreOnly rule id -> paths where that rule is ignored
   */
  public record PathIgnores(List<String> ignore, Map<String, List<String>> ignoreOnly, boolean unstablePackages) {
    public static final PathIgnores NONE = new PathIgnores(List.of(), Map.of(), false);
  }

  /** What a diff found: every finding (ignored ones marked) and the bump additions and edits need. */
  public record Result(List<Finding> findings, Bump changeBump) {}

  private Differ() {}

  /** Every rule, sorted by id. */
  public static List<RuleInfo> rules() {
    return Rules.infos();
  }

  /**
   * Compares two descriptor sets.
   *
   * @param ruleIds the rules to run
   * @param checked which file paths take part
   * @throws IllegalArgumentException if a set holds a file twice or an ignore comment is malformed
   */
  public static Result diff(FileDescriptorSet previous, FileDescriptorSet current, Set<String> ruleIds,
      Predicate<String> checked, PathIgnores ignores) {
    return diff(dev.protoshift.compat.DescriptorImage.of(previous), dev.protoshift.compat.DescriptorImage.of(current),
        ruleIds, checked, ignores);
  }

  /**
   * Compares two descriptor images.
   *
   * @throws IllegalArgumentException if an image holds a file twice, an ignore comment is malformed,
   *     or source code info that is needed does not parse
   */
  public static Result diff(dev.protoshift.compat.DescriptorImage previous, dev.protoshift.compat.DescriptorImage current,
      Set<String> ruleIds, Predicate<String> checked, PathIgnores ignores) {
    return diff(previous, current, ruleIds, checked, ignores, fastPathByDefault());
  }

  /**
   * The system property that turns the fast path off ({@code -Dprotoshift.compat.fastPath=false}):
   * for benchmarks that measure what it saves, not for users (it changes no finding).
   */
  public static final String FAST_PATH_PROPERTY = "protoshift.compat.fastPath";

  /** False only when {@link #FAST_PATH_PROPERTY} is {@code false}. */
  public static boolean fastPathByDefault() {
    return !"false".equals(System.getProperty(FAST_PATH_PROPERTY));
  }

  /**
   * Compares two descriptor images; with {@code fastPath}, the rules skip the element pairs of
   * files that are the same on both sides ({@link Unchanged}), which changes no finding.
   *
   * @throws IllegalArgumentException as {@link #diff(dev.protoshift.compat.DescriptorImage,
   *     dev.protoshift.compat.DescriptorImage, Set, Predicate, PathIgnores)}
   */
  public static Result diff(dev.protoshift.compat.DescriptorImage previous, dev.protoshift.compat.DescriptorImage current,
      Set<String> ruleIds, Predicate<String> checked, PathIgnores ignores, boolean fastPath) {
    // The two sides are independent: index them at once.
    var pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> Schema.of(previous, checked));
    Schema after = Schema.of(current, checked);
    Schema before;
    try {
      before = pending.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
    Set<String> known = Rules.ALL.stream().map(Rule::id).collect(Collectors.toSet());
    IgnoreDirectives directives = new IgnoreDirectives(known);
    directives.validate(after.files.values());
    List<Rule> selected = Rules.ALL.stream().filter(r -> ruleIds.contains(r.id())).toList();
    TreeSet<Finding> findings = new TreeSet<>();
    Set<String> seen = new HashSet<>();
    Unchanged unchanged = fastPath ? Unchanged.of(previous, current, before, after) : Unchanged.NONE;
    for (Engine.Raw raw : Engine.run(before, after, selected, unchanged)) {
      Finding finding = resolve(raw, directives, ignores);
      // Deduplicate: the same rule, place and message once (ignored or not).
      if (seen.add(finding.rule() + "\0" + finding.toText())) {
        findings.add(finding);
      }
    }
    return new Result(List.copyOf(new ArrayList<>(findings)), ChangeClassifier.classify(before, after, unchanged));
  }

  private static Finding resolve(Engine.Raw raw, IgnoreDirectives directives, PathIgnores ignores) {
    Location current = raw.current();
    Location previous = raw.previous();
    Location main = current != null ? current : previous;
    int[] at = main.lineColumn();
    int[] was = previous != null ? previous.lineColumn() : new int[] {0, 0};
    String rule = raw.rule().id();
    Finding finding = new Finding(rule, raw.rule().info.primaryCategory(), main.file().path, at[0], at[1],
        raw.message(), previous != null ? previous.file().path : "", was[0], was[1], false, "");
    if (current != null) {
      String reason = directives.reason(rule, current);
      if (reason != null) {
        return finding.asIgnored(reason);
      }
    }
    String configReason = configReason(rule, raw.rule().info, finding, main.file().pkg, ignores);
    return configReason == null ? finding : finding.asIgnored(configReason);
  }

  private static String configReason(String rule, RuleInfo info, Finding finding, String pkg, PathIgnores ignores) {
    for (String path : ignores.ignore()) {
      if (under(finding.path(), path) || under(finding.previousPath(), path)) {
        return "ignored by config: ignore " + path;
      }
    }
    for (var entry : ignores.ignoreOnly().entrySet()) {
      String key = entry.getKey();
      boolean applies = key.equals(rule) || info.categories().stream().anyMatch(c -> c.name().equals(key));
      if (applies) {
        for (String path : entry.getValue()) {
          if (under(finding.path(), path) || under(finding.previousPath(), path)) {
            return "ignored by config: ignore_only " + key + " " + path;
          }
        }
      }
    }
    if (ignores.unstablePackages() && !pkg.isEmpty()
        && UNSTABLE.matcher(pkg.substring(pkg.lastIndexOf('.') + 1)).matches()) {
      return "ignored by config: ignore_unstable_packages (" + pkg + ")";
    }
    return null;
  }

  /** True if {@code file} is {@code path} or inside the directory {@code path}. */
  static boolean under(String file, String path) {
    if (file.isEmpty()) {
      return false;
    }
    String dir = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return dir.equals(".") || dir.isEmpty() || file.equals(dir) || file.startsWith(dir + "/");
  }
}
