package dev.protoshift.compat;

import dev.protoshift.compat.internal.Differ;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a check runs and what it forgives: the rule selection ({@code use}, {@code except}, as
 * in buf), path ignores ({@code ignore}, {@code ignore_only}, {@code ignore_unstable_packages})
 * and the semver policy for 0.x versions. Immutable; {@link #defaults()} is buf's default (FILE).
 *
 * @param use rule ids or category names to run
 * @param except rule ids or category names to leave out of {@code use}
 * @param ignore file or directory paths whose findings are ignored for every rule
 * @param ignoreOnly rule id or category -> paths ignored for that rule only
 * @param ignoreUnstablePackages ignore findings in packages such as {@code foo.v1alpha1}
 * @param zeroMajorAnythingGoes when the previous version is 0.x, any declared bump is enough
 *     (semver: "anything MAY change at any time" during initial development)
 */
public record CompatConfig(
    List<String> use,
    List<String> except,
    List<String> ignore,
    Map<String, List<String>> ignoreOnly,
    boolean ignoreUnstablePackages,
    boolean zeroMajorAnythingGoes) {

  public CompatConfig {
    use = List.copyOf(use);
    except = List.copyOf(except);
    ignore = List.copyOf(ignore);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    ignoreOnly.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    ignoreOnly = java.util.Collections.unmodifiableMap(copy);
    for (String key : ignoreOnly.keySet()) {
      resolve(List.of(key), "ignore_only");
    }
    resolve(use, "use");
    resolve(except, "except");
  }

  /** buf's default: the FILE category, nothing ignored, strict semver. */
  public static CompatConfig defaults() {
    return new CompatConfig(List.of(Category.FILE.name()), List.of(), List.of(), Map.of(), false, false);
  }

  public CompatConfig withUse(List<String> ids) {
    return new CompatConfig(ids, except, ignore, ignoreOnly, ignoreUnstablePackages, zeroMajorAnythingGoes);
  }

  public CompatConfig withExcept(List<String> ids) {
    return new CompatConfig(use, ids, ignore, ignoreOnly, ignoreUnstablePackages, zeroMajorAnythingGoes);
  }

  public CompatConfig withZeroMajorAnythingGoes(boolean value) {
    return new CompatConfig(use, except, ignore, ignoreOnly, ignoreUnstablePackages, value);
  }

  /** The ids of the rules this configuration runs, sorted. */
  public Set<String> selectedRules() {
    Set<String> selected = new TreeSet<>(resolve(use, "use"));
    selected.removeAll(resolve(except, "except"));
    return selected;
  }

  Differ.PathIgnores pathIgnores() {
    Map<String, List<String>> only = new LinkedHashMap<>(ignoreOnly);
    return new Differ.PathIgnores(ignore, only, ignoreUnstablePackages);
  }

  /**
   * The rule ids that ids and category names stand for.
   *
   * @throws IllegalArgumentException naming an entry that is neither a rule id nor a category
   */
  private static Set<String> resolve(List<String> entries, String what) {
    Set<String> ids = new LinkedHashSet<>();
    List<RuleInfo> rules = Differ.rules();
    for (String entry : entries) {
      String name = entry.trim().toUpperCase(java.util.Locale.ROOT);
      var category = Category.byName(name);
      if (category.isPresent()) {
        rules.stream().filter(r -> r.categories().contains(category.get())).forEach(r -> ids.add(r.id()));
        continue;
      }
      if (rules.stream().noneMatch(r -> r.id().equals(name))) {
        List<String> close = new ArrayList<>();
        rules.stream().map(RuleInfo::id).filter(id -> id.contains(name.toUpperCase(java.util.Locale.ROOT)))
            .limit(3).forEach(close::add);
        throw new IllegalArgumentException(what + ": \"" + entry + "\" is neither a rule id nor a category"
            + " (FILE, PACKAGE, WIRE_JSON, WIRE, CSR)" + (close.isEmpty() ? "" : "; did you mean " + close + "?"));
      }
      ids.add(name);
    }
    return ids;
  }
}
