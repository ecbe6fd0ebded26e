package dev.protoshift.compat.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code // protoshift:ignore RULE_ID[,RULE_ID...] reason} comments in the current schema. A
 * directive on an element covers findings located at that element or anything inside it (a
 * directive on a message covers its fields, and the deletion of one of its fields).
 */
final class IgnoreDirectives {

  static final String KEYWORD = "protoshift:ignore";
  private static final Pattern DIRECTIVE = Pattern.compile(
      "protoshift:ignore(?:[ \\t]+([A-Za-z0-9_,]+))?[ \\t]*([^\\n]*)");

  private final Set<String> knownRules;
  private final Map<FileElement, Map<String, Map<String, String>>> cache = new HashMap<>();

  IgnoreDirectives(Set<String> knownRules) {
    this.knownRules = knownRules;
  }

  /**
   * Checks every directive of the files: each names known rules and gives a reason.
   *
   * @throws IllegalArgumentException naming the file and line of a malformed directive
   */
  void validate(Iterable<FileElement> files) {
    for (FileElement file : files) {
      if (!file.source.mayContain(KEYWORD)) {
        continue;
      }
      for (var location : file.source.locations()) {
        if (mentions(location)) {
          String comments = String.join("\n", location.getLeadingDetachedCommentsList()) + "\n"
              + location.getLeadingComments() + "\n" + location.getTrailingComments();
          parse(comments, file.path + ":" + (location.getSpan(0) + 1));
        }
      }
    }
  }

  private static boolean mentions(com.google.protobuf.DescriptorProtos.SourceCodeInfo.Location location) {
    if (location.hasLeadingComments() && location.getLeadingComments().contains(KEYWORD)
        || location.hasTrailingComments() && location.getTrailingComments().contains(KEYWORD)) {
      return true;
    }
    for (int i = 0; i < location.getLeadingDetachedCommentsCount(); i++) {
      if (location.getLeadingDetachedComments(i).contains(KEYWORD)) {
        return true;
      }
    }
    return false;
  }

  /** The reason a directive gives for ignoring {@code rule} at {@code location}, or null. */
  String reason(String rule, Location location) {
    int[] path = location.elementPath();
    for (int length = path.length; length > 0; length--) {
      int[] prefix = java.util.Arrays.copyOf(path, length);
      String comments = location.file().source.comments(prefix);
      if (!comments.contains(KEYWORD)) {
        continue;
      }
      Map<String, String> byRule = cache.computeIfAbsent(location.file(), f -> new HashMap<>())
          .computeIfAbsent(java.util.Arrays.toString(prefix), k -> parse(comments, location.file().path));
      String reason = byRule.get(rule);
      if (reason != null) {
        return reason;
      }
    }
    return null;
  }

  private Map<String, String> parse(String comments, String where) {
    Map<String, String> byRule = new HashMap<>();
    Matcher m = DIRECTIVE.matcher(comments);
    while (m.find()) {
      if (m.group(1) == null) {
        throw new IllegalArgumentException(where + ": \"" + KEYWORD + "\" needs a rule id and a reason, e.g. \""
            + KEYWORD + " FIELD_SAME_TYPE clients never read this field\"");
      }
      String reason = m.group(2).trim();
      if (reason.isEmpty()) {
        throw new IllegalArgumentException(where + ": \"" + KEYWORD + " " + m.group(1)
            + "\" gives no reason; write why the change is safe after the rule id");
      }
      for (String rule : List.of(m.group(1).split(","))) {
        if (rule.isEmpty()) {
          continue;
        }
        if (!knownRules.contains(rule)) {
          throw new IllegalArgumentException(where + ": \"" + KEYWORD + "\" names unknown rule \"" + rule
              + "\" (see the rules command)");
        }
        byRule.put(rule, reason);
      }
    }
    return byRule;
  }
}
