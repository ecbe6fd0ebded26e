package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.Edition;
import com.google.protobuf.DescriptorProtos.FeatureSet.Utf8Validation;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FieldOptions;

/** The checks of the field rules about language options and features (C++, Java, JS, UTF-8). */
final class FieldOptionRules {

  private static final int CTYPE = 1;
  private static final int JSTYPE = 6;
  private static final int JAVA_STRING_CHECK_UTF8 = 27;
  private static final int FEATURE_UTF8 = 4;

  private FieldOptionRules() {}

  static void sameCppStringType(FieldElement p, FieldElement c, Reporter out) {
    if (FieldRules.inMapEntry(p) && FieldRules.inMapEntry(c)) {
      return;
    }
    if (!isStringOrBytes(p) || !isStringOrBytes(c)) {
      return;
    }
    String before = cppStringType(p);
    String after = cppStringType(c);
    // STRING_PIECE to STRING is allowed.
    if (before.equals(after) || ("STRING_PIECE".equals(before) && "STRING".equals(after))) {
      return;
    }
    int[] ctype = {Paths.FIELD_OPTIONS, CTYPE};
    int[] feature = {Paths.FIELD_OPTIONS, Paths.FEATURES_IN_FIELD_OPTIONS, 1000, 2};
    out.report(c.file.at(Paths.append(c.path, ctype), Paths.append(c.path, feature), c.path),
        p.file.at(Paths.append(p.path, ctype), Paths.append(p.path, feature), p.path),
        c.description() + " changed C++ string type from " + Text.quote(before) + " to " + Text.quote(after) + ".");
  }

  /** STRING, CORD, VIEW, or STRING_PIECE (the legacy ctype only). */
  private static String cppStringType(FieldElement field) {
    FieldOptions options = field.proto.getOptions();
    if (field.file.edition.getNumber() < Edition.EDITION_2024.getNumber() && options.hasCtype()) {
      switch (options.getCtype()) {
        case CORD:
          return "CORD";
        case STRING_PIECE:
          return "STRING_PIECE";
        case STRING:
          if (!field.file.isEditions()) {
            return "STRING";
          }
          break;
        default:
          break;
      }
    }
    return switch (field.features.cppStringType()) {
      case Features.CPP_VIEW -> "VIEW";
      case Features.CPP_CORD -> "CORD";
      default -> "STRING";
    };
  }

  static void sameJavaUtf8Validation(FieldElement p, FieldElement c, Reporter out) {
    if (p.proto.getType() != Type.TYPE_STRING || c.proto.getType() != Type.TYPE_STRING) {
      return;
    }
    Utf8Validation before = javaUtf8(p);
    Utf8Validation after = javaUtf8(c);
    if (before != after) {
      int[] fileOption = {Paths.FILE_OPTIONS, JAVA_STRING_CHECK_UTF8};
      int[] feature = {Paths.FIELD_OPTIONS, Paths.FEATURES_IN_FIELD_OPTIONS, 1001, 2};
      out.report(c.file.at(fileOption, Paths.append(c.path, feature), c.path),
          p.file.at(fileOption, Paths.append(p.path, feature), p.path),
          c.description() + " changed Java string UTF8 validation from " + Text.quote(before.name()) + " to "
              + Text.quote(after.name()) + ".");
    }
  }

  private static Utf8Validation javaUtf8(FieldElement field) {
    Utf8Validation resolved = field.features.utf8Validation();
    var fileOptions = field.file.proto.getOptions();
    if (!field.file.isEditions() || fileOptions.hasJavaStringCheckUtf8()) {
      return fileOptions.getJavaStringCheckUtf8() ? Utf8Validation.VERIFY : resolved;
    }
    return field.features.javaUtf8Validation() == Features.JAVA_VERIFY ? Utf8Validation.VERIFY : resolved;
  }

  static void sameJsType(FieldElement p, FieldElement c, Reporter out) {
    if (!is64BitInteger(p.proto.getType()) || !is64BitInteger(c.proto.getType())) {
      return;
    }
    FieldOptions.JSType before = p.proto.getOptions().getJstype();
    FieldOptions.JSType after = c.proto.getOptions().getJstype();
    if (before != after) {
      out.report(c.location(Paths.FIELD_OPTIONS, JSTYPE), p.location(Paths.FIELD_OPTIONS, JSTYPE),
          c.description() + " changed option \"jstype\" from " + Text.quote(before.name()) + " to "
              + Text.quote(after.name()) + ".");
    }
  }

  static void sameUtf8Validation(FieldElement p, FieldElement c, Reporter out) {
    if (p.proto.getType() != Type.TYPE_STRING || c.proto.getType() != Type.TYPE_STRING) {
      return;
    }
    Utf8Validation before = p.features.utf8Validation();
    Utf8Validation after = c.features.utf8Validation();
    if (before != after) {
      out.report(c.location(Paths.FIELD_OPTIONS, Paths.FEATURES_IN_FIELD_OPTIONS, FEATURE_UTF8),
          p.location(Paths.FIELD_OPTIONS, Paths.FEATURES_IN_FIELD_OPTIONS, FEATURE_UTF8),
          c.description() + " changed UTF8 validation from " + before + " to " + after + ".");
    }
  }

  private static boolean isStringOrBytes(FieldElement field) {
    return field.proto.getType() == Type.TYPE_STRING || field.proto.getType() == Type.TYPE_BYTES;
  }

  private static boolean is64BitInteger(Type type) {
    return switch (type) {
      case TYPE_INT64, TYPE_SINT64, TYPE_UINT64, TYPE_FIXED64, TYPE_SFIXED64 -> true;
      default -> false;
    };
  }
}
