package dev.protoshift.versioning;

/**
 * A string that is not a protocol version. The message names the input (shortened and with
 * control and non-ASCII characters escaped, so it is safe to log) and what is wrong with it.
 */
public final class InvalidVersionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;
  private static final int SHOWN_CHARS = 40;

  private final String input;
  private final String reason;

  InvalidVersionException(String rawInput, String reason) {
    super(rawInput == null
        ? "invalid protocol version: " + reason
        : "invalid protocol version \"" + printable(rawInput) + "\": " + reason);
    this.input = rawInput == null ? null : printable(rawInput);
    this.reason = reason;
  }

  /** The offending input, shortened and escaped for logs; {@code null} if it was missing. */
  public String input() {
    return input;
  }

  /** What is wrong with the input, e.g. {@code "expected MAJOR.MINOR.PATCH"}. */
  public String reason() {
    return reason;
  }

  static String printable(String raw) {
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < raw.length() && shown < SHOWN_CHARS; i++, shown++) {
      char c = raw.charAt(i);
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    if (raw.length() > SHOWN_CHARS) {
      out.append("...(").append(raw.length()).append(" chars)");
    }
    return out.toString();
  }
}
