package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.FeatureSet.FieldPresence;
import com.google.protobuf.DescriptorProtos.FeatureSet.MessageEncoding;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;

/** A field of a message, or an extension (then {@link #extendee} is set). */
final class FieldElement {

  enum Cardinality {
    OPTIONAL_EXPLICIT("optional with explicit presence"),
    OPTIONAL_IMPLICIT("optional with implicit presence"),
    REQUIRED("required"),
    REPEATED("repeated"),
    MAP("map");

    final String text;

    Cardinality(String text) {
      this.text = text;
    }
  }

  final FileElement file;
  final FieldDescriptorProto proto;
  /** The message declaring this field; for an extension, the message it is nested in, or null. */
  final MessageElement parent;
  final String fullName;
  /** For extensions: the extended message's full name; empty for fields. */
  final String extendee;
  final int[] path;
  final Features features;
  OneofElement oneof;
  /** Set once the schema is indexed: the field's type is a map entry message. */
  boolean mapEntryType;
  /** Set once the schema is indexed: the enum type, if any and if found. */
  EnumElement enumType;

  FieldElement(FileElement file, FieldDescriptorProto proto, MessageElement parent, String scope,
      int[] path, Features scopeFeatures) {
    this.file = file;
    this.proto = proto;
    this.parent = parent;
    this.fullName = scope.isEmpty() ? proto.getName() : scope + "." + proto.getName();
    this.extendee = proto.hasExtendee() ? stripDot(proto.getExtendee()) : "";
    this.path = path;
    this.features = scopeFeatures.with(proto.getOptions().getFeatures());
  }

  static String stripDot(String typeName) {
    return typeName.startsWith(".") ? typeName.substring(1) : typeName;
  }

  boolean isExtension() {
    return !extendee.isEmpty();
  }

  int number() {
    return proto.getNumber();
  }

  String name() {
    return proto.getName();
  }

  String typeName() {
    return stripDot(proto.getTypeName());
  }

  /** The type as it goes on the wire: a delimited-encoded message counts as a group. */
  Type kind() {
    Type type = proto.getType();
    if (type == Type.TYPE_MESSAGE && !mapEntryType
        && features.messageEncoding() == MessageEncoding.DELIMITED) {
      return Type.TYPE_GROUP;
    }
    return type;
  }

  /** buf's name for {@link #kind()}: {@code int32}, {@code message}, ... */
  String kindName() {
    Type kind = kind();
    if (kind == Type.TYPE_GROUP && file.isEditions()) {
      return "message (delimited encoding)";
    }
    return kind.name().substring("TYPE_".length()).toLowerCase(java.util.Locale.ROOT);
  }

  boolean isRepeated() {
    return proto.getLabel() == Label.LABEL_REPEATED;
  }

  boolean isMessageLike() {
    Type type = proto.getType();
    return type == Type.TYPE_MESSAGE || type == Type.TYPE_GROUP;
  }

  boolean isRequired() {
    return proto.getLabel() == Label.LABEL_REQUIRED
        || (file.isEditions() && !isRepeated() && features.fieldPresence() == FieldPresence.LEGACY_REQUIRED);
  }

  boolean hasPresence() {
    if (isRepeated()) {
      return false;
    }
    if (isMessageLike() || isExtension() || oneof != null || proto.getProto3Optional()) {
      return true;
    }
    if (file.isEditions()) {
      return features.fieldPresence() != FieldPresence.IMPLICIT;
    }
    return !"proto3".equals(file.syntax());
  }

  Cardinality cardinality() {
    if (isRepeated()) {
      return mapEntryType ? Cardinality.MAP : Cardinality.REPEATED;
    }
    if (isRequired()) {
      return Cardinality.REQUIRED;
    }
    return hasPresence() ? Cardinality.OPTIONAL_EXPLICIT : Cardinality.OPTIONAL_IMPLICIT;
  }

  /** The JSON name: {@code json_name} as written to the descriptor, else protoc's default. */
  String jsonName() {
    return proto.hasJsonName() ? proto.getJsonName() : defaultJsonName(proto.getName());
  }

  static String defaultJsonName(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else if (upper) {
        out.append(Character.toUpperCase(c));
        upper = false;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** buf's description: {@code Field "1" with name "foo" on message "Bar"}. */
  String description() {
    return describe(isExtension() ? fullName : name());
  }

  /** buf's description with {@code name} (none if empty). */
  String describe(String name) {
    String withName = name.isEmpty() ? "" : " with name " + Text.quote(name);
    if (isExtension()) {
      return "Extension " + Text.quote(Integer.toString(number())) + withName + " on message "
          + Text.quote(extendee);
    }
    return "Field " + Text.quote(Integer.toString(number())) + withName + " on message "
        + Text.quote(parent.name());
  }

  /** The field's location, optionally preferring a more precise part of it. */
  Location location(int... part) {
    int[] mapField = parent != null && !isExtension() ? parent.mapFieldPath : null;
    if (mapField != null) {
      // A map entry's key or value: protoc gives it no source, so point at the map field.
      return part.length == 0 ? file.at(path, mapField) : file.at(Paths.append(path, part), path, mapField);
    }
    if (part.length == 0) {
      return file.at(path);
    }
    return file.at(Paths.append(path, part), path);
  }
}
