package dev.protoshift.server;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Durations on the server's and the load tool's command lines: {@code 250ms}, {@code 10s}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT10S}). */
public final class DurationText implements CommandLine.ITypeConverter<Duration> {

  private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /**
   * @throws CommandLine.TypeConversionException naming the value if it is not a duration
   */
  public static Duration parse(String value) {
    String v = value == null ? "" : value.strip();
    Matcher m = SIMPLE.matcher(v);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
    try {
      Duration d = Duration.parse(v);
      if (d.isNegative()) {
        throw new CommandLine.TypeConversionException("a duration must not be negative, was \"" + value + "\"");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "expected a duration like 250ms, 10s, 2m or PT10S, was \"" + value + "\"");
    }
  }

  /** A duration as the tool prints it: {@code 1m30s}, {@code 10s}, {@code 250ms}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 != 0) {
      return ms + "ms";
    }
    long s = ms / 1000;
    if (s < 60) {
      return s + "s";
    }
    return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
  }
}
