package dev.protoshift.compat.internal;

import java.util.List;
import java.util.stream.Collectors;

/** Message formatting shared by the rules (buf's quoting conventions). */
final class Text {

  private Text() {}

  /** {@code "value"}, with quotes, backslashes and control characters escaped. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** {@code "a", "b"}: each quoted, joined with a comma and a space. */
  static String quoteAll(List<String> values) {
    return values.stream().map(Text::quote).collect(Collectors.joining(", "));
  }
}
