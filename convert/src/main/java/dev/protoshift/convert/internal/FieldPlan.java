package dev.protoshift.convert.internal;

import com.fasterxml.jackson.core.io.SerializedString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;

/** One field of a {@link MessagePlan}: what writing and reading it needs, derived once. */
final class FieldPlan {

  enum Shape { SINGULAR, REPEATED, MAP }

  final FieldDescriptor descriptor;
  /** Position in {@link MessagePlan#fields} (field-number order), for duplicate detection. */
  final int index;
  final Shape shape;
  /** The key written, pre-encoded. */
  final SerializedString key;
  /** Singular fields: whether the field tracks presence (written when set, whatever the value). */
  final boolean presence;
  /** Position of the field's real oneof in the message, or -1. */
  final int oneofIndex;
  /** Whether a JSON null for this key is a value (a singular Value or NullValue) rather than "absent". */
  final boolean nullIsValue;
  /** The field's values: the field itself, or a map's value field. */
  final ValuePlan element;
  /** Map fields: the entry's key field; otherwise null. */
  final ValuePlan mapKey;

  FieldPlan(FieldDescriptor field, int index, boolean protoNames, MessagePlans plans) {
    this.descriptor = field;
    this.index = index;
    this.shape = field.isMapField() ? Shape.MAP : field.isRepeated() ? Shape.REPEATED : Shape.SINGULAR;
    this.key = new SerializedString(protoNames ? field.getName() : field.getJsonName());
    this.presence = !field.isRepeated() && field.hasPresence();
    OneofDescriptor oneof = field.getRealContainingOneof();
    this.oneofIndex = oneof == null ? -1 : oneof.getIndex();
    if (shape == Shape.MAP) {
      this.mapKey = new ValuePlan(field.getMessageType().findFieldByNumber(1), plans);
      this.element = new ValuePlan(field.getMessageType().findFieldByNumber(2), plans);
    } else {
      this.mapKey = null;
      this.element = new ValuePlan(field, plans);
    }
    this.nullIsValue = shape == Shape.SINGULAR && element.nullIsValue;
  }

  /** The field's number in the binary form. */
  int number() {
    return descriptor.getNumber();
  }
}
