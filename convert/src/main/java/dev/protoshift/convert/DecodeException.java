package dev.protoshift.convert;

import java.util.Objects;

/**
 * A frame that could not be turned into a message: the one error every protoshift decoder
 * throws on bad input, whatever the bytes or text were.
 *
 * <p>The {@link #reason()} says what kind of problem it was; its {@link Reason#code() code} is
 * stable and fits {@code ServerError.code} and metric tags. The message names what was wrong
 * and, where there is one, the bad value (shortened to {@value #MAX_ECHO} characters, so a
 * hostile frame cannot flood logs).
 */
public final class DecodeException extends Exception {

  private static final long serialVersionUID = 1L;

  /** The longest piece of client input a message repeats. */
  public static final int MAX_ECHO = 64;

  /** What kind of problem a frame had. */
  public enum Reason {
    /** Not a protobuf message, not JSON, not a JSON object, or trailing bytes after it. */
    MALFORMED("bad_frame"),
    /** Well-formed, but not a message this side accepts (e.g. a client sent a state update). */
    UNEXPECTED_MESSAGE("unexpected_message"),
    /** A field has the wrong type or a value outside its domain (NaN, out of range, bad route). */
    INVALID_FIELD("invalid_field");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** The stable, machine-readable code, e.g. {@code bad_frame}. */
    public String code() {
      return code;
    }
  }

  private final Reason reason;

  private DecodeException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Bytes or text that are not a message at all. */
  public static DecodeException malformed(String message, Throwable cause) {
    return new DecodeException(Reason.MALFORMED, message, cause);
  }

  /** A well-formed message of a kind this side does not accept. */
  public static DecodeException unexpected(String message) {
    return new DecodeException(Reason.UNEXPECTED_MESSAGE, message, null);
  }

  /** A field with a bad value: {@code "<path>: <problem>"}. */
  public static DecodeException invalidField(String path, String problem) {
    return new DecodeException(Reason.INVALID_FIELD, path + ": " + problem, null);
  }

  /** Like {@link #invalidField(String, String)}, keeping the exception that found the problem. */
  public static DecodeException invalidField(String path, String problem, Throwable cause) {
    return new DecodeException(Reason.INVALID_FIELD, path + ": " + problem, cause);
  }

  public Reason reason() {
    return reason;
  }

  /** The stable code of the {@link #reason()}, e.g. {@code invalid_field}. */
  public String code() {
    return reason.code();
  }

  /** Client input quoted for an error message, shortened to {@value #MAX_ECHO} characters. */
  public static String echo(String input) {
    if (input == null) {
      return "null";
    }
    String shown = input.length() <= MAX_ECHO ? input : input.substring(0, MAX_ECHO) + "...";
    return '"' + shown.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
