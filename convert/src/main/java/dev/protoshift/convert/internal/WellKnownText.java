package dev.protoshift.convert.internal;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The text forms of Timestamp, Duration and FieldMask in protobuf's JSON mapping. Problems are
 * {@link IllegalArgumentException}s whose message says what was wrong without repeating the input
 * (callers quote it, bounded).
 */
final class WellKnownText {

  /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the range a Timestamp may hold. */
  static final long MIN_TIMESTAMP_SECONDS = -62_135_596_800L;
  static final long MAX_TIMESTAMP_SECONDS = 253_402_300_799L;
  /** ±10,000 years, the range a Duration may hold. */
  static final long MAX_DURATION_SECONDS = 315_576_000_000L;

  private WellKnownText() {}

  /** {@code 1972-01-01T10:00:20.021Z}: always UTC, 0, 3, 6 or 9 fractional digits. */
  static String timestamp(long seconds, int nanos) {
    if (seconds < MIN_TIMESTAMP_SECONDS || seconds > MAX_TIMESTAMP_SECONDS || nanos < 0 || nanos > 999_999_999) {
      throw new IllegalArgumentException("Timestamp {seconds: " + seconds + ", nanos: " + nanos
          + "} is outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999999999Z");
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    StringBuilder s = new StringBuilder(30);
    digits(s, t.getYear(), 4).append('-');
    digits(s, t.getMonthValue(), 2).append('-');
    digits(s, t.getDayOfMonth(), 2).append('T');
    digits(s, t.getHour(), 2).append(':');
    digits(s, t.getMinute(), 2).append(':');
    digits(s, t.getSecond(), 2);
    return fraction(s, nanos).append('Z').toString();
  }

  /** Parses RFC 3339 ({@code 2024-05-01T12:00:00.5+02:00}) into {seconds, nanos} in UTC. */
  static long[] parseTimestamp(String text) {
    int n = text.length();
    if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      throw new IllegalArgumentException("not an RFC 3339 timestamp (YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM))");
    }
    int i = 19;
    int nanos = 0;
    if (text.charAt(i) == '.') {
      int start = ++i;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
      nanos = nanos(text, start, i);
    }
    long offsetSeconds = offset(text, i);
    long seconds;
    try {
      seconds = LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10), number(text, 11, 13),
          number(text, 14, 16), number(text, 17, 19)).toEpochSecond(ZoneOffset.UTC) - offsetSeconds;
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a valid date and time (" + e.getMessage() + ")");
    }
    if (seconds < MIN_TIMESTAMP_SECONDS || seconds > MAX_TIMESTAMP_SECONDS) {
      throw new IllegalArgumentException("outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999999999Z");
    }
    return new long[] {seconds, nanos};
  }

  /** {@code 1.5s}, {@code -0.000001s}: 0, 3, 6 or 9 fractional digits. */
  static String duration(long seconds, int nanos) {
    if (seconds < -MAX_DURATION_SECONDS || seconds > MAX_DURATION_SECONDS || nanos <= -1_000_000_000
        || nanos >= 1_000_000_000 || (seconds < 0 && nanos > 0) || (seconds > 0 && nanos < 0)) {
      throw new IllegalArgumentException("Duration {seconds: " + seconds + ", nanos: " + nanos
          + "} is not valid (|seconds| <= 315576000000, |nanos| < 10^9, same signs)");
    }
    StringBuilder s = new StringBuilder(24);
    if (seconds < 0 || nanos < 0) {
      s.append('-');
    }
    s.append(Math.abs(seconds));
    return fraction(s, Math.abs(nanos)).append('s').toString();
  }

  /** Parses {@code -1.5s} into {seconds, nanos} (both negative for a negative duration). */
  static long[] parseDuration(String text) {
    int n = text.length();
    boolean negative = n > 0 && text.charAt(0) == '-';
    int start = negative ? 1 : 0;
    int i = start;
    while (i < n && isDigit(text.charAt(i))) {
      i++;
    }
    if (i == start || i - start > 12) {
      throw new IllegalArgumentException(i == start ? "not a duration (e.g. \"1.5s\")" : "outside ±315576000000s");
    }
    long seconds = Long.parseLong(text, start, i, 10);
    int nanos = 0;
    if (i < n && text.charAt(i) == '.') {
      int fractionStart = ++i;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
      nanos = nanos(text, fractionStart, i);
    }
    if (i != n - 1 || text.charAt(i) != 's') {
      throw new IllegalArgumentException("not a duration (e.g. \"1.5s\")");
    }
    if (seconds > MAX_DURATION_SECONDS) {
      throw new IllegalArgumentException("outside ±315576000000s");
    }
    return negative ? new long[] {-seconds, -nanos} : new long[] {seconds, nanos};
  }

  /** The FieldMask JSON form: paths in lowerCamelCase joined by commas. */
  static String fieldMask(List<String> paths) {
    StringBuilder s = new StringBuilder();
    for (String path : paths) {
      if (path.isEmpty()) {
        continue;
      }
      if (s.length() > 0) {
        s.append(',');
      }
      for (int i = 0; i < path.length(); i++) {
        char c = path.charAt(i);
        if (c == '_') {
          char next = i + 1 < path.length() ? path.charAt(i + 1) : 0;
          if (next < 'a' || next > 'z') {
            throw new IllegalArgumentException("FieldMask path \"" + path
                + "\" has no lowerCamelCase form (an underscore must be followed by a lowercase letter)");
          }
          s.append((char) (next - 'a' + 'A'));
          i++;
        } else if ((c >= 'A' && c <= 'Z') || c == ',') {
          throw new IllegalArgumentException("FieldMask path \"" + path + "\" has no lowerCamelCase form ("
              + (c == ',' ? "a comma" : "an uppercase letter") + ")");
        } else {
          s.append(c);
        }
      }
    }
    return s.toString();
  }

  /** Parses the FieldMask JSON form back into snake_case paths (empty paths are skipped). */
  static List<String> parseFieldMask(String text) {
    List<String> paths = new ArrayList<>();
    StringBuilder path = new StringBuilder();
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ',';
      if (c == ',') {
        if (path.length() > 0) {
          paths.add(path.toString());
          path.setLength(0);
        }
      } else if (c >= 'A' && c <= 'Z') {
        path.append('_').append((char) (c - 'A' + 'a'));
      } else {
        path.append(c);
      }
    }
    return paths;
  }

  private static StringBuilder fraction(StringBuilder s, int nanos) {
    if (nanos == 0) {
      return s;
    }
    s.append('.');
    if (nanos % 1_000_000 == 0) {
      return digits(s, nanos / 1_000_000, 3);
    }
    if (nanos % 1_000 == 0) {
      return digits(s, nanos / 1_000, 6);
    }
    return digits(s, nanos, 9);
  }

  private static StringBuilder digits(StringBuilder s, int value, int width) {
    String text = Integer.toString(value);
    for (int i = text.length(); i < width; i++) {
      s.append('0');
    }
    return s.append(text);
  }

  /** 1 to 9 fractional digits as nanoseconds. */
  private static int nanos(String text, int start, int end) {
    if (end == start || end - start > 9) {
      throw new IllegalArgumentException("the fraction of a second must have 1 to 9 digits");
    }
    int value = Integer.parseInt(text, start, end, 10);
    for (int i = end - start; i < 9; i++) {
      value *= 10;
    }
    return value;
  }

  /** "Z", or "+HH:MM" / "-HH:MM" ending the text at {@code i}, in seconds east of UTC. */
  private static long offset(String text, int i) {
    int n = text.length();
    if (i == n - 1 && text.charAt(i) == 'Z') {
      return 0;
    }
    if (i == n - 6 && (text.charAt(i) == '+' || text.charAt(i) == '-') && text.charAt(i + 3) == ':') {
      int hours = number(text, i + 1, i + 3);
      int minutes = number(text, i + 4, i + 6);
      if (hours > 23 || minutes > 59) {
        throw new IllegalArgumentException("the UTC offset must be at most 23:59");
      }
      int seconds = hours * 3600 + minutes * 60;
      return text.charAt(i) == '+' ? seconds : -seconds;
    }
    throw new IllegalArgumentException("a timestamp must end with Z or a UTC offset (+HH:MM)");
  }

  private static int number(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!isDigit(text.charAt(i))) {
        throw new IllegalArgumentException("not an RFC 3339 timestamp (YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM))");
      }
    }
    return Integer.parseInt(text, start, end, 10);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
