package dev.protoshift.versioning.rollout;

import dev.protoshift.versioning.ProtocolVersion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The effective rollout config: every key with a valid value (docs/configuration.md). Built by
 * layering {@link RolloutOverrides} onto {@link #defaults()}; a {@link RolloutConfigHolder}
 * keeps the current one. Immutable.
 */
public final class RolloutConfig {

  private static final RolloutConfig DEFAULTS =
      new RolloutConfig(false, 0, Set.of(), Set.of(), Optional.empty(), BucketBy.ROOM, "protoshift");

  private final boolean enabled;
  private final int rolloutBasisPoints;
  private final Set<String> forceEnableRooms;
  private final Set<String> forceDisableRooms;
  private final Optional<ProtocolVersion> minClientVersion;
  private final BucketBy bucketBy;
  private final String salt;

  private RolloutConfig(boolean enabled, int rolloutBasisPoints, Set<String> forceEnableRooms,
      Set<String> forceDisableRooms, Optional<ProtocolVersion> minClientVersion, BucketBy bucketBy, String salt) {
    this.enabled = enabled;
    this.rolloutBasisPoints = rolloutBasisPoints;
    this.forceEnableRooms = forceEnableRooms;
    this.forceDisableRooms = forceDisableRooms;
    this.minClientVersion = minClientVersion;
    this.bucketBy = bucketBy;
    this.salt = salt;
  }

  /** Every key at its default: protobuf off, 0%, no forced rooms, no minimum, bucket by room, salt {@code protoshift}. */
  public static RolloutConfig defaults() {
    return DEFAULTS;
  }

  /** A config from the defaults with these overrides; see {@link RolloutOverrides#builder()} for validation. */
  public static RolloutConfig of(RolloutOverrides overrides) {
    return DEFAULTS.with(overrides);
  }

  /** This config with the keys {@code overrides} sets replaced. */
  @SuppressWarnings("unchecked")
  public RolloutConfig with(RolloutOverrides overrides) {
    if (overrides.isEmpty()) {
      return this;
    }
    return new RolloutConfig(
        (Boolean) overrides.get(RolloutKey.ENABLED).orElse(enabled),
        (Integer) overrides.get(RolloutKey.ROLLOUT_PERCENTAGE).orElse(rolloutBasisPoints),
        (Set<String>) overrides.get(RolloutKey.FORCE_ENABLE_ROOMS).orElse(forceEnableRooms),
        (Set<String>) overrides.get(RolloutKey.FORCE_DISABLE_ROOMS).orElse(forceDisableRooms),
        (Optional<ProtocolVersion>) overrides.get(RolloutKey.MIN_CLIENT_VERSION).orElse(minClientVersion),
        (BucketBy) overrides.get(RolloutKey.BUCKET_BY).orElse(bucketBy),
        (String) overrides.get(RolloutKey.SALT).orElse(salt));
  }

  /** {@code enabled}: false is the kill switch. */
  public boolean enabled() {
    return enabled;
  }

  /** {@code rollout_percentage} in basis points, 0..10000 (1 = 0.01%). */
  public int rolloutBasisPoints() {
    return rolloutBasisPoints;
  }

  /** {@code rollout_percentage}, e.g. {@code 50} or {@code 12.5}. */
  public BigDecimal rolloutPercentage() {
    return percent(rolloutBasisPoints);
  }

  public Set<String> forceEnableRooms() {
    return forceEnableRooms;
  }

  public Set<String> forceDisableRooms() {
    return forceDisableRooms;
  }

  public Optional<ProtocolVersion> minClientVersion() {
    return minClientVersion;
  }

  public BucketBy bucketBy() {
    return bucketBy;
  }

  public String salt() {
    return salt;
  }

  /**
   * Every key by its name in the {@code protobuf:} section, with JSON-friendly values (booleans,
   * numbers, lists of strings, strings, {@code null} for no minimum version): what an admin API
   * shows, and what {@link RolloutOverrides#fromMap} reads back.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(RolloutKey.ENABLED.key(), enabled);
    out.put(RolloutKey.ROLLOUT_PERCENTAGE.key(), rolloutPercentage());
    out.put(RolloutKey.FORCE_ENABLE_ROOMS.key(), new ArrayList<>(forceEnableRooms));
    out.put(RolloutKey.FORCE_DISABLE_ROOMS.key(), new ArrayList<>(forceDisableRooms));
    out.put(RolloutKey.MIN_CLIENT_VERSION.key(), minClientVersion.map(ProtocolVersion::toString).orElse(null));
    out.put(RolloutKey.BUCKET_BY.key(), bucketBy.code());
    out.put(RolloutKey.SALT.key(), salt);
    return out;
  }

  private static BigDecimal percent(int basisPoints) {
    BigDecimal p = BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros();
    return p.scale() < 0 ? p.setScale(0) : p;
  }

  /** A typed value as {@link #toMap()} shows it. */
  static Object plain(RolloutKey key, Object value) {
    return switch (key) {
      case ROLLOUT_PERCENTAGE -> percent((Integer) value);
      case FORCE_ENABLE_ROOMS, FORCE_DISABLE_ROOMS -> new ArrayList<>((Set<?>) value);
      case MIN_CLIENT_VERSION -> ((Optional<?>) value).map(Object::toString).orElse(null);
      case BUCKET_BY -> ((BucketBy) value).code();
      default -> value;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RolloutConfig c && enabled == c.enabled && rolloutBasisPoints == c.rolloutBasisPoints
        && forceEnableRooms.equals(c.forceEnableRooms) && forceDisableRooms.equals(c.forceDisableRooms)
        && minClientVersion.equals(c.minClientVersion) && bucketBy == c.bucketBy && salt.equals(c.salt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(enabled, rolloutBasisPoints, forceEnableRooms, forceDisableRooms, minClientVersion, bucketBy,
        salt);
  }

  /** The config as {@code {enabled=true, rollout_percentage=50, ...}}, for logs. */
  @Override
  public String toString() {
    return toMap().toString();
  }
}
