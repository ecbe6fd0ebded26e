package dev.protoshift.server.monitoring;

import dev.protoshift.server.monitoring.PromQlLexer.Kind;
import dev.protoshift.server.monitoring.PromQlLexer.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a PromQL expression refers to: the metric names it selects, the label names in each
 * selector's matchers, and the label names of its {@code by}, {@code without}, {@code on},
 * {@code ignoring} and {@code group_left/right} clauses. Not a PromQL parser: a tokenizer that
 * knows which identifiers are function names, aggregations and keywords, skips strings, numbers,
 * durations, range and subquery brackets and Grafana variables, and checks that brackets balance.
 * An identifier followed by {@code (} that is no PromQL function is an error, so a typo in a
 * function name does not pass as a metric.
 */
final class PromQl {

  /** A metric selected, with the label names its matchers use. {@code metric} may come from {@code {__name__="..."}}. */
  record Selector(String metric, Set<String> matcherLabels, int token) {}

  /**
   * A grouping or matching clause. For {@code by} and {@code without}, {@code scope} is the
   * selectors inside the aggregation they belong to; for the binary-operator clauses, every
   * selector of the expression.
   */
  record Clause(String keyword, Set<String> labels, List<Selector> scope) {}

  record Refs(List<Selector> selectors, List<Clause> clauses) {}

  static final Set<String> AGGREGATIONS = Set.of(
      "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile");

  /** Prometheus 2.42's functions (docs/querying/functions.md of that release), plus {@code start} and {@code end} of {@code @}. */
  static final Set<String> FUNCTIONS = Set.of(
      "abs", "absent", "absent_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min", "day_of_month",
      "day_of_week", "day_of_year", "days_in_month", "delta", "deriv", "exp", "floor", "histogram_count",
      "histogram_fraction", "histogram_quantile", "histogram_sum", "holt_winters", "hour", "idelta", "increase",
      "irate", "label_join", "label_replace", "ln", "log2", "log10", "minute", "month", "predict_linear", "rate",
      "resets", "round", "scalar", "sgn", "sort", "sort_desc", "sqrt", "time", "timestamp", "vector", "year",
      "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time", "quantile_over_time",
      "stddev_over_time", "stdvar_over_time", "last_over_time", "present_over_time", "acos", "acosh", "asin",
      "asinh", "atan", "atanh", "cos", "cosh", "sin", "sinh", "tan", "tanh", "deg", "rad", "pi", "start", "end");

  static final Set<String> GROUPING = Set.of("by", "without");
  static final Set<String> MATCHING = Set.of("on", "ignoring", "group_left", "group_right");
  static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "atan2", "bool", "offset", "inf", "nan");
  private static final Set<String> MATCH_OPS = Set.of("=", "!=", "=~", "!~");

  private final String expression;
  private final List<Token> tokens;
  private final List<Selector> selectors = new ArrayList<>();
  private final List<int[]> groupingScopes = new ArrayList<>();
  private final List<Clause> groupingClauses = new ArrayList<>();
  private final List<Clause> matchingClauses = new ArrayList<>();
  /** A {@code by}/{@code without} written after its aggregation's argument: its token index to the end of its list. */
  private final Map<Integer, Integer> trailingClauses = new HashMap<>();

  private PromQl(String expression) {
    this.expression = expression;
    this.tokens = PromQlLexer.tokens(expression);
  }

  /**
   * Scans one expression.
   *
   * @throws IllegalArgumentException if it cannot be read: unbalanced brackets, an unknown
   *     function, a malformed matcher or clause, a by/without outside an aggregation
   */
  static Refs scan(String expression) {
    return new PromQl(expression).run();
  }

  private Refs run() {
    checkBalanced();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (trailingClauses.containsKey(i)) {
        i = trailingClauses.get(i);
      } else if (t.is("[")) {
        i = closing(i);
      } else if (t.is("{")) {
        i = selector(null, i);
      } else if (t.kind() == Kind.IDENT) {
        i = identifier(i);
      }
    }
    List<Clause> clauses = new ArrayList<>();
    for (int c = 0; c < groupingClauses.size(); c++) {
      int[] range = groupingScopes.get(c);
      List<Selector> scope = selectors.stream().filter(s -> s.token() > range[0] && s.token() < range[1]).toList();
      clauses.add(new Clause(groupingClauses.get(c).keyword(), groupingClauses.get(c).labels(), scope));
    }
    matchingClauses.forEach(m -> clauses.add(new Clause(m.keyword(), m.labels(), List.copyOf(selectors))));
    return new Refs(List.copyOf(selectors), List.copyOf(clauses));
  }

  private int identifier(int i) {
    String name = tokens.get(i).text();
    String lower = name.toLowerCase(Locale.ROOT);
    boolean call = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
    if (AGGREGATIONS.contains(lower)) {
      return aggregation(i);
    }
    if (GROUPING.contains(lower)) {
      throw error("'" + name + "' outside an aggregation", tokens.get(i));
    }
    if (MATCHING.contains(lower)) {
      if (!call) {
        if (lower.startsWith("group_")) {
          return i;
        }
        throw error("'" + name + "' needs a label list", tokens.get(i));
      }
      int end = closing(i + 1);
      matchingClauses.add(new Clause(lower, labelList(i + 1, end), List.of()));
      return end;
    }
    if (KEYWORDS.contains(lower)) {
      return lower.equals("offset") ? skipOffset(i) : i;
    }
    if (call) {
      if (!FUNCTIONS.contains(name)) {
        throw error("unknown function '" + name + "'", tokens.get(i));
      }
      return i;
    }
    boolean matchers = i + 1 < tokens.size() && tokens.get(i + 1).is("{");
    if (matchers) {
      return selector(name, i + 1);
    }
    selectors.add(new Selector(name, Set.of(), i));
    return i;
  }

  /** {@code agg by (l) (expr)}, {@code agg (expr) by (l)} or {@code agg (expr)}; returns the last token index used. */
  private int aggregation(int i) {
    int next = i + 1;
    if (next < tokens.size() && isGrouping(tokens.get(next))) {
      int labelsEnd = expectList(next + 1);
      Set<String> labels = labelList(next + 1, labelsEnd);
      if (labelsEnd + 1 >= tokens.size() || !tokens.get(labelsEnd + 1).is("(")) {
        throw error("aggregation '" + tokens.get(i).text() + "' has no argument", tokens.get(i));
      }
      int argEnd = closing(labelsEnd + 1);
      group(tokens.get(next).text(), labels, labelsEnd + 1, argEnd);
      return labelsEnd; // the argument is scanned as usual
    }
    if (next >= tokens.size() || !tokens.get(next).is("(")) {
      throw error("aggregation '" + tokens.get(i).text() + "' has no argument", tokens.get(i));
    }
    int argEnd = closing(next);
    if (argEnd + 1 < tokens.size() && isGrouping(tokens.get(argEnd + 1))) {
      int labelsEnd = expectList(argEnd + 2);
      group(tokens.get(argEnd + 1).text(), labelList(argEnd + 2, labelsEnd), next, argEnd);
      trailingClauses.put(argEnd + 1, labelsEnd);
    }
    return i;
  }

  private void group(String keyword, Set<String> labels, int from, int to) {
    groupingClauses.add(new Clause(keyword.toLowerCase(Locale.ROOT), labels, List.of()));
    groupingScopes.add(new int[] {from, to});
  }

  private boolean isGrouping(Token t) {
    return t.kind() == Kind.IDENT && GROUPING.contains(t.text().toLowerCase(Locale.ROOT));
  }

  private int expectList(int open) {
    if (open >= tokens.size() || !tokens.get(open).is("(")) {
      throw error("by/without needs a label list", tokens.get(Math.min(open, tokens.size() - 1)));
    }
    return closing(open);
  }

  /** The label names between {@code (} at {@code open} and {@code )} at {@code close}: identifiers separated by commas. */
  private Set<String> labelList(int open, int close) {
    Set<String> labels = new LinkedHashSet<>();
    boolean wantName = true;
    for (int j = open + 1; j < close; j++) {
      Token t = tokens.get(j);
      if (wantName && t.kind() == Kind.IDENT) {
        labels.add(t.text());
        wantName = false;
      } else if (!wantName && t.is(",")) {
        wantName = true;
      } else {
        throw error("expected a label name in a label list, found '" + t.text() + "'", t);
      }
    }
    return labels;
  }

  /** Matchers from {@code {} at {@code open}; returns the index of its {@code }}. */
  private int selector(String metric, int open) {
    int close = closing(open);
    Set<String> labels = new LinkedHashSet<>();
    String name = metric;
    int j = open + 1;
    while (j < close) {
      Token label = tokens.get(j);
      if (label.kind() != Kind.IDENT || j + 2 >= close) {
        throw error("expected label=\"value\" in a selector, found '" + label.text() + "'", label);
      }
      Token op = tokens.get(j + 1);
      Token value = tokens.get(j + 2);
      if (op.kind() != Kind.PUNCT || !MATCH_OPS.contains(op.text()) || value.kind() != Kind.STRING) {
        throw error("expected label=\"value\" in a selector after '" + label.text() + "'", op);
      }
      if (label.text().equals("__name__") && op.text().equals("=")) {
        if (name != null) {
          throw error("two metric names in one selector", label);
        }
        name = value.text();
      } else {
        labels.add(label.text());
      }
      j += 3;
      if (j < close && !tokens.get(j).is(",")) {
        throw error("expected ',' or '}' in a selector", tokens.get(j));
      }
      j += j < close ? 1 : 0;
    }
    if (name == null) {
      throw error("a selector without a metric name", tokens.get(open));
    }
    selectors.add(new Selector(name, Set.copyOf(labels), open));
    return close;
  }

  private int skipOffset(int i) {
    int j = i + 1;
    if (j < tokens.size() && tokens.get(j).is("-")) {
      j++;
    }
    if (j >= tokens.size() || (tokens.get(j).kind() != Kind.NUMBER && tokens.get(j).kind() != Kind.VARIABLE)) {
      throw error("offset needs a duration", tokens.get(i));
    }
    return j;
  }

  /** The index of the bracket that closes the one at {@code open}. */
  private int closing(int open) {
    int depth = 0;
    for (int j = open; j < tokens.size(); j++) {
      Token t = tokens.get(j);
      if (t.is("(") || t.is("{") || t.is("[")) {
        depth++;
      } else if (t.is(")") || t.is("}") || t.is("]")) {
        depth--;
        if (depth == 0) {
          return j;
        }
      }
    }
    throw error("unclosed '" + tokens.get(open).text() + "'", tokens.get(open));
  }

  private void checkBalanced() {
    List<Token> stack = new ArrayList<>();
    for (Token t : tokens) {
      if (t.is("(") || t.is("{") || t.is("[")) {
        stack.add(t);
      } else if (t.is(")") || t.is("}") || t.is("]")) {
        if (stack.isEmpty()) {
          throw error("unopened '" + t.text() + "'", t);
        }
        Token open = stack.remove(stack.size() - 1);
        String pair = open.text() + t.text();
        if (!pair.equals("()") && !pair.equals("{}") && !pair.equals("[]")) {
          throw error("'" + open.text() + "' closed by '" + t.text() + "'", t);
        }
      }
    }
    if (!stack.isEmpty()) {
      throw error("unclosed '" + stack.get(stack.size() - 1).text() + "'", stack.get(stack.size() - 1));
    }
  }

  private IllegalArgumentException error(String what, Token at) {
    return new IllegalArgumentException(what + " at offset " + at.offset() + " of PromQL: " + expression);
  }
}
