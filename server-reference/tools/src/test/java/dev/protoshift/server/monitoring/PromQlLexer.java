package dev.protoshift.server.monitoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PromQL expression (as Grafana and Prometheus rule files hold it) into tokens. It knows
 * strings in three quotings, numbers and durations ({@code 0.99}, {@code 1e-3}, {@code 5m},
 * {@code 1h30m}), identifiers (with colons, as recording-rule names have), the operators, and
 * Grafana's template variables ({@code $job}, {@code ${datasource}}, {@code $__rate_interval},
 * {@code [[job]]}), which stand where a value or a duration would. Comments ({@code #} to the end of
 * the line) are dropped.
 */
final class PromQlLexer {

  enum Kind { IDENT, STRING, NUMBER, VARIABLE, PUNCT }

  record Token(Kind kind, String text, int offset) {
    boolean is(String punct) {
      return kind == Kind.PUNCT && text.equals(punct);
    }
  }

  private static final List<String> OPERATORS = List.of(
      "==", "!=", "<=", ">=", "=~", "!~", "(", ")", "{", "}", "[", "]", ",", "+", "-", "*", "/", "%", "^",
      "<", ">", "=", "@", ":");

  private final String text;
  private int at;

  private PromQlLexer(String text) {
    this.text = text;
  }

  /**
   * The tokens of {@code expression}.
   *
   * @throws IllegalArgumentException naming the offset and character of anything it cannot read
   */
  static List<Token> tokens(String expression) {
    return new PromQlLexer(expression).all();
  }

  private List<Token> all() {
    List<Token> out = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (at >= text.length()) {
        return out;
      }
      out.add(next());
    }
  }

  private void skipSpaceAndComments() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (Character.isWhitespace(c)) {
        at++;
      } else if (c == '#') {
        while (at < text.length() && text.charAt(at) != '\n') {
          at++;
        }
      } else {
        return;
      }
    }
  }

  private Token next() {
    int start = at;
    char c = text.charAt(at);
    if (c == '"' || c == '\'' || c == '`') {
      return new Token(Kind.STRING, string(c), start);
    }
    if (Character.isDigit(c) || (c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)))) {
      return new Token(Kind.NUMBER, number(), start);
    }
    if (isIdentStart(c)) {
      while (at < text.length() && isIdentPart(text.charAt(at))) {
        at++;
      }
      return new Token(Kind.IDENT, text.substring(start, at), start);
    }
    if (c == '$') {
      return new Token(Kind.VARIABLE, variable(), start);
    }
    if (text.startsWith("[[", at)) {
      int end = text.indexOf("]]", at);
      if (end < 0) {
        throw error("unclosed [[variable]]", start);
      }
      at = end + 2;
      return new Token(Kind.VARIABLE, text.substring(start, at), start);
    }
    for (String op : OPERATORS) {
      if (text.startsWith(op, at)) {
        at += op.length();
        return new Token(Kind.PUNCT, op, start);
      }
    }
    throw error("unexpected character '" + c + "'", start);
  }

  private String string(char quote) {
    int start = at++;
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '\\' && quote != '`') {
        at++;
      } else if (c == quote) {
        return text.substring(start + 1, at - 1);
      }
    }
    throw error("unclosed string", start);
  }

  /** Digits, then letters and digits (durations 5m, 1h30m; hex 0x1f), a fraction, an exponent with its sign. */
  private String number() {
    int start = at;
    while (at < text.length()) {
      char c = text.charAt(at);
      boolean exponentSign = (c == '-' || c == '+') && (text.charAt(at - 1) == 'e' || text.charAt(at - 1) == 'E')
          && Character.isDigit(text.charAt(start)) && !text.substring(start, at).startsWith("0x");
      if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
        at++;
      } else {
        break;
      }
    }
    return text.substring(start, at);
  }

  private String variable() {
    int start = at++;
    if (at < text.length() && text.charAt(at) == '{') {
      int end = text.indexOf('}', at);
      if (end < 0) {
        throw error("unclosed ${variable}", start);
      }
      at = end + 1;
    } else {
      while (at < text.length() && isIdentPart(text.charAt(at)) && text.charAt(at) != ':') {
        at++;
      }
      if (at == start + 1) {
        throw error("'$' without a variable name", start);
      }
    }
    return text.substring(start, at);
  }

  private static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  }

  private static boolean isIdentPart(char c) {
    return isIdentStart(c) || (c >= '0' && c <= '9');
  }

  private IllegalArgumentException error(String what, int offset) {
    return new IllegalArgumentException(what + " at offset " + offset + " of PromQL: " + text);
  }
}
