package dev.protoshift.versioning;

import dev.protoshift.versioning.internal.Text;

/**
 * A string that is not a protocol version. The message names the input (shortened and with
 * control and non-ASCII characters escaped, so it is safe to log) and what is wrong with it.
 */
public final class InvalidVersionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

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
    return Text.printable(raw);
  }
}
