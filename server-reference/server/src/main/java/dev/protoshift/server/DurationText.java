package dev.protoshift.server;

import dev.protoshift.versioning.rollout.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Durations on the server's and the load tool's command lines: {@code 250ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 2d} or ISO-8601 ({@code PT10S}); parsed by {@link Durations}. */
public final class DurationText implements CommandLine.ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /**
   * @throws CommandLine.TypeConversionException naming the value if it is not a duration
   */
  public static Duration parse(String value) {
    return Durations.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
        "expected a duration like 250ms, 10s, 2m or PT10S (not negative), was \"" + value + "\""));
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
