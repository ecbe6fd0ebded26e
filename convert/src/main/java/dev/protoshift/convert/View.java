package dev.protoshift.convert;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one client gets of every message: its {@link VersionClass} and the optional features it
 * negotiated that exist in that class. Two clients with equal views get identical messages.
 *
 * <p>Create views with {@link VersionChain#view}, which drops features the class does not have,
 * so that e.g. every 1.0.0 client has the same view whatever features it asked for.
 *
 * @param versionClass the client's version class
 * @param features the optional features the client gets, sorted
 */
public record View(VersionClass versionClass, SortedSet<String> features) {

  /** @throws NullPointerException if an argument or a feature is null */
  public View {
    Objects.requireNonNull(versionClass, "versionClass");
    features = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(features, "features")));
  }

  /** A view of {@code versionClass} with {@code features}. */
  public static View of(VersionClass versionClass, Set<String> features) {
    return new View(versionClass, new TreeSet<>(features));
  }

  /** True if this view carries the optional feature {@code name}. */
  public boolean has(String name) {
    return features.contains(name);
  }

  /** E.g. {@code 1.1.0+dag+story}, or {@code 1.0.0}: stable, for cohort keys and metric tags. */
  public String label() {
    StringBuilder label = new StringBuilder(versionClass.label());
    features.forEach(f -> label.append('+').append(f));
    return label.toString();
  }

  @Override
  public String toString() {
    return label();
  }
}
