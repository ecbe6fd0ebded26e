package dev.protoshift.convert.internal;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What writing and reading one message type needs, derived once from its descriptor. */
final class MessagePlan {

  final Descriptor descriptor;
  final WellKnown wellKnown;
  /** The fields in field-number order (extensions are not part of the JSON form). */
  final FieldPlan[] fields;
  /** The keys reading accepts: both the proto name and the JSON name, or only the written one when strict. */
  private final Map<String, FieldPlan> byKey;
  /** When strict: the other form of each key, to say which key was meant. */
  private final Map<String, FieldPlan> otherForm;
  /** How many oneofs the message has (synthetic proto3-optional ones included), for indexing. */
  final int oneofCount;

  MessagePlan(Descriptor descriptor, JsonSettings settings, MessagePlans plans) {
    this.descriptor = descriptor;
    this.wellKnown = WellKnown.of(descriptor);
    List<FieldDescriptor> sorted = descriptor.getFields().stream()
        .sorted(Comparator.comparingInt(FieldDescriptor::getNumber)).toList();
    this.fields = new FieldPlan[sorted.size()];
    Map<String, FieldPlan> keys = new HashMap<>();
    Map<String, FieldPlan> others = new HashMap<>();
    for (int i = 0; i < fields.length; i++) {
      FieldPlan field = new FieldPlan(sorted.get(i), i, settings.protoNames(), plans);
      fields[i] = field;
      String written = field.key.getValue();
      String other = settings.protoNames() ? field.descriptor.getJsonName() : field.descriptor.getName();
      keys.putIfAbsent(written, field);
      (settings.strictNames() ? others : keys).putIfAbsent(other, field);
    }
    others.keySet().removeAll(keys.keySet());
    this.byKey = keys;
    this.otherForm = others;
    this.oneofCount = descriptor.getOneofs().size();
  }

  /** The field a key names, or null. */
  FieldPlan field(String key) {
    return byKey.get(key);
  }

  /** With strict field names: the field whose other key form this is, or null. */
  FieldPlan fieldByOtherForm(String key) {
    return otherForm.get(key);
  }

  /** The field numbered so (well-known types use their fields by number), or null. */
  FieldPlan byNumber(int number) {
    for (FieldPlan field : fields) {
      if (field.number() == number) {
        return field;
      }
    }
    return null;
  }

  String typeName() {
    return descriptor.getFullName();
  }
}
