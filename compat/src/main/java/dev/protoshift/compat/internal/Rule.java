package dev.protoshift.compat.internal;

import dev.protoshift.compat.Category;
import dev.protoshift.compat.RuleInfo;
import java.util.EnumSet;

/**
 * One breaking-change rule: its id, purpose and categories, the kind of element pair it looks at,
 * and its check. The engine pairs elements; a check sees one (previous, current) pair at a time.
 */
final class Rule {

  /** The kind of pair a rule checks. */
  enum Scope { SCHEMA, FILE, MESSAGE, FIELD, ENUM, ENUM_NUMBER, SERVICE, METHOD }

  /** A check of one pair, reporting what broke. */
  @FunctionalInterface
  interface Check<T> {
    void check(T previous, T current, Reporter out);
  }

  final RuleInfo info;
  final Scope scope;
  final Check<Object> check;

  @SuppressWarnings("unchecked")
  private Rule(String id, String purpose, EnumSet<Category> categories, Scope scope, Check<?> check) {
    this.info = new RuleInfo(id, purpose, categories);
    this.scope = scope;
    this.check = (Check<Object>) check;
  }

  static Rule schema(String id, String purpose, EnumSet<Category> c, Check<Schema> check) {
    return new Rule(id, purpose, c, Scope.SCHEMA, check);
  }

  static Rule file(String id, String purpose, EnumSet<Category> c, Check<FileElement> check) {
    return new Rule(id, purpose, c, Scope.FILE, check);
  }

  static Rule message(String id, String purpose, EnumSet<Category> c, Check<MessageElement> check) {
    return new Rule(id, purpose, c, Scope.MESSAGE, check);
  }

  static Rule field(String id, String purpose, EnumSet<Category> c, Check<FieldElement> check) {
    return new Rule(id, purpose, c, Scope.FIELD, check);
  }

  static Rule enumType(String id, String purpose, EnumSet<Category> c, Check<EnumElement> check) {
    return new Rule(id, purpose, c, Scope.ENUM, check);
  }

  static Rule enumNumber(String id, String purpose, EnumSet<Category> c, Check<EnumNumber> check) {
    return new Rule(id, purpose, c, Scope.ENUM_NUMBER, check);
  }

  static Rule service(String id, String purpose, EnumSet<Category> c, Check<ServiceElement> check) {
    return new Rule(id, purpose, c, Scope.SERVICE, check);
  }

  static Rule method(String id, String purpose, EnumSet<Category> c, Check<MethodElement> check) {
    return new Rule(id, purpose, c, Scope.METHOD, check);
  }

  String id() {
    return info.id();
  }

  /** The values sharing one number in an enum (more than one only with aliases). */
  record EnumNumber(EnumElement parent, int number, java.util.List<EnumValueElement> values) {}
}
