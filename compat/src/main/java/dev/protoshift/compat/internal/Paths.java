package dev.protoshift.compat.internal;

import java.util.Arrays;

/** Source paths: field numbers of descriptor.proto that lead to an element (see SourceCodeInfo). */
final class Paths {

  // FileDescriptorProto
  static final int FILE_PACKAGE = 2;
  static final int FILE_MESSAGE = 4;
  static final int FILE_ENUM = 5;
  static final int FILE_SERVICE = 6;
  static final int FILE_EXTENSION = 7;
  static final int FILE_OPTIONS = 8;
  static final int FILE_SYNTAX = 12;
  static final int FILE_EDITION = 14;
  // DescriptorProto
  static final int MESSAGE_FIELD = 2;
  static final int MESSAGE_NESTED = 3;
  static final int MESSAGE_ENUM = 4;
  static final int MESSAGE_EXTENSION_RANGE = 5;
  static final int MESSAGE_EXTENSION = 6;
  static final int MESSAGE_OPTIONS = 7;
  static final int MESSAGE_ONEOF = 8;
  static final int MESSAGE_RESERVED_RANGE = 9;
  static final int MESSAGE_RESERVED_NAME = 10;
  // FieldDescriptorProto
  static final int FIELD_NAME = 1;
  static final int FIELD_NUMBER = 3;
  static final int FIELD_LABEL = 4;
  static final int FIELD_TYPE = 5;
  static final int FIELD_TYPE_NAME = 6;
  static final int FIELD_DEFAULT = 7;
  static final int FIELD_OPTIONS = 8;
  static final int FIELD_JSON_NAME = 10;
  // EnumDescriptorProto
  static final int ENUM_VALUE = 2;
  static final int ENUM_OPTIONS = 3;
  static final int ENUM_VALUE_NUMBER = 2;
  // ServiceDescriptorProto / MethodDescriptorProto
  static final int SERVICE_METHOD = 2;
  static final int METHOD_INPUT = 2;
  static final int METHOD_OUTPUT = 3;
  static final int METHOD_OPTIONS = 4;
  static final int METHOD_IDEMPOTENCY = 34;
  // Options
  static final int FEATURES_IN_FILE_OPTIONS = 50;
  static final int FEATURES_IN_MESSAGE_OPTIONS = 12;
  static final int FEATURES_IN_FIELD_OPTIONS = 21;
  static final int FEATURES_IN_ENUM_OPTIONS = 7;

  private Paths() {}

  /** {@code path} followed by {@code more}. */
  static int[] append(int[] path, int... more) {
    int[] result = Arrays.copyOf(path, path.length + more.length);
    System.arraycopy(more, 0, result, path.length, more.length);
    return result;
  }
}
