package dev.protoshift.compat;

import java.util.Comparator;
import java.util.Objects;

/**
 * One breaking change a rule found: the rule, where (the current location; the previous one
 * for an element that no longer has a current place, such as a deleted file) and a message that
 * names the element and what changed, e.g. {@code Previously present field "3" with name "three"
 * on message "Two" was deleted.}
 *
 * <p>Lines and columns are 1-based; {@code 1:1} when the descriptor set carries no source info
 * for the element. {@code previousPath}/{@code previousLine}/{@code previousColumn} point at the
 * element in the previous schema when there is one ({@code previousPath} is empty otherwise).
 *
 * @param rule the rule id, e.g. {@code FIELD_NO_DELETE}
 * @param category the strictest of the rule's categories FILE, PACKAGE, WIRE_JSON, WIRE
 * @param ignored true if an ignore (a {@code protoshift:ignore} comment or the config) covers it
 * @param ignoreReason why it is ignored, empty unless {@code ignored}
 */
public record Finding(
    String rule,
    Category category,
    String path,
    int line,
    int column,
    String message,
    String previousPath,
    int previousLine,
    int previousColumn,
    boolean ignored,
    String ignoreReason) implements Comparable<Finding> {

  private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::path)
      .thenComparingInt(Finding::line)
      .thenComparingInt(Finding::column)
      .thenComparing(Finding::rule)
      .thenComparing(Finding::message);

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(previousPath, "previousPath");
    Objects.requireNonNull(ignoreReason, "ignoreReason");
  }

  /** This finding marked as ignored, for {@code reason}. */
  public Finding asIgnored(String reason) {
    return new Finding(rule, category, path, line, column, message, previousPath, previousLine,
        previousColumn, true, reason);
  }

  /** {@code path:line:column:RULE_ID:message}, the CLI's text format. */
  public String toText() {
    return path + ":" + line + ":" + column + ":" + rule + ":" + message;
  }

  /** Path, line, column, rule, message. */
  @Override
  public int compareTo(Finding o) {
    return ORDER.compare(this, o);
  }
}
