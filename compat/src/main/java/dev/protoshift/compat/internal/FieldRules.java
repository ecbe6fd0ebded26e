package dev.protoshift.compat.internal;

import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_BYTES;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_ENUM;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_GROUP;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_MESSAGE;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_STRING;
import static dev.protoshift.compat.internal.Categories.CFP;
import static dev.protoshift.compat.internal.Categories.CFPJ;
import static dev.protoshift.compat.internal.Categories.CFPJW;
import static dev.protoshift.compat.internal.Categories.CJ;
import static dev.protoshift.compat.internal.Categories.FP;
import static dev.protoshift.compat.internal.Categories.W;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import dev.protoshift.compat.internal.FieldElement.Cardinality;
import java.util.List;
import java.util.Map;

/** Rules over a pair of fields (or extensions) with the same number. */
final class FieldRules {

  private static final String WIRE_NOTE =
      "See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules.";
  private static final String WIRE_JSON_NOTE = "See https://developers.google.com/protocol-buffers/docs/proto3#updating"
      + " for wire compatibility rules and https://developers.google.com/protocol-buffers/docs/proto3#json for JSON"
      + " compatibility rules.";
  private static final String BYTES_TO_STRING_NOTE = "Note that while string and bytes are compatible if the data is"
      + " valid UTF-8, there is no way to enforce that a bytes field is UTF-8, so these fields may be incompatible.";

  /** Types that read each other's binary encoding (proto docs, "Updating A Message Type"). */
  private static final Map<Type, Integer> WIRE_GROUPS = Map.ofEntries(
      Map.entry(Type.TYPE_INT32, 1), Map.entry(Type.TYPE_INT64, 1), Map.entry(Type.TYPE_UINT32, 1),
      Map.entry(Type.TYPE_UINT64, 1), Map.entry(Type.TYPE_BOOL, 1),
      Map.entry(Type.TYPE_SINT32, 2), Map.entry(Type.TYPE_SINT64, 2),
      Map.entry(TYPE_STRING, 3), Map.entry(TYPE_BYTES, 4),
      Map.entry(Type.TYPE_FIXED32, 5), Map.entry(Type.TYPE_SFIXED32, 5),
      Map.entry(Type.TYPE_FIXED64, 6), Map.entry(Type.TYPE_SFIXED64, 6),
      Map.entry(Type.TYPE_DOUBLE, 7), Map.entry(Type.TYPE_FLOAT, 8),
      Map.entry(TYPE_GROUP, 9), Map.entry(TYPE_MESSAGE, 10), Map.entry(TYPE_ENUM, 11));

  /** Types that read each other's binary and JSON encodings. */
  private static final Map<Type, Integer> WIRE_JSON_GROUPS = Map.ofEntries(
      Map.entry(Type.TYPE_INT32, 1), Map.entry(Type.TYPE_UINT32, 1),
      Map.entry(Type.TYPE_INT64, 2), Map.entry(Type.TYPE_UINT64, 2),
      Map.entry(Type.TYPE_FIXED32, 3), Map.entry(Type.TYPE_SFIXED32, 3),
      Map.entry(Type.TYPE_FIXED64, 4), Map.entry(Type.TYPE_SFIXED64, 4),
      Map.entry(Type.TYPE_BOOL, 5), Map.entry(Type.TYPE_SINT32, 6), Map.entry(Type.TYPE_SINT64, 7),
      Map.entry(TYPE_STRING, 8), Map.entry(TYPE_BYTES, 9), Map.entry(Type.TYPE_DOUBLE, 10),
      Map.entry(Type.TYPE_FLOAT, 11), Map.entry(TYPE_GROUP, 12), Map.entry(TYPE_MESSAGE, 13),
      Map.entry(TYPE_ENUM, 14));

  private FieldRules() {}

