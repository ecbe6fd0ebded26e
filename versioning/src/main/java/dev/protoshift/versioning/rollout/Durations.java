package dev.protoshift.versioning.rollout;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as operators write them in rollout config, ramp plans, admin query parameters and
 * command lines: {@code 250ms}, {@code 30s}, {@code 15m}, {@code 24h}, {@code 2d}, or ISO-8601
 * ({@code PT24H}). Stateless and thread-safe.
 */
public final class Durations {

  private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private Durations() {}

  /**
   * The duration {@code text} denotes (surrounding whitespace ignored), or empty if it is not a
   * duration or is negative. Never throws; {@code null} is empty.
   */
  public static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String v = text.strip();
    Matcher m = SIMPLE.matcher(v);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return Optional.of(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      });
    }
    try {
      Duration d = Duration.parse(v);
      return d.isNegative() ? Optional.empty() : Optional.of(d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
