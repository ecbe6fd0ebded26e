package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A scalar field's default value, for FIELD_SAME_DEFAULT: comparable across types the way buf
 * compares them (strings with bytes, numbers, bools and enum numbers with each other).
 */
record Defaults(Object comparable, String printable) {

  /**
   * The field's default: its {@code default_value}, else its type's zero (an enum's first value).
   *
   * @throws IllegalArgumentException naming the file and the field if a numeric default is not a
   *     number (a set that was never linked)
   */
  static Defaults of(FieldElement field) {
    try {
      return parse(field);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field.file.path + ": field " + field.fullName + ": default value "
          + Text.quote(field.proto.getDefaultValue()) + " is not a valid "
          + field.proto.getType().name().substring("TYPE_".length()).toLowerCase(java.util.Locale.ROOT), e);
    }
  }

  private static Defaults parse(FieldElement field) {
    String text = field.proto.hasDefaultValue() ? field.proto.getDefaultValue() : null;
    Type type = field.proto.getType();
    switch (type) {
      case TYPE_STRING -> {
        String value = text == null ? "" : text;
        return new Defaults(value, Text.quote(value));
      }
      case TYPE_BYTES -> {
        byte[] bytes = text == null ? new byte[0] : unescape(text);
        List<String> hex = new ArrayList<>();
        for (byte b : bytes) {
          hex.add(String.format("0x%X", b & 0xff));
        }
        return new Defaults(new String(bytes, StandardCharsets.ISO_8859_1), "[" + String.join(",", hex) + "]");
      }
      case TYPE_ENUM -> {
        EnumElement e = field.enumType;
        if (e == null || e.proto.getValueCount() == 0) {
          return new Defaults(BigDecimal.ZERO, text == null ? "0" : text);
        }
        String name = text != null ? text : e.proto.getValue(0).getName();
        Integer number = e.numberOf(name);
        return new Defaults(BigDecimal.valueOf(number == null ? 0 : number), e.name() + "." + name);
      }
      case TYPE_BOOL -> {
        boolean value = "true".equals(text);
        return new Defaults(value ? BigDecimal.ONE : BigDecimal.ZERO, Boolean.toString(value));
      }
      case TYPE_DOUBLE, TYPE_FLOAT -> {
        double value = text == null ? 0 : parseFloating(text);
        if (type == Type.TYPE_FLOAT) {
          value = (float) value;
        }
        if (Double.isNaN(value)) {
          return new Defaults("NaN", "NaN");
        }
        if (Double.isInfinite(value)) {
          return new Defaults(value > 0 ? "+Inf" : "-Inf", value > 0 ? "+Inf" : "-Inf");
        }
        BigDecimal exact = type == Type.TYPE_FLOAT ? new BigDecimal(Float.toString((float) value))
            : new BigDecimal(Double.toString(value));
        return new Defaults(exact, printNumber(exact));
      }
      default -> {
        BigDecimal value = text == null ? BigDecimal.ZERO : new BigDecimal(text);
        return new Defaults(value, value.toPlainString());
      }
    }
  }

  boolean isZero() {
    if (comparable instanceof BigDecimal d) {
      return d.signum() == 0;
    }
    return "".equals(comparable);
  }

  /** Equal as buf compares: numerically for numbers, bools and enums; by content for strings/bytes. */
  boolean sameAs(Defaults other) {
    if (comparable instanceof BigDecimal a && other.comparable instanceof BigDecimal b) {
      return a.compareTo(b) == 0;
    }
    return comparable.equals(other.comparable);
  }

  private static double parseFloating(String text) {
    return switch (text) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      case "nan", "-nan" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  private static String printNumber(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
  }

  /** protoc writes bytes defaults C-escaped ({@code \\001}, {@code \\n}, {@code \\\\}). */
  private static byte[] unescape(String text) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 >= text.length()) {
        out.write((byte) c);
        continue;
      }
      char n = text.charAt(++i);
      if (n >= '0' && n <= '7') {
        int value = 0;
        int digits = 0;
        while (digits < 3 && i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '7') {
          value = value * 8 + (text.charAt(i++) - '0');
          digits++;
        }
        i--;
        out.write(value);
      } else if (n == 'x' && i + 1 < text.length()) {
        int value = 0;
        int digits = 0;
        while (digits < 2 && i + 1 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0) {
          value = value * 16 + Character.digit(text.charAt(++i), 16);
          digits++;
        }
        out.write(value);
      } else {
        out.write(switch (n) {
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          case 'a' -> 7;
          case 'b' -> '\b';
          case 'f' -> '\f';
          case 'v' -> 11;
          default -> n;
        });
      }
    }
    return out.toByteArray();
  }
}
