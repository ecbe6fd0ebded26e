package dev.protoshift.compat.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the elements of two schemas and runs each rule on the pairs of its scope: files by path,
 * messages, enums and services by full name, fields by message and number, extensions by extendee
 * and number, enum values by number, methods by name within their service.
 */
final class Engine {

  /** A finding before locations are resolved and ignores applied. */
  record Raw(Rule rule, Location current, Location previous, String message) {}

  private Engine() {}

  static List<Raw> run(Schema previous, Schema current, List<Rule> rules) {
    return run(previous, current, rules, Unchanged.NONE);
  }

  /** Runs the rules, skipping the pairs {@code unchanged} says no rule can report. */
  static List<Raw> run(Schema previous, Schema current, List<Rule> rules, Unchanged unchanged) {
    Map<Rule.Scope, List<Rule>> byScope = new EnumMap<>(Rule.Scope.class);
    for (Rule rule : rules) {
      byScope.computeIfAbsent(rule.scope, s -> new ArrayList<>()).add(rule);
    }
    List<Raw> out = new ArrayList<>();
    Collector collector = new Collector(previous, current, out);

    run(byScope, Rule.Scope.SCHEMA, previous, current, collector);
    if (byScope.containsKey(Rule.Scope.FILE)) {
      previous.files.forEach((path, file) -> {
        if (!unchanged.file(path)) {
          pair(byScope, Rule.Scope.FILE, file, current.files.get(path), collector);
        }
      });
    }
    boolean messages = byScope.containsKey(Rule.Scope.MESSAGE);
    boolean fields = byScope.containsKey(Rule.Scope.FIELD);
    if (messages || fields) {
      previous.messages.forEach((name, message) -> {
        MessageElement other = current.messages.get(name);
        if (other == null) {
          return;
        }
        boolean same = unchanged.files(message.file, other.file);
        if (messages && !same) {
          run(byScope, Rule.Scope.MESSAGE, message, other, collector);
        }
        if (fields) {
          message.fieldsByNumber.forEach((number, field) -> {
            FieldElement now = other.fieldsByNumber.get(number);
            if (now != null && !(same && unchanged.fields(field, now))) {
              run(byScope, Rule.Scope.FIELD, field, now, collector);
            }
          });
        }
      });
    }
    if (fields) {
      previous.extensions.forEach((extendee, byNumber) -> {
        Map<Integer, FieldElement> others = current.extensions.get(extendee);
        if (others != null) {
          byNumber.forEach((number, ext) -> {
            FieldElement now = others.get(number);
            if (now != null && !unchanged.fields(ext, now)) {
              run(byScope, Rule.Scope.FIELD, ext, now, collector);
            }
          });
        }
      });
    }
    boolean enums = byScope.containsKey(Rule.Scope.ENUM);
    boolean numbers = byScope.containsKey(Rule.Scope.ENUM_NUMBER);
    if (enums || numbers) {
      previous.enums.forEach((name, e) -> {
        EnumElement other = current.enums.get(name);
        if (other == null || unchanged.files(e.file, other.file)) {
          return;
        }
        if (enums) {
          run(byScope, Rule.Scope.ENUM, e, other, collector);
        }
        if (numbers) {
          e.valuesByNumber.forEach((number, values) -> {
            List<EnumValueElement> otherValues = other.valuesByNumber.get(number);
            if (otherValues != null) {
              run(byScope, Rule.Scope.ENUM_NUMBER, new Rule.EnumNumber(e, number, values),
                  new Rule.EnumNumber(other, number, otherValues), collector);
            }
          });
        }
      });
    }
    boolean services = byScope.containsKey(Rule.Scope.SERVICE);
    boolean methods = byScope.containsKey(Rule.Scope.METHOD);
    if (services || methods) {
      previous.services.forEach((name, service) -> {
        ServiceElement other = current.services.get(name);
        if (other == null || unchanged.files(service.file, other.file)) {
          return;
        }
        if (services) {
          run(byScope, Rule.Scope.SERVICE, service, other, collector);
        }
        if (methods) {
          service.methods.forEach((methodName, method) ->
              pair(byScope, Rule.Scope.METHOD, method, other.methods.get(methodName), collector));
        }
      });
    }
    return out;
  }

  private static void pair(Map<Rule.Scope, List<Rule>> byScope, Rule.Scope scope, Object previous,
      Object current, Collector collector) {
    if (current != null) {
      run(byScope, scope, previous, current, collector);
    }
  }

  private static void run(Map<Rule.Scope, List<Rule>> byScope, Rule.Scope scope, Object previous,
      Object current, Collector collector) {
    List<Rule> rules = byScope.get(scope);
    if (rules == null) {
      return;
    }
    for (Rule rule : rules) {
      collector.rule = rule;
      rule.check.check(previous, current, collector);
    }
  }

  private static final class Collector implements Reporter {
    private final Schema previous;
    private final Schema current;
    private final List<Raw> out;
    Rule rule;

    Collector(Schema previous, Schema current, List<Raw> out) {
      this.previous = previous;
      this.current = current;
      this.out = out;
    }

    @Override
    public void report(Location currentLocation, Location previousLocation, String message) {
      out.add(new Raw(rule, currentLocation, previousLocation, message));
    }

    @Override
    public Schema previousSchema() {
      return previous;
    }

    @Override
    public Schema currentSchema() {
      return current;
    }
  }
}