  static List<Rule> all() {
    return List.of(
        Rule.field("FIELD_SAME_TYPE", "Fields keep their type.", CFP, (p, c, out) -> {
          if (p.kind() != c.kind()) {
            changedType(p, c, out, "");
          } else if (isNamedType(c.proto.getType()) && !p.typeName().equals(c.typeName())) {
            changedTypeName(p, c, out);
          }
        }),
        Rule.field("FIELD_WIRE_COMPATIBLE_TYPE", "Fields keep a type with a compatible binary encoding.", W,
            (p, c, out) -> {
              if (!WIRE_GROUPS.get(p.kind()).equals(WIRE_GROUPS.get(c.kind()))) {
                if (p.kind() == TYPE_STRING && c.kind() == TYPE_BYTES) {
                  return; // string can become bytes
                }
                boolean bytesToString = p.kind() == TYPE_BYTES && c.kind() == TYPE_STRING;
                changedType(p, c, out, " " + WIRE_NOTE + (bytesToString ? " " + BYTES_TO_STRING_NOTE : ""));
              } else {
                sameNamedType(p, c, out, c.proto.getType());
              }
            }),
        Rule.field("FIELD_WIRE_JSON_COMPATIBLE_TYPE", "Fields keep a type with compatible binary and JSON encodings.",
            CJ, (p, c, out) -> {
              if (!WIRE_JSON_GROUPS.get(p.kind()).equals(WIRE_JSON_GROUPS.get(c.kind()))) {
                changedType(p, c, out, " " + WIRE_JSON_NOTE);
              } else {
                sameNamedType(p, c, out, c.kind());
              }
            }),
        Rule.field("FIELD_SAME_NAME", "Fields keep their name.", CFPJ, (p, c, out) -> {
          String before = p.isExtension() ? p.fullName : p.name();
          String after = c.isExtension() ? c.fullName : c.name();
          if (!before.equals(after)) {
            out.report(c.location(Paths.FIELD_NAME), p.location(Paths.FIELD_NAME),
                c.describe("") + " changed name from " + Text.quote(before) + " to " + Text.quote(after) + ".");
          }
        }),
        Rule.field("FIELD_SAME_JSON_NAME", "Fields keep their JSON name.", CFPJ, (p, c, out) -> {
          if (!p.isExtension() && !p.jsonName().equals(c.jsonName())) {
            out.report(c.location(Paths.FIELD_JSON_NAME), p.location(Paths.FIELD_JSON_NAME),
                c.description() + " changed option \"json_name\" from " + Text.quote(p.jsonName()) + " to "
                    + Text.quote(c.jsonName()) + ".");
          }
        }),
        Rule.field("FIELD_SAME_ONEOF", "Fields stay in (or out of) the same oneof.", CFPJW, (p, c, out) -> {
          if (p.isExtension()) {
            return;
          }
          OneofElement before = p.oneof != null && !p.oneof.isSynthetic() ? p.oneof : null;
          OneofElement after = c.oneof != null && !c.oneof.isSynthetic() ? c.oneof : null;
          if (before != null && after != null) {
            if (!before.name().equals(after.name())) {
              out.report(c.location(), p.location(), c.description() + " moved from oneof "
                  + Text.quote(before.name()) + " to oneof " + Text.quote(after.name()) + ".");
            }
          } else if (before != null || after != null) {
            out.report(c.location(), p.location(), c.description() + " moved from "
                + (before != null ? "inside to outside" : "outside to inside") + " a oneof.");
          }
        }),
        Rule.field("FIELD_SAME_DEFAULT", "Fields keep their default value.", CFPJW, (p, c, out) -> {
          if (!canHaveDefault(p) || !canHaveDefault(c)) {
            return;
          }
          if (!p.proto.hasDefaultValue() && !c.proto.hasDefaultValue() && p.proto.getType() != Type.TYPE_ENUM
              && c.proto.getType() != Type.TYPE_ENUM) {
            return; // both are their type's zero value
          }
          Defaults before = Defaults.of(p);
          Defaults after = Defaults.of(c);
          if ((before.isZero() && after.isZero()) || before.sameAs(after)) {
            return;
          }
          out.report(c.location(Paths.FIELD_DEFAULT), p.location(Paths.FIELD_DEFAULT),
              c.description() + " changed default value from " + before.printable() + " to " + after.printable() + ".");
        }),
        cardinality("FIELD_SAME_CARDINALITY", "Fields keep their cardinality.", FP, false, false),
        cardinality("FIELD_WIRE_COMPATIBLE_CARDINALITY", "Fields keep a cardinality with a compatible binary encoding.",
            W, true, false),
        cardinality("FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY",
            "Fields keep a cardinality with compatible binary and JSON encodings.", CJ, true, true),
        Rule.field("FIELD_SAME_CPP_STRING_TYPE", "String and bytes fields keep their C++ string type.", FP,
            FieldOptionRules::sameCppStringType),
        Rule.field("FIELD_SAME_JAVA_UTF8_VALIDATION", "String fields keep their Java UTF-8 validation.", FP,
            FieldOptionRules::sameJavaUtf8Validation),
        Rule.field("FIELD_SAME_JSTYPE", "64-bit integer fields keep their jstype option.", FP,
            FieldOptionRules::sameJsType),
        Rule.field("FIELD_SAME_UTF8_VALIDATION", "String fields keep their UTF-8 validation.", FP,
            FieldOptionRules::sameUtf8Validation));
  }

