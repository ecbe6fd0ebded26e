package dev.protoshift.convert;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Derives an older release's descriptor set from the current schema (one file, no imports) by
 * removing what the release did not have: the tests' frozen releases, without a second .proto.
 */
public final class SchemaEdit {

  private final FileDescriptorProto.Builder file;
  private final String prefix;

  private SchemaEdit(FileDescriptor current) {
    this.file = current.toProto().toBuilder();
    this.prefix = current.getPackage().isEmpty() ? "" : current.getPackage() + ".";
  }

  static SchemaEdit of(FileDescriptor current) {
    return new SchemaEdit(current);
  }

  /** Removes a field (a map field with its entry type); a oneof left without fields goes too. */
  SchemaEdit removeField(String message, String field) {
    DescriptorProto.Builder type = message(message);
    for (int i = 0; i < type.getFieldCount(); i++) {
      FieldDescriptorProto f = type.getField(i);
      if (f.getName().equals(field)) {
        type.removeField(i);
        removeMapEntry(type, f);
        dropEmptyOneofs(type);
        return this;
      }
    }
    throw new IllegalArgumentException("no field " + field + " in " + message);
  }

  /** Removes a message type and every field that refers to it or to a type nested in it. */
  SchemaEdit removeMessage(String fullName) {
    String relative = relative(fullName);
    int dot = relative.lastIndexOf('.');
    List<DescriptorProto.Builder> siblings = dot < 0 ? file.getMessageTypeBuilderList()
        : message(prefix + relative.substring(0, dot)).getNestedTypeBuilderList();
    String simple = relative.substring(dot + 1);
    int index = -1;
    for (int i = 0; i < siblings.size(); i++) {
      if (siblings.get(i).getName().equals(simple)) {
        index = i;
      }
    }
    if (index < 0) {
      throw new IllegalArgumentException("no message " + fullName);
    }
    if (dot < 0) {
      file.removeMessageType(index);
    } else {
      message(prefix + relative.substring(0, dot)).removeNestedType(index);
    }
    file.getMessageTypeBuilderList().forEach(m -> removeReferences(m, "." + fullName));
    return this;
  }

  /** Removes an enum value (never the first: proto3 needs its zero value). */
  SchemaEdit removeEnumValue(String enumFullName, String value) {
    EnumDescriptorProto.Builder type = enumType(enumFullName);
    for (int i = 0; i < type.getValueCount(); i++) {
      if (type.getValue(i).getName().equals(value)) {
        type.removeValue(i);
        return this;
      }
    }
    throw new IllegalArgumentException("no value " + value + " in " + enumFullName);
  }

  /** Clears {@code [deprecated = true]} of a field: the release had not deprecated it yet. */
  SchemaEdit undeprecate(String message, String field) {
    fieldBuilder(message, field).getOptionsBuilder().clearDeprecated();
    return this;
  }

  /** Gives a field another scalar type, as a release with an incompatible change would have it. */
  SchemaEdit retype(String message, String field, FieldDescriptorProto.Type type) {
    fieldBuilder(message, field).setType(type).clearTypeName();
    return this;
  }

  public FileDescriptorSet toSet() {
    return FileDescriptorSet.newBuilder().addFile(file.build()).build();
  }

  /**
   * A random older release of {@code current}: every message but {@code root} removed with
   * probability 1/10, every field 1/4, every enum value but the first 3/10.
   */
  static FileDescriptorSet randomOlder(FileDescriptor current, String root, SplittableRandom random) {
    SchemaEdit edit = of(current);
    List<String> messages = new ArrayList<>();
    Map<String, List<String>> fields = new HashMap<>();
    current.getMessageTypes().forEach(m -> {
      collect(m, messages, fields);
    });
    for (String message : messages) {
      if (!message.equals(root) && random.nextInt(10) == 0 && edit.hasMessage(message)) {
        edit.removeMessage(message);
      }
    }
    for (String message : messages) {
      for (String field : fields.get(message)) {
        if (random.nextInt(4) == 0 && edit.hasMessage(message) && edit.hasField(message, field)) {
          edit.removeField(message, field);
        }
      }
    }
    for (var type : current.getEnumTypes()) {
      for (int i = 1; i < type.getValues().size(); i++) {
        if (random.nextInt(10) < 3) {
          edit.removeEnumValue(type.getFullName(), type.getValues().get(i).getName());
        }
      }
    }
    return edit.toSet();
  }

