package dev.protoshift.convert.internal;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import dev.protoshift.convert.HistoryProblem;
import dev.protoshift.convert.HistoryProblem.Kind;
import dev.protoshift.versioning.ProtocolVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Checks the downgrades of sample messages for one frozen release: encoded and parsed with the
 * release's own descriptor, as its clients do, nothing may be unknown to it; and every field its
 * clients still read but the current schema deprecated must have been filled by a version change.
 */
final class HistoryChecker {

  private final SchemaIndex current;
  private final ProtocolVersion release;
  private final Descriptor releaseRoot;
  private final SchemaIndex releaseSchema;
  /** The first declared release after the given one that deprecates the field; null if none does. */
  private final BiFunction<FieldDescriptor, ProtocolVersion, ProtocolVersion> deprecatedSince;
  private final Map<String, HistoryProblem> problems = new LinkedHashMap<>();
  private final Map<FieldDescriptor, String> emptyDeprecated = new LinkedHashMap<>();

  HistoryChecker(SchemaIndex current, ProtocolVersion release, SchemaIndex releaseSchema, Descriptor releaseRoot,
      BiFunction<FieldDescriptor, ProtocolVersion, ProtocolVersion> deprecatedSince) {
    this.current = current;
    this.release = release;
    this.releaseSchema = releaseSchema;
    this.releaseRoot = releaseRoot;
    this.deprecatedSince = deprecatedSince;
  }

  /** Downgrades every sample with {@code downgrade} and returns the problems, each once. */
  List<HistoryProblem> check(List<Message> samples, UnaryOperator<Message.Builder> downgrade) {
    List<String> refused = new ArrayList<>();
    for (Message sample : samples) {
      Message downgraded;
      try {
        downgraded = downgrade.apply(sample.toBuilder()).build();
      } catch (IllegalArgumentException e) {
        refused.add(e.getMessage());
        continue;
      }
      try {
        unknowns(DynamicMessage.parseFrom(releaseRoot, downgraded.toByteString()), "");
      } catch (InvalidProtocolBufferException e) {
        add(Kind.UNREADABLE, releaseRoot.getFullName(), "clients on " + release + " cannot parse the downgraded "
            + releaseRoot.getFullName() + " with their release's schema: " + e.getMessage());
      }
      deprecated(downgraded, "");
    }
    if (refused.size() == samples.size()) {
      add(Kind.NOT_CHECKED, releaseRoot.getFullName(), "no sample " + releaseRoot.getFullName()
          + " could be downgraded for clients on " + release + ", so nothing was checked; the first was refused: "
          + refused.get(0));
    }
    emptyDeprecated.forEach((field, path) -> {
      ProtocolVersion since = deprecatedSince.apply(field, release);
      add(Kind.DEPRECATED_FIELD_EMPTY, field.getFullName(), "field " + field.getFullName() + " is deprecated "
          + (since == null ? "in the current schema" : "since " + since) + " but clients on " + release
          + " still read it; it is empty after the downgrade (" + path + "): fill it in a VersionChange of "
          + (since == null ? "the next release (declare it in the chain)" : "release " + since));
    });
    return List.copyOf(problems.values());
  }

