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
  /** Whether a JSON null is a value (google.protobuf.Value, google.protobuf.NullValue) rather than "absent". */
  final boolean nullIsValue;
  /** Map fields: the entry's key and value fields; otherwise null. */
  final FieldDescriptor mapKey;
  final FieldDescriptor mapValue;

  FieldPlan(FieldDescriptor field, int index, boolean protoNames) {
    this.descriptor = field;
    this.index = index;
    this.shape = field.isMapField() ? Shape.MAP : field.isRepeated() ? Shape.REPEATED : Shape.SINGULAR;
    this.key = new SerializedString(protoNames ? field.getName() : field.getJsonName());
    this.presence = !field.isRepeated() && field.hasPresence();
    OneofDescriptor oneof = field.getRealContainingOneof();
    this.oneofIndex = oneof == null ? -1 : oneof.getIndex();
    if (shape == Shape.MAP) {
      this.mapKey = field.getMessageType().findFieldByNumber(1);
      this.mapValue = field.getMessageType().findFieldByNumber(2);
      this.nullIsValue = false;
    } else {
      this.mapKey = null;
      this.mapValue = null;
      this.nullIsValue = shape == Shape.SINGULAR && acceptsNull(field);
    }
  }

  static boolean acceptsNull(FieldDescriptor field) {
    return switch (field.getJavaType()) {
      case MESSAGE -> field.getMessageType().getFullName().equals("google.protobuf.Value");
      case ENUM -> field.getEnumType().getFullName().equals("google.protobuf.NullValue");
      default -> false;
    };
  }
}
