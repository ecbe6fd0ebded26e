package dev.protoshift.versioning.rollout;

import java.util.Optional;

/**
 * The rollout config keys: their name in the YAML file's {@code protobuf:} section (and in admin
 * and OpenFeature sources), their environment variable, and their default. docs/configuration.md
 * lists the same table; a test keeps the two in step.
 */
public enum RolloutKey {
  ENABLED("enabled", "false", "global switch; false is the kill switch (forced rooms still apply)"),
  ROLLOUT_PERCENTAGE("rollout_percentage", "0", "share of buckets that get protobuf, 0..100 in steps of 0.01"),
  FORCE_ENABLE_ROOMS("force_enable_rooms", "[]", "rooms that get protobuf whenever the client supports it"),
  FORCE_DISABLE_ROOMS("force_disable_rooms", "[]", "rooms that never get protobuf; wins over everything"),
  MIN_CLIENT_VERSION("min_client_version", "none", "clients declaring an older version get JSON (client_too_old)"),
  BUCKET_BY("bucket_by", "room", "which id is hashed into a bucket: room, player or connection"),
  SALT("salt", "protoshift", "hash salt; change it to reshuffle who is in the rollout");

  /** The name of the YAML section that holds the keys. */
  public static final String SECTION = "protobuf";
  /** The prefix of every environment variable. */
  public static final String ENV_PREFIX = "PROTOBUF_";

  private final String key;
  private final String defaultText;
  private final String description;

  RolloutKey(String key, String defaultText, String description) {
    this.key = key;
    this.defaultText = defaultText;
    this.description = description;
  }

  /** The key inside the {@code protobuf:} section, e.g. {@code rollout_percentage}. */
  public String key() {
    return key;
  }

  /** The full path, e.g. {@code protobuf.rollout_percentage}; also the OpenFeature flag key. */
  public String path() {
    return SECTION + "." + key;
  }

  /** The environment variable, e.g. {@code PROTOBUF_ROLLOUT_PERCENTAGE}. */
  public String envVar() {
    return ENV_PREFIX + key.toUpperCase(java.util.Locale.ROOT);
  }

  /** The default, as written in docs/configuration.md. */
  public String defaultText() {
    return defaultText;
  }

  public String description() {
    return description;
  }

  /** The key with this name inside the section, if any. */
  public static Optional<RolloutKey> fromKey(String key) {
    for (RolloutKey k : values()) {
      if (k.key.equals(key)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return path();
  }
}
