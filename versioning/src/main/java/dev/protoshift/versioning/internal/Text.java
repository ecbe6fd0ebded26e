package dev.protoshift.versioning.internal;

/** Renders untrusted text for error messages and logs: bounded, quoted, control characters escaped. */
public final class Text {

  /** How many characters of an untrusted value an error message shows. */
  public static final int SHOWN_CHARS = 40;

  private Text() {}

  /**
   * The input shortened to {@value #SHOWN_CHARS} characters, with everything outside printable
   * ASCII (and {@code "} and {@code \}) escaped as {@code \}{@code uXXXX}, and the full length
   * appended when it was cut.
   */
  public static String printable(String raw) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < raw.length() && i < SHOWN_CHARS; i++) {
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

  /** {@link #printable} in double quotes, or {@code null} (unquoted) for a missing value. */
  public static String quoted(String raw) {
    return raw == null ? "null" : "\"" + printable(raw) + "\"";
  }
}
