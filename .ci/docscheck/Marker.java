package docscheck;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code <!-- docs-check: ... -->} comment written directly above a fenced shell block.
 * The syntax is documented in docs/contributing.md ("Docs check").
 */
sealed interface Marker {

  Pattern COMMENT = Pattern.compile("^\\s*<!--\\s*docs-check:\\s*(.*?)\\s*-->\\s*$");
  Pattern ENV = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)");
  Pattern READY = Pattern.compile("ready=(https?://\\S+)");
  Pattern TIMEOUT = Pattern.compile("timeout=([1-9][0-9]{0,4})");
  Pattern TOOL = Pattern.compile("[A-Za-z0-9._+-]+");

  /** The block is not run; the reason is printed in the list of skipped blocks. */
  record Skip(String reason) implements Marker {}

  /** {@code NAME=VALUE} is set (VALUE is shell text, evaluated by the page's shell) before the block. */
  record Env(String name, String value) implements Marker {}

  /** The block runs in the background until the page ends; the page goes on once {@code ready} answers. */
  record Background(String ready, int timeoutSeconds) implements Marker {}

  /** The block runs only where {@code tool} is on the PATH, and is skipped (and listed) elsewhere. */
  record Needs(String tool) implements Marker {}

  /** True if the line is a docs-check comment (well-formed or not). */
  static boolean isMarker(String line) {
    return line.strip().startsWith("<!--") && line.contains("docs-check:");
  }

  /**
   * Parses one marker line.
   *
   * @throws IllegalArgumentException naming what is wrong with the marker
   */
  static Marker parse(String line) {
    Matcher m = COMMENT.matcher(line);
    if (!m.matches()) {
      throw new IllegalArgumentException("a docs-check marker must be one line: <!-- docs-check: KEYWORD ... -->, was " + line.strip());
    }
    String body = m.group(1);
    String keyword = body.split("\\s+", 2)[0];
    String rest = body.substring(keyword.length()).strip();
    switch (keyword) {
      case "skip": {
        String reason = rest.length() >= 2 && rest.startsWith("\"") && rest.endsWith("\"")
            ? rest.substring(1, rest.length() - 1).strip() : rest;
        if (reason.isEmpty()) {
          throw new IllegalArgumentException("skip needs a reason: <!-- docs-check: skip \"why it cannot run in CI\" -->");
        }
        return new Skip(reason);
      }
      case "env": {
        Matcher e = ENV.matcher(rest);
        if (!e.matches()) {
          throw new IllegalArgumentException("env needs NAME=VALUE, was \"" + rest + "\"");
        }
        return new Env(e.group(1), e.group(2));
      }
      case "background": {
        String ready = null;
        int timeout = 120;
        for (String option : rest.isEmpty() ? new String[0] : rest.split("\\s+")) {
          Matcher r = READY.matcher(option);
          Matcher t = TIMEOUT.matcher(option);
          if (r.matches()) {
            ready = r.group(1);
          } else if (t.matches()) {
            timeout = Integer.parseInt(t.group(1));
          } else {
            throw new IllegalArgumentException("background takes ready=http://... and timeout=SECONDS, was \"" + option + "\"");
          }
        }
        if (ready == null) {
          throw new IllegalArgumentException("background needs ready=URL: the page goes on once the URL answers 2xx");
        }
        return new Background(ready, timeout);
      }
      case "needs": {
        if (!TOOL.matcher(rest).matches()) {
          throw new IllegalArgumentException("needs takes one program name, was \"" + rest + "\"");
        }
        return new Needs(rest);
      }
      default:
        throw new IllegalArgumentException("unknown docs-check marker \"" + keyword + "\" (skip, env, background, needs)");
    }
  }
}
