package dev.protoshift.convert.internal;

import com.google.protobuf.Descriptors.Descriptor;

/** The well-known types whose JSON form is not an object of their fields (protobuf's JSON mapping). */
enum WellKnown {
  NONE,
  ANY,
  TIMESTAMP,
  DURATION,
  FIELD_MASK,
  STRUCT,
  VALUE,
  LIST_VALUE,
  /** DoubleValue, FloatValue, Int64Value, UInt64Value, Int32Value, UInt32Value, BoolValue, StringValue, BytesValue. */
  WRAPPER;

  static WellKnown of(Descriptor type) {
    if (!type.getFile().getPackage().equals("google.protobuf")) {
      return NONE;
    }
    return switch (type.getFullName()) {
      case "google.protobuf.Any" -> ANY;
      case "google.protobuf.Timestamp" -> TIMESTAMP;
      case "google.protobuf.Duration" -> DURATION;
      case "google.protobuf.FieldMask" -> FIELD_MASK;
      case "google.protobuf.Struct" -> STRUCT;
      case "google.protobuf.Value" -> VALUE;
      case "google.protobuf.ListValue" -> LIST_VALUE;
      case "google.protobuf.DoubleValue", "google.protobuf.FloatValue", "google.protobuf.Int64Value",
          "google.protobuf.UInt64Value", "google.protobuf.Int32Value", "google.protobuf.UInt32Value",
          "google.protobuf.BoolValue", "google.protobuf.StringValue", "google.protobuf.BytesValue" -> WRAPPER;
      default -> NONE;
    };
  }
}
