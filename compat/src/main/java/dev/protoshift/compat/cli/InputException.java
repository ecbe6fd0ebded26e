package dev.protoshift.compat.cli;

/** A CLI input that cannot be read: its message names the input and what is wrong (exit code 2). */
final class InputException extends Exception {

  private static final long serialVersionUID = 1L;

  InputException(String message) {
    super(message);
  }

  InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