  private static Rule cardinality(String id, String purpose, java.util.EnumSet<dev.protoshift.compat.Category> c,
      boolean compatible, boolean json) {
    return Rule.field(id, purpose, c, (p, cur, out) -> {
      if (inMapEntry(p) && inMapEntry(cur)) {
        return; // generated map entries behave alike whatever presence they appear to have
      }
      Cardinality before = p.cardinality();
      Cardinality after = cur.cardinality();
      if (compatible ? group(before, json) != group(after, json) : before != after) {
        out.report(cur.location(), p.location(), cur.description() + " changed cardinality from "
            + Text.quote(before.text) + " to " + Text.quote(after.text) + ".");
      }
    });
  }

  private static int group(Cardinality c, boolean json) {
    return switch (c) {
      case OPTIONAL_EXPLICIT, OPTIONAL_IMPLICIT -> 1;
      case REQUIRED -> 2;
      case REPEATED -> 3;
      case MAP -> json ? 4 : 3; // maps and repeated fields differ only in JSON
    };
  }

  static boolean inMapEntry(FieldElement field) {
    return field.parent != null && !field.isExtension() && field.parent.isMapEntry();
  }

  private static boolean canHaveDefault(FieldElement field) {
    return !field.isRepeated() && !field.isMessageLike();
  }

  private static boolean isNamedType(Type type) {
    return type == TYPE_ENUM || type == TYPE_GROUP || type == TYPE_MESSAGE;
  }

  private static void sameNamedType(FieldElement p, FieldElement c, Reporter out, Type type) {
    if (p.typeName().equals(c.typeName())) {
      return;
    }
    if (type == TYPE_ENUM) {
      EnumElement before = out.previousSchema().anyEnum(p.typeName());
      EnumElement after = out.currentSchema().anyEnum(c.typeName());
      // Another enum with the same short name that keeps every previous value is the same enum moved.
      if (before != null && after != null && before.name().equals(after.name()) && after.containsAllOf(before)) {
        return;
      }
      changedTypeName(p, c, out);
    } else if (type == TYPE_GROUP || type == TYPE_MESSAGE) {
      changedTypeName(p, c, out);
    }
  }

  private static void changedType(FieldElement p, FieldElement c, Reporter out, String note) {
    out.report(c.location(typeLocation(c)), p.location(typeLocation(p)), c.description() + " changed type from "
        + Text.quote(p.kindName()) + " to " + Text.quote(c.kindName()) + "." + note);
  }

  private static int typeLocation(FieldElement field) {
    return isNamedType(field.kind()) ? Paths.FIELD_TYPE_NAME : Paths.FIELD_TYPE;
  }

  private static void changedTypeName(FieldElement p, FieldElement c, Reporter out) {
    out.report(c.location(Paths.FIELD_TYPE_NAME), p.location(Paths.FIELD_TYPE_NAME), c.description()
        + " changed type from " + Text.quote(p.typeName()) + " to " + Text.quote(c.typeName()) + ".");
  }
}