  private static void collect(com.google.protobuf.Descriptors.Descriptor type, List<String> messages,
      Map<String, List<String>> fields) {
    if (type.getOptions().getMapEntry()) {
      return;
    }
    messages.add(type.getFullName());
    fields.put(type.getFullName(), type.getFields().stream().map(f -> f.getName()).toList());
    type.getNestedTypes().forEach(n -> collect(n, messages, fields));
  }

  private boolean hasMessage(String fullName) {
    try {
      message(fullName);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private boolean hasField(String message, String field) {
    return message(message).getFieldList().stream().anyMatch(f -> f.getName().equals(field));
  }

  private FieldDescriptorProto.Builder fieldBuilder(String message, String field) {
    return message(message).getFieldBuilderList().stream().filter(f -> f.getName().equals(field)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no field " + field + " in " + message));
  }

  private void removeReferences(DescriptorProto.Builder type, String removed) {
    for (int i = type.getFieldCount() - 1; i >= 0; i--) {
      FieldDescriptorProto f = type.getField(i);
      if (refersTo(type, f, removed)) {
        type.removeField(i);
        removeMapEntry(type, f);
      }
    }
    dropEmptyOneofs(type);
    type.getNestedTypeBuilderList().forEach(n -> removeReferences(n, removed));
  }

  private static boolean refersTo(DescriptorProto.Builder type, FieldDescriptorProto field, String removed) {
    String name = field.getTypeName();
    if (name.equals(removed) || name.startsWith(removed + ".")) {
      return true;
    }
    DescriptorProto entry = mapEntry(type, field);
    return entry != null && refersTo(type, entry.getField(1), removed);
  }

  private static DescriptorProto mapEntry(DescriptorProto.Builder type, FieldDescriptorProto field) {
    String simple = field.getTypeName().substring(field.getTypeName().lastIndexOf('.') + 1);
    return type.getNestedTypeList().stream()
        .filter(n -> n.getOptions().getMapEntry() && n.getName().equals(simple)
            && field.getTypeName().endsWith("." + type.getName() + "." + simple))
        .findFirst().orElse(null);
  }

  private static void removeMapEntry(DescriptorProto.Builder type, FieldDescriptorProto field) {
    DescriptorProto entry = mapEntry(type, field);
    if (entry != null) {
      type.removeNestedType(type.getNestedTypeList().indexOf(entry));
    }
  }

  /** Drops oneofs no field uses any more and renumbers the fields' oneof indexes. */
  private static void dropEmptyOneofs(DescriptorProto.Builder type) {
    TreeSet<Integer> used = new TreeSet<>();
    type.getFieldList().stream().filter(FieldDescriptorProto::hasOneofIndex).forEach(f -> used.add(f.getOneofIndex()));
    List<OneofDescriptorProto> kept = new ArrayList<>();
    Map<Integer, Integer> renumbered = new HashMap<>();
    for (int i = 0; i < type.getOneofDeclCount(); i++) {
      if (used.contains(i)) {
        renumbered.put(i, kept.size());
        kept.add(type.getOneofDecl(i));
      }
    }
    type.clearOneofDecl().addAllOneofDecl(kept);
    type.getFieldBuilderList().stream().filter(FieldDescriptorProto.Builder::hasOneofIndex)
        .forEach(f -> f.setOneofIndex(renumbered.get(f.getOneofIndex())));
  }

  private String relative(String fullName) {
    if (!fullName.startsWith(prefix)) {
      throw new IllegalArgumentException(fullName + " is not in package " + prefix);
    }
    return fullName.substring(prefix.length());
  }

  private DescriptorProto.Builder message(String fullName) {
    String[] parts = relative(fullName).split("\\.");
    List<DescriptorProto.Builder> level = file.getMessageTypeBuilderList();
    DescriptorProto.Builder found = null;
    for (String part : parts) {
      found = level.stream().filter(m -> m.getName().equals(part)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no message " + fullName));
      level = found.getNestedTypeBuilderList();
    }
    return found;
  }

  private EnumDescriptorProto.Builder enumType(String fullName) {
    String relative = relative(fullName);
    int dot = relative.lastIndexOf('.');
    List<EnumDescriptorProto.Builder> enums = dot < 0 ? file.getEnumTypeBuilderList()
        : message(prefix + relative.substring(0, dot)).getEnumTypeBuilderList();
    String simple = relative.substring(dot + 1);
    return enums.stream().filter(e -> e.getName().equals(simple)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no enum " + fullName));
  }
}
