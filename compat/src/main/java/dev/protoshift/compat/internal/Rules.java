package dev.protoshift.compat.internal;

import dev.protoshift.compat.RuleInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The registry: every rule protoshift knows, buf's 64 active v2 breaking rules. */
final class Rules {

  static final List<Rule> ALL = all();

  private Rules() {}

  private static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    rules.addAll(SchemaRules.all());
    rules.addAll(FileRules.all());
    rules.addAll(MessageRules.all());
    rules.addAll(FieldRules.all());
    rules.addAll(EnumRules.all());
    rules.addAll(ServiceRules.all());
    rules.sort(Comparator.comparing(Rule::id));
    return List.copyOf(rules);
  }

  static List<RuleInfo> infos() {
    return ALL.stream().map(r -> r.info).toList();
  }
}
