package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.Edition;
import com.google.protobuf.DescriptorProtos.FeatureSet;
import com.google.protobuf.DescriptorProtos.FeatureSet.EnumType;
import com.google.protobuf.DescriptorProtos.FeatureSet.FieldPresence;
import com.google.protobuf.DescriptorProtos.FeatureSet.JsonFormat;
import com.google.protobuf.DescriptorProtos.FeatureSet.MessageEncoding;
import com.google.protobuf.DescriptorProtos.FeatureSet.Utf8Validation;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;

/**
 * The resolved protobuf features of an element: the edition's defaults, overridden by each
 * enclosing scope's {@code features} option (file, message, oneof, field; enum, enum value).
 * proto2 and proto3 files resolve to their syntax's fixed behaviour.
 *
 * <p>Descriptor sets are read without an extension registry, so language features stay unknown
 * fields of {@code FeatureSet}: {@code (pb.cpp)} is extension 1000 and {@code (pb.java)} 1001.
 */
public record Features(
    FieldPresence fieldPresence,
    EnumType enumType,
    Utf8Validation utf8Validation,
    MessageEncoding messageEncoding,
    JsonFormat jsonFormat,
    /* (pb.java).utf8_validation: 1 DEFAULT, 2 VERIFY. */
    int javaUtf8Validation,
    /* (pb.cpp).string_type: 1 VIEW, 2 CORD, 3 STRING. */
    int cppStringType) {

  static final int JAVA_DEFAULT = 1;
  static final int JAVA_VERIFY = 2;
  static final int CPP_VIEW = 1;
  static final int CPP_CORD = 2;
  static final int CPP_STRING = 3;

  private static final int CPP_EXTENSION = 1000;
  private static final int JAVA_EXTENSION = 1001;

  /** The defaults of a file's syntax or edition. */
  static Features defaults(Edition edition) {
    return switch (edition) {
      case EDITION_PROTO2, EDITION_LEGACY, EDITION_UNKNOWN -> new Features(FieldPresence.EXPLICIT,
          EnumType.CLOSED, Utf8Validation.NONE, MessageEncoding.LENGTH_PREFIXED,
          JsonFormat.LEGACY_BEST_EFFORT, JAVA_DEFAULT, CPP_STRING);
      case EDITION_PROTO3 -> new Features(FieldPresence.IMPLICIT, EnumType.OPEN,
          Utf8Validation.VERIFY, MessageEncoding.LENGTH_PREFIXED, JsonFormat.ALLOW, JAVA_DEFAULT,
          CPP_STRING);
      case EDITION_2023 -> new Features(FieldPresence.EXPLICIT, EnumType.OPEN,
          Utf8Validation.VERIFY, MessageEncoding.LENGTH_PREFIXED, JsonFormat.ALLOW, JAVA_DEFAULT,
          CPP_STRING);
      // 2024 and later: string_view is the C++ default.
      default -> new Features(FieldPresence.EXPLICIT, EnumType.OPEN, Utf8Validation.VERIFY,
          MessageEncoding.LENGTH_PREFIXED, JsonFormat.ALLOW, JAVA_DEFAULT, CPP_VIEW);
    };
  }

  /** These features with the ones {@code set} sets explicitly. */
  Features with(FeatureSet set) {
    if (set == null || set.equals(FeatureSet.getDefaultInstance())) {
      return this;
    }
    int java = javaUtf8Validation;
    int cpp = cppStringType;
    UnknownFieldSet unknown = set.getUnknownFields();
    Integer javaValue = languageFeature(unknown, JAVA_EXTENSION, 2);
    if (javaValue != null) {
      java = javaValue;
    }
    Integer cppValue = languageFeature(unknown, CPP_EXTENSION, 2);
    if (cppValue != null) {
      cpp = cppValue;
    }
    return new Features(
        set.hasFieldPresence() ? set.getFieldPresence() : fieldPresence,
        set.hasEnumType() ? set.getEnumType() : enumType,
        set.hasUtf8Validation() ? set.getUtf8Validation() : utf8Validation,
        set.hasMessageEncoding() ? set.getMessageEncoding() : messageEncoding,
        set.hasJsonFormat() ? set.getJsonFormat() : jsonFormat,
        java,
        cpp);
  }

  /** A varint field of a language-feature message stored as an unknown extension field. */
  private static Integer languageFeature(UnknownFieldSet unknown, int extension, int field) {
    UnknownFieldSet.Field ext = unknown.getField(extension);
    if (ext == null || ext.getLengthDelimitedList().isEmpty()) {
      return null;
    }
    Integer value = null;
    for (var bytes : ext.getLengthDelimitedList()) {
      try {
        UnknownFieldSet inner = UnknownFieldSet.parseFrom(bytes);
        UnknownFieldSet.Field f = inner.getField(field);
        if (f != null && !f.getVarintList().isEmpty()) {
          value = f.getVarintList().get(f.getVarintList().size() - 1).intValue();
        }
      } catch (InvalidProtocolBufferException e) {
        // A malformed language feature is not ours to judge: keep the inherited value.
      }
    }
    return value;
  }
}
