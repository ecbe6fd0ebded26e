package dev.protoshift.convert;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random messages of any descriptor for properties, and the oracle of what a client of an older
 * schema should read: the message with everything its schema lacks left out.
 */
final class RandomMessages {

  private static final int MAX_DEPTH = 4;

  private RandomMessages() {}

  /** A random message: each field set with probability 1/2, up to 3 repeated or map entries, any enum value. */
  static Message of(Message prototype, SplittableRandom random) {
    Message.Builder builder = prototype.newBuilderForType();
    fill(builder, random, 0);
    return builder.build();
  }

  private static void fill(Message.Builder builder, SplittableRandom random, int depth) {
    for (FieldDescriptor field : builder.getDescriptorForType().getFields()) {
      boolean message = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isMapField();
      if (random.nextBoolean() || (message && depth >= MAX_DEPTH)) {
        continue;
      }
      if (field.isMapField()) {
        FieldDescriptor key = field.getMessageType().findFieldByNumber(1);
        FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
        Set<Object> keys = new HashSet<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          Object k = value(builder, key, random, depth);
          if (keys.add(k)) {
            Message.Builder entry = builder.newBuilderForField(field);
            builder.addRepeatedField(field, entry.setField(key, k).setField(value, value(entry, value, random, depth)).build());
          }
        }
      } else if (field.isRepeated()) {
        for (int i = random.nextInt(4); i > 0; i--) {
          builder.addRepeatedField(field, value(builder, field, random, depth));
        }
      } else {
        builder.setField(field, value(builder, field, random, depth));
      }
    }
  }

  private static Object value(Message.Builder parent, FieldDescriptor field, SplittableRandom random, int depth) {
    return switch (field.getJavaType()) {
      case INT -> random.nextInt(-5, 100);
      case LONG -> random.nextLong(0, 1000);
      case FLOAT -> (float) random.nextInt(100);
      case DOUBLE -> (double) random.nextInt(100);
      case BOOLEAN -> random.nextBoolean();
      case STRING -> "s" + random.nextInt(50);
      case BYTE_STRING -> ByteString.copyFrom(new byte[] {(byte) random.nextInt(256)});
      case ENUM -> {
        List<EnumValueDescriptor> values = field.getEnumType().getValues();
        yield values.get(random.nextInt(values.size()));
      }
      case MESSAGE -> {
        Message.Builder nested = parent.newBuilderForField(field);
        fill(nested, random, depth + 1);
        yield nested.build();
      }
    };
  }

  /**
   * What a client with schema {@code old} should read of {@code current}: every field {@code old}
   * has (by number), recursively; enum values it lacks left out (a singular field unset, a
   * repeated element or a map entry dropped).
   */
  static DynamicMessage project(Message current, Descriptor old) {
    DynamicMessage.Builder projected = DynamicMessage.newBuilder(old);
    for (Map.Entry<FieldDescriptor, Object> entry : current.getAllFields().entrySet()) {
      FieldDescriptor field = old.findFieldByNumber(entry.getKey().getNumber());
      if (field == null) {
        continue;
      }
      if (field.isRepeated()) {
        for (Object element : (List<?>) entry.getValue()) {
          Object value = field.isMapField() ? projectEntry((Message) element, projected.newBuilderForField(field))
              : convert(field, element);
          if (value != null) {
            projected.addRepeatedField(field, value);
          }
        }
      } else {
        Object value = convert(field, entry.getValue());
        if (value != null) {
          projected.setField(field, value);
        }
      }
    }
    return projected.build();
  }

  private static Object projectEntry(Message entry, Message.Builder target) {
    FieldDescriptor key = target.getDescriptorForType().findFieldByNumber(1);
    FieldDescriptor value = target.getDescriptorForType().findFieldByNumber(2);
    Object v = convert(value, entry.getField(entry.getDescriptorForType().findFieldByNumber(2)));
    return v == null ? null : target.setField(key, entry.getField(entry.getDescriptorForType().findFieldByNumber(1)))
        .setField(value, v).build();
  }

  /** The value in the old schema's terms; null for an enum value it lacks. */
  private static Object convert(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case MESSAGE -> project((Message) value, field.getMessageType());
      case ENUM -> field.getEnumType().findValueByNumber(((EnumValueDescriptor) value).getNumber());
      default -> value;
    };
  }

  /** Where {@code message} (parsed with some schema) holds a field or enum value that schema lacks; null if nowhere. */
  static String unknownIn(Message message) {
    if (!message.getUnknownFields().asMap().isEmpty()) {
      return message.getDescriptorForType().getFullName() + " has unknown fields "
          + message.getUnknownFields().asMap().keySet();
    }
    for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
      List<?> values = entry.getKey().isRepeated() ? (List<?>) entry.getValue() : List.of(entry.getValue());
      for (Object value : values) {
        String found = null;
        if (value instanceof Message nested) {
          found = unknownIn(nested);
        } else if (value instanceof EnumValueDescriptor e && e.getType().findValueByNumber(e.getNumber()) == null) {
          found = entry.getKey().getFullName() + " holds unknown enum value " + e.getNumber();
        }
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