  /** Walks a message as the release's clients parse it. */
  private void unknowns(Message message, String path) {
    Descriptor type = message.getDescriptorForType();
    for (Map.Entry<Integer, UnknownFieldSet.Field> unknown : message.getUnknownFields().asMap().entrySet()) {
      int number = unknown.getKey();
      FieldDescriptor known = type.findFieldByNumber(number);
      if (known != null && known.getJavaType() == FieldDescriptor.JavaType.ENUM) {
        // A closed enum keeps values it does not know as unknown varints of the field.
        unknown.getValue().getVarintList()
            .forEach(v -> unknownValue(known.getEnumType(), v.intValue(), join(path, known.getName())));
        continue;
      }
      if (known != null) {
        // The release has the field with another wire type: its clients drop the value.
        add(Kind.UNREADABLE, known.getFullName(), "clients on " + release + " cannot read field " + known.getFullName()
            + " (" + number + "): release " + release + " gives it another type (" + known.getType().name()
            .toLowerCase(java.util.Locale.ROOT) + "), so they drop its value (" + join(path, known.getName()) + ")");
        continue;
      }
      Descriptor currentType = current.message(type.getFullName());
      FieldDescriptor field = currentType == null ? null : currentType.findFieldByNumber(number);
      String element = field != null ? field.getFullName() : type.getFullName() + "." + number;
      String named = field != null ? "field " + field.getFullName() + " (" + number + ")"
          : "field " + number + " of " + type.getFullName();
      add(Kind.UNKNOWN_FIELD, element, "clients on " + release + " receive " + named + ", which release " + release
          + " does not have (" + join(path, field != null ? field.getName() : String.valueOf(number))
          + "): a VersionChange sets it for them, or the current schema added it without a new release in the chain");
    }
    for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
      FieldDescriptor field = entry.getKey();
      String at = join(path, field.getName());
      if (field.isMapField()) {
        FieldDescriptor key = field.getMessageType().findFieldByNumber(1);
        FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
        for (Object e : (List<?>) entry.getValue()) {
          Message mapEntry = (Message) e;
          known(value, mapEntry.getField(value), at + "[" + key(mapEntry.getField(key)) + "]");
        }
      } else if (field.isRepeated()) {
        List<?> values = (List<?>) entry.getValue();
        for (int i = 0; i < values.size(); i++) {
          known(field, values.get(i), at + "[" + i + "]");
        }
      } else {
        known(field, entry.getValue(), at);
      }
    }
  }

  private void known(FieldDescriptor field, Object value, String path) {
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      unknowns((Message) value, path);
    } else if (field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
      EnumValueDescriptor enumValue = (EnumValueDescriptor) value;
      if (enumValue.getType().findValueByNumber(enumValue.getNumber()) == null) {
        unknownValue(enumValue.getType(), enumValue.getNumber(), path);
      }
    }
  }

  private void unknownValue(EnumDescriptor type, int number, String path) {
    EnumDescriptor currentType = current.enumType(type.getFullName());
    EnumValueDescriptor value = currentType == null ? null : currentType.findValueByNumber(number);
    String element = value != null ? value.getFullName() : type.getFullName() + "." + number;
    String named = value != null ? "enum value " + value.getFullName() + " (" + number + ")"
        : "enum value " + number + " of " + type.getFullName();
    add(Kind.UNKNOWN_ENUM_VALUE, element, "clients on " + release + " receive " + named + ", which release "
        + release + " does not have (" + path + ")");
  }

  /** Walks the downgraded message (current schema) for deprecated fields the release still reads. */
  private void deprecated(Message message, String path) {
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      if (!field.getOptions().getDeprecated() || emptyDeprecated.containsKey(field)) {
        continue;
      }
      FieldDescriptor theirs = releaseSchema.field(field);
      if (theirs == null || theirs.getOptions().getDeprecated()) {
        continue;
      }
      OneofDescriptor oneof = field.getRealContainingOneof();
      boolean otherCase = oneof != null && message.hasOneof(oneof) && message.getOneofFieldDescriptor(oneof) != field;
      boolean empty = field.isRepeated() ? message.getRepeatedFieldCount(field) == 0 : !message.hasField(field);
      if (empty && !otherCase) {
        emptyDeprecated.put(field, join(path, field.getName()));
      }
    }
    for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
      FieldDescriptor field = entry.getKey();
      String at = join(path, field.getName());
      if (field.isMapField()) {
        FieldDescriptor key = field.getMessageType().findFieldByNumber(1);
        FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
        if (value.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
          for (Object e : (List<?>) entry.getValue()) {
            Message mapEntry = (Message) e;
            deprecated((Message) mapEntry.getField(value), at + "[" + key(mapEntry.getField(key)) + "]");
          }
        }
      } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        if (field.isRepeated()) {
          List<?> values = (List<?>) entry.getValue();
          for (int i = 0; i < values.size(); i++) {
            deprecated((Message) values.get(i), at + "[" + i + "]");
          }
        } else {
          deprecated((Message) entry.getValue(), at);
        }
      }
    }
  }

  private void add(Kind kind, String element, String message) {
    problems.putIfAbsent(kind + " " + element, new HistoryProblem(kind, release, element, message));
  }

  private static String key(Object key) {
    return key instanceof String text ? '"' + text + '"' : String.valueOf(key);
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
