package dev.protoshift.convert.internal;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The message and enum types of one schema (the current one, or a frozen release) by full name,
 * and whether an element of the current schema exists in it. Elements are matched as the
 * compatibility rules pair them: messages and enums by full name, fields and enum values by number.
 */
public final class SchemaIndex {

  private final Map<String, Descriptor> messages = new HashMap<>();
  private final Map<String, EnumDescriptor> enums = new HashMap<>();

  private SchemaIndex(Collection<FileDescriptor> files) {
    Deque<FileDescriptor> todo = new ArrayDeque<>(files);
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      FileDescriptor file = todo.pop();
      if (seen.add(file.getName())) {
        file.getMessageTypes().forEach(this::add);
        file.getEnumTypes().forEach(e -> enums.put(e.getFullName(), e));
        todo.addAll(file.getDependencies());
      }
    }
  }

  /** The types of {@code files} and of everything they import. */
  public static SchemaIndex of(Collection<FileDescriptor> files) {
    return new SchemaIndex(files);
  }

  /** The types of {@code file} and of everything it imports. */
  public static SchemaIndex of(FileDescriptor file) {
    return new SchemaIndex(List.of(file));
  }

  private void add(Descriptor message) {
    messages.put(message.getFullName(), message);
    message.getNestedTypes().forEach(this::add);
    message.getEnumTypes().forEach(e -> enums.put(e.getFullName(), e));
  }

  /** The message named {@code fullName}, or null. */
  public Descriptor message(String fullName) {
    return messages.get(fullName);
  }

  /** The enum named {@code fullName}, or null. */
  public EnumDescriptor enumType(String fullName) {
    return enums.get(fullName);
  }

  /** This schema's version of {@code field}'s message (by full name), or null. */
  public Descriptor containingType(FieldDescriptor field) {
    return messages.get(field.getContainingType().getFullName());
  }

  /** This schema's field with {@code field}'s number in the message of the same name, or null. */
  public FieldDescriptor field(FieldDescriptor field) {
    Descriptor message = containingType(field);
    return message == null ? null : message.findFieldByNumber(field.getNumber());
  }

  /**
   * True if this schema has {@code field} (of another schema): its message has a field with that
   * number and, if the field holds a message or an enum (for a map, its value), this schema has
   * that type too. A field whose type this schema lacks cannot reach its clients.
   */
  public boolean has(FieldDescriptor field) {
    if (field(field) == null) {
      return false;
    }
    FieldDescriptor valueField = field.isMapField() ? field.getMessageType().findFieldByNumber(2) : field;
    return switch (valueField.getJavaType()) {
      case MESSAGE -> messages.containsKey(valueField.getMessageType().getFullName());
      case ENUM -> enums.containsKey(valueField.getEnumType().getFullName());
      default -> true;
    };
  }

  /** True if this schema's enum of the same name has {@code value}'s number. */
  public boolean has(EnumValueDescriptor value) {
    EnumDescriptor type = enums.get(value.getType().getFullName());
    return type != null && type.findValueByNumber(value.getNumber()) != null;
  }
}
