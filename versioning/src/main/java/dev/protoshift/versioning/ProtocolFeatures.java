package dev.protoshift.versioning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The optional features a server offers in the hello handshake, each with the protocol version
 * that introduced it (e.g. {@code dag}, {@code inventory}, {@code story} since 1.1.0). A client
 * is offered the features its agreed version has; a hello that lists features narrows that to
 * the intersection. Immutable.
 */
public final class ProtocolFeatures {

  /** Feature names: lowercase letters, digits, {@code _ . -}, 1 to 64 characters, starting with a letter or digit. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

  private static final ProtocolFeatures NONE = new ProtocolFeatures(Map.of());

  private final Map<String, ProtocolVersion> since;

  private ProtocolFeatures(Map<String, ProtocolVersion> since) {
    this.since = since;
  }

  /** No features. */
  public static ProtocolFeatures none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every feature name and the version that introduced it, in the order added. */
  public Map<String, ProtocolVersion> since() {
    return since;
  }

  /** The features a client at {@code version} has: those introduced at or before it. */
  public SortedSet<String> availableAt(ProtocolVersion version) {
    SortedSet<String> out = new TreeSet<>();
    since.forEach((name, introduced) -> {
      if (version.isAtLeast(introduced)) {
        out.add(name);
      }
    });
    return Collections.unmodifiableSortedSet(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProtocolFeatures other && since.equals(other.since);
  }

  @Override
  public int hashCode() {
    return since.hashCode();
  }

  @Override
  public String toString() {
    return since.toString();
  }

  /** Collects features; {@link #build()} makes the immutable set. */
  public static final class Builder {
    private final Map<String, ProtocolVersion> since = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a feature.
     *
     * @throws IllegalArgumentException if the name does not match {@link #NAME} or was added already
     */
    public Builder add(String name, ProtocolVersion introducedIn) {
      Objects.requireNonNull(introducedIn, "introducedIn");
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("feature name must match " + NAME.pattern() + ", was "
            + dev.protoshift.versioning.internal.Text.quoted(name));
      }
      if (since.putIfAbsent(name, introducedIn) != null) {
        throw new IllegalArgumentException("feature \"" + name + "\" added twice");
      }
      return this;
    }

    /**
     * Adds a feature.
     *
     * @throws InvalidVersionException if {@code introducedIn} is not a version
     * @throws IllegalArgumentException if the name is invalid or was added already
     */
    public Builder add(String name, String introducedIn) {
      return add(name, ProtocolVersion.parse(introducedIn));
    }

    public ProtocolFeatures build() {
      return since.isEmpty() ? NONE : new ProtocolFeatures(Collections.unmodifiableMap(new LinkedHashMap<>(since)));
    }
  }
}
