package dev.protoshift.convert.internal;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;

/**
 * The type of one value: a singular field, a repeated field's elements or a map's values. Holds
 * what descriptors compute on every call (protobuf 4 resolves features in {@code getType()}).
 */
final class ValuePlan {

  final FieldDescriptor descriptor;
  final FieldDescriptor.Type type;
  /** The field number values are written under in the binary form. */
  final int number;
  final int wireType;
  /** For integer types: the range and name to check against; otherwise null. */
  final JsonIntegers.Kind integer;
  /** Whether this is the google.protobuf.NullValue enum, written and read as JSON null. */
  final boolean nullValueEnum;
  /** Whether a JSON null is a value of this type (google.protobuf.Value, google.protobuf.NullValue). */
  final boolean nullIsValue;
  private final MessagePlans plans;
  /** Message types: their plan, looked up on first use (types may be recursive). */
  private MessagePlan message;

  ValuePlan(FieldDescriptor field, MessagePlans plans) {
    this.descriptor = field;
    this.type = field.getType();
    this.number = field.getNumber();
    this.plans = plans;
    this.integer = switch (type) {
      case INT32, SINT32, SFIXED32, UINT32, FIXED32, INT64, SINT64, SFIXED64, UINT64, FIXED64 ->
          JsonIntegers.Kind.valueOf(type.name());
      default -> null;
    };
    this.wireType = switch (type) {
      case FIXED32, SFIXED32, FLOAT -> WireFormat.WIRETYPE_FIXED32;
      case FIXED64, SFIXED64, DOUBLE -> WireFormat.WIRETYPE_FIXED64;
      case STRING, BYTES, MESSAGE -> WireFormat.WIRETYPE_LENGTH_DELIMITED;
      case GROUP -> WireFormat.WIRETYPE_START_GROUP;
      default -> WireFormat.WIRETYPE_VARINT;
    };
    this.nullValueEnum = type == FieldDescriptor.Type.ENUM
        && field.getEnumType().getFullName().equals("google.protobuf.NullValue");
    this.nullIsValue = nullValueEnum || (isMessage()
        && field.getMessageType().getFullName().equals("google.protobuf.Value"));
  }

  boolean isMessage() {
    return type == FieldDescriptor.Type.MESSAGE || type == FieldDescriptor.Type.GROUP;
  }

  MessagePlan message() {
    MessagePlan plan = message;
    if (plan == null) {
      // A benign race: every thread computes the same immutable plan (final fields).
      plan = plans.of(descriptor.getMessageType());
      message = plan;
    }
    return plan;
  }
}
