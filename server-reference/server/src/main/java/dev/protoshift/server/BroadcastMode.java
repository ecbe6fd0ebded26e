package dev.protoshift.server;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a room's state reaches its connections each tick. {@link #PER_COHORT} is what the server
 * does; the other two exist to measure it (docs/benchmarks.md, "server-reference load test").
 */
public enum BroadcastMode {
  /** Convert and encode once per cohort, every member gets the same bytes (with its own {@code me}). */
  PER_COHORT("per-cohort"),
  /** Benchmarks only: convert and encode once per connection (the naive path). */
  PER_CONNECTION("per-connection"),
  /**
   * Benchmarks only, the floor: each room's state is encoded once per cohort the first time and
   * those bytes are sent every tick (clients see the same tick repeated).
   */
  PRE_ENCODED("pre-encoded");

  private final String code;

  BroadcastMode(String code) {
    this.code = code;
  }

  /** The option value, e.g. {@code per-cohort}. */
  public String code() {
    return code;
  }

  /**
   * @throws IllegalArgumentException naming the value and the choices
   */
  public static BroadcastMode parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.code.equals(t)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("broadcast mode must be per-cohort, per-connection or"
            + " pre-encoded, was \"" + text + "\""));
  }
}
