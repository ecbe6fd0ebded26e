package dev.protoshift.versioning.rollout;

/**
 * The layers of a {@link RolloutConfigHolder}, lowest precedence first: a key set by a later
 * layer wins over the same key set by an earlier one. {@link #code()} is stable, for logs and
 * metric tags.
 */
public enum ConfigSource {
  /** The built-in defaults. */
  DEFAULTS("defaults"),
  /** The YAML file (hot-reloaded). */
  FILE("file"),
  /** Flags read through an OpenFeature client. */
  OPENFEATURE("openfeature"),
  /** {@code PROTOBUF_*} environment variables, read once at start. */
  ENVIRONMENT("environment"),
  /**
   * A guarded ramp's current step ({@link RampPlan}): the {@code rollout_percentage} it sets, or
   * {@code enabled: false} after a failing gate with {@code on_failure: kill_switch}.
   */
  RAMP("ramp"),
  /** Runtime changes through an admin API; they last until cleared or the process ends. */
  ADMIN("admin");

  private final String code;

  ConfigSource(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return code;
  }
}
