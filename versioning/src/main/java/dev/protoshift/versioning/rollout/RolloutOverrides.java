package dev.protoshift.versioning.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.protoshift.versioning.ProtocolVersion;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Some rollout config keys with validated values: what one source (file, environment,
 * OpenFeature, admin) sets. Sources are layered onto {@link RolloutConfig#defaults()}; a key a
 * source does not set falls through to the layer below. Every way in applies the same
 * validation rules and reports every problem, naming key and value. Immutable.
 */
public final class RolloutOverrides {

  /** Largest config text accepted (1 MiB). */
  public static final int MAX_TEXT_CHARS = 1 << 20;

  private static final RolloutOverrides NONE = new RolloutOverrides(new EnumMap<>(RolloutKey.class));

  private final Map<RolloutKey, Object> values;

  private RolloutOverrides(EnumMap<RolloutKey, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** Sets nothing. */
  public static RolloutOverrides none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parses a config file: a YAML (or JSON) document whose {@code protobuf:} section holds the
   * keys. Other top-level keys are ignored, so the section can live in a larger file; the section
   * itself is required and unknown keys inside it are errors.
   *
   * @param origin names the source in problems, e.g. the file's path
   * @throws InvalidConfigException listing every problem
   */
  public static RolloutOverrides parseFile(String text, String origin) {
    ConfigValues.Problems p = new ConfigValues.Problems(origin);
    JsonNode root = ConfigYaml.readTree(text, p);
    if (root != null) {
      YamlAliases.refuse(text, false, p);
    }
    if (root != null && !root.isObject()) {
      p.add(null, "the top level must be a mapping with a \"" + RolloutKey.SECTION + ":\" section, was "
          + ConfigValues.show(root));
    } else if (root != null && !root.has(RolloutKey.SECTION)) {
      p.add(null, "no \"" + RolloutKey.SECTION + ":\" section (top-level keys: "
          + String.join(", ", (Iterable<String>) root::fieldNames) + ")");
    }
    p.throwIfAny();
    return fromSection(root.get(RolloutKey.SECTION), origin, RolloutKey.SECTION + ".");
  }

  /**
   * Parses the keys without the {@code protobuf:} wrapper, as JSON or YAML, e.g. an admin API's
   * request body {@code {"enabled": false}}. A body wrapped in {@code {"protobuf": {...}}} is
   * accepted too.
   *
   * @throws InvalidConfigException listing every problem
   */
  public static RolloutOverrides parseSection(String text, String origin) {
    ConfigValues.Problems p = new ConfigValues.Problems(origin);
    JsonNode root = ConfigYaml.readTree(text, p);
    if (root != null) {
      YamlAliases.refuse(text, true, p);
    }
    p.throwIfAny();
    if (root.isObject() && root.size() == 1 && root.has(RolloutKey.SECTION)) {
      root = root.get(RolloutKey.SECTION);
    }
    return fromSection(root, origin, "");
  }

  /**
   * The keys of an already-decoded section (e.g. a JSON body an admin framework parsed): names
   * as in the file, values as JSON would decode them.
   *
   * @throws InvalidConfigException listing every problem
   */
  public static RolloutOverrides fromMap(Map<String, ?> section, String origin) {
    Objects.requireNonNull(section, "section");
    return fromSection(ConfigYaml.MAPPER.valueToTree(section), origin, "");
  }

  /**
   * The {@code PROTOBUF_*} variables of an environment, e.g. {@code System.getenv()}. Other
   * variables are ignored.
   *
   * @throws InvalidConfigException listing every problem, naming the variables
   */
  public static RolloutOverrides fromEnvironment(Map<String, String> environment) {
    ConfigValues.Problems p = new ConfigValues.Problems("environment");
    EnumMap<RolloutKey, Object> out = new EnumMap<>(RolloutKey.class);
    for (RolloutKey key : RolloutKey.values()) {
      String raw = environment.get(key.envVar());
      if (raw != null) {
        Object value = ConfigValues.fromEnv(key, raw, p);
        if (value != null) {
          out.put(key, value);
        }
      }
    }
    p.throwIfAny();
    return out.isEmpty() ? NONE : new RolloutOverrides(out);
  }

  /** The section's keys, validated; {@code prefix} goes before key names in problems. */
  static RolloutOverrides fromSection(JsonNode section, String origin, String prefix) {
    ConfigValues.Problems p = new ConfigValues.Problems(origin);
    EnumMap<RolloutKey, Object> out = new EnumMap<>(RolloutKey.class);
    if (section == null || section.isNull()) {
      return NONE;
    }
    if (!section.isObject()) {
      p.add(null, (prefix.isEmpty() ? "the config" : prefix.substring(0, prefix.length() - 1))
          + " must be a mapping of keys to values, was " + ConfigValues.show(section));
      p.throwIfAny();
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      Optional<RolloutKey> key = RolloutKey.fromKey(field.getKey());
      if (key.isEmpty()) {
        p.add(null, "unknown key " + prefix + dev.protoshift.versioning.internal.Text.printable(field.getKey())
            + "; known keys: " + Arrays.stream(RolloutKey.values()).map(RolloutKey::key).collect(Collectors.joining(", ")));
        continue;
      }
      Object value = ConfigValues.fromNode(key.get(), field.getValue(), prefix + key.get().key(), p);
      if (value != null) {
        out.put(key.get(), value);
      }
    }
    p.throwIfAny();
    return out.isEmpty() ? NONE : new RolloutOverrides(out);
  }

  /** The keys this source sets. */
  public Set<RolloutKey> keys() {
    return values.keySet();
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The typed value of a key this source sets (see {@link RolloutConfig} for the types). */
  Optional<Object> get(RolloutKey key) {
    return Optional.ofNullable(values.get(key));
  }

  /** These overrides with {@code higher}'s keys on top. */
  public RolloutOverrides overlay(RolloutOverrides higher) {
    if (higher.isEmpty()) {
      return this;
    }
    EnumMap<RolloutKey, Object> merged = new EnumMap<>(RolloutKey.class);
    merged.putAll(values);
    merged.putAll(higher.values);
    return new RolloutOverrides(merged);
  }

  /** The keys this source sets, by name, with JSON-friendly values (as {@link RolloutConfig#toMap()}). */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k.key(), RolloutConfig.plain(k, v)));
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RolloutOverrides other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return toMap().toString();
  }

  /** Sets keys one by one, with the same validation as the file; {@link #build()} reports every problem. */
  public static final class Builder {
    private final EnumMap<RolloutKey, Object> values = new EnumMap<>(RolloutKey.class);
    private final ConfigValues.Problems problems = new ConfigValues.Problems("builder");

    private Builder() {}

    public Builder enabled(boolean enabled) {
      values.put(RolloutKey.ENABLED, enabled);
      return this;
    }

    /** A percentage 0..100 in steps of 0.01, e.g. {@code new BigDecimal("12.5")}. */
    public Builder rolloutPercentage(BigDecimal percent) {
      return put(RolloutKey.ROLLOUT_PERCENTAGE, ConfigValues.basisPoints(RolloutKey.ROLLOUT_PERCENTAGE,
          Objects.requireNonNull(percent, "percent"), RolloutKey.ROLLOUT_PERCENTAGE.path(), problems));
    }

    /** A whole percentage 0..100. */
    public Builder rolloutPercentage(int percent) {
      return rolloutPercentage(BigDecimal.valueOf(percent));
    }

    /** The percentage in basis points: 0..10000, 1 = 0.01%. */
    public Builder rolloutBasisPoints(int basisPoints) {
      return rolloutPercentage(BigDecimal.valueOf(basisPoints, 2));
    }

    public Builder forceEnableRooms(Collection<String> rooms) {
      return put(RolloutKey.FORCE_ENABLE_ROOMS, ConfigValues.rooms(RolloutKey.FORCE_ENABLE_ROOMS,
          List.copyOf(rooms), RolloutKey.FORCE_ENABLE_ROOMS.path(), problems));
    }

    public Builder forceDisableRooms(Collection<String> rooms) {
      return put(RolloutKey.FORCE_DISABLE_ROOMS, ConfigValues.rooms(RolloutKey.FORCE_DISABLE_ROOMS,
          List.copyOf(rooms), RolloutKey.FORCE_DISABLE_ROOMS.path(), problems));
    }

    /** The oldest client version that may get protobuf; empty for no minimum. */
    public Builder minClientVersion(Optional<ProtocolVersion> version) {
      values.put(RolloutKey.MIN_CLIENT_VERSION, Objects.requireNonNull(version, "version"));
      return this;
    }

    public Builder bucketBy(BucketBy bucketBy) {
      values.put(RolloutKey.BUCKET_BY, Objects.requireNonNull(bucketBy, "bucketBy"));
      return this;
    }

    public Builder salt(String salt) {
      return put(RolloutKey.SALT, ConfigValues.salt(RolloutKey.SALT, Objects.requireNonNull(salt, "salt"),
          RolloutKey.SALT.path(), problems));
    }

    private Builder put(RolloutKey key, Object value) {
      if (value != null) {
        values.put(key, value);
      }
      return this;
    }

    /**
     * The overrides.
     *
     * @throws InvalidConfigException listing every invalid value given
     */
    public RolloutOverrides build() {
      problems.throwIfAny();
      return values.isEmpty() ? NONE : new RolloutOverrides(values.clone());
    }
  }
}
