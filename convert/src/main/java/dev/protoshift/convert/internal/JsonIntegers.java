package dev.protoshift.convert.internal;

import com.fasterxml.jackson.core.JsonParser;
import dev.protoshift.convert.DecodeException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Integer values of every protobuf integer type from JSON numbers or strings, with range checks.
 * Unsigned 32- and 64-bit values come back in their two's complement {@code int}/{@code long}
 * form, as protobuf-java holds them. Never expands a number's exponent: {@code 1e999999999} is out
 * of range at once.
 */
final class JsonIntegers {

  /** Longer numeric text is refused before any arithmetic (Jackson's own limit for number tokens). */
  static final int MAX_NUMBER_LENGTH = 1000;

  private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  enum Kind {
    INT32("an int32", Integer.MIN_VALUE, Integer.MAX_VALUE),
    SINT32("a sint32", Integer.MIN_VALUE, Integer.MAX_VALUE),
    SFIXED32("an sfixed32", Integer.MIN_VALUE, Integer.MAX_VALUE),
    UINT32("a uint32", 0, 0xFFFF_FFFFL),
    FIXED32("a fixed32", 0, 0xFFFF_FFFFL),
    INT64("an int64", Long.MIN_VALUE, Long.MAX_VALUE),
    SINT64("a sint64", Long.MIN_VALUE, Long.MAX_VALUE),
    SFIXED64("an sfixed64", Long.MIN_VALUE, Long.MAX_VALUE),
    /** Range 0..2^64-1, checked with BigInteger. */
    UINT64("a uint64", 0, -1),
    FIXED64("a fixed64", 0, -1);

    final String article;
    private final long min;
    private final long max;

    Kind(String article, long min, long max) {
      this.article = article;
      this.min = min;
      this.max = max;
    }

    boolean unsigned64() {
      return max == -1;
    }
  }

  private JsonIntegers() {}

  /** A value Jackson already parsed as a long, range-checked; 32-bit unsigned values are narrowed to int. */
  static long checked(long value, Kind kind, JsonParser p) throws IOException, ReadFailure {
    if (kind.unsigned64() ? value < 0 : value < kind.min || value > kind.max) {
      throw outOfRange(kind, shown(p.getText()));
    }
    return kind == Kind.UINT32 || kind == Kind.FIXED32 ? (int) value : value;
  }

  /**
   * Parses {@code text} (a JSON number token, or a string holding one when {@code fromString})
   * as an integer of {@code kind}: {@code 1.0} and {@code 1e3} are integers, {@code 1.5} is not.
   */
  static long parse(String text, Kind kind, boolean fromString) throws ReadFailure {
    String shown = fromString ? DecodeException.echo(text) : shown(text);
    if (text.length() > MAX_NUMBER_LENGTH || (fromString && !isJsonNumber(text))) {
      throw new ReadFailure("expected " + kind.article + ", was " + shown);
    }
    BigInteger value;
    if (isPlainInteger(text) && text.length() <= 18) {
      value = BigInteger.valueOf(Long.parseLong(text));
    } else {
      BigDecimal decimal;
      try {
        decimal = new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new ReadFailure("expected " + kind.article + ", was " + shown);
      }
      if (decimal.signum() == 0) {
        return 0;
      }
      if (decimal.precision() - decimal.scale() > 21) {
        throw outOfRange(kind, shown);
      }
      decimal = decimal.stripTrailingZeros();
      if (decimal.scale() > 0) {
        throw new ReadFailure("expected " + kind.article + ", was " + shown + " (not an integer)");
      }
      value = decimal.toBigIntegerExact();
    }
    if (kind.unsigned64()) {
      if (value.signum() < 0 || value.compareTo(MAX_UINT64) > 0) {
        throw outOfRange(kind, shown);
      }
      return value.longValue();
    }
    if (value.bitLength() > 63 || value.longValue() < kind.min || value.longValue() > kind.max) {
      throw outOfRange(kind, shown);
    }
    long v = value.longValue();
    return kind == Kind.UINT32 || kind == Kind.FIXED32 ? (int) v : v;
  }

  /** JSON's number grammar: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
  static boolean isJsonNumber(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && s.charAt(i) == '-') {
      i++;
    }
    if (i >= n) {
      return false;
    }
    if (s.charAt(i) == '0') {
      i++;
    } else if (s.charAt(i) >= '1' && s.charAt(i) <= '9') {
      i = digits(s, i);
    } else {
      return false;
    }
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      i = digits(s, i);
      if (i == start) {
        return false;
      }
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int start = i;
      i = digits(s, i);
      if (i == start) {
        return false;
      }
    }
    return i == n;
  }

  /** A number token's text for an error message, shortened to {@link DecodeException#MAX_ECHO}. */
  static String shown(String number) {
    return number.length() <= DecodeException.MAX_ECHO ? number : number.substring(0, DecodeException.MAX_ECHO) + "...";
  }

  private static ReadFailure outOfRange(Kind kind, String shown) {
    return new ReadFailure("expected " + kind.article + ", was " + shown + " (out of range)");
  }

  private static boolean isPlainInteger(String s) {
    int start = !s.isEmpty() && s.charAt(0) == '-' ? 1 : 0;
    return s.length() > start && digits(s, start) == s.length();
  }

  private static int digits(String s, int i) {
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }
}
