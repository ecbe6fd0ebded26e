package dev.protoshift.convert.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Sample messages for the history check: every non-deprecated field of the current schema set,
 * recursively, so that everything added since any release is there to be stripped or handled.
 *
 * <ul>
 *   <li>repeated fields and maps get 2 entries; strings, bytes and numbers non-default values;
 *   <li>enums a non-zero value, newest (last declared) first, so values added late are set;
 *   <li>each oneof gets its cases in turn: there are as many samples as the largest oneof has
 *       cases (at least 2), so every case is set in at least one sample;
 *   <li>a recursive type is entered at most twice on one path.
 * </ul>
 *
 * <p>The values come from a fixed seed per sample, so a failure names reproducible messages.
 */
final class SampleMessages {

  private static final long SEED = 20261129L;
  private static final int MAX_VISITS = 2;

  private SampleMessages() {}

  /** The samples, built with {@code prototype}'s builders (generated or dynamic). */
  static List<Message> of(Message prototype) {
    int count = Math.max(2, largestOneof(prototype.getDescriptorForType()));
    List<Message> samples = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      Message.Builder builder = prototype.newBuilderForType();
      fill(builder, k, new SplittableRandom(SEED + k), new HashMap<>());
      samples.add(builder.build());
    }
    return samples;
  }

  private static int largestOneof(Descriptor root) {
    int largest = 0;
    Deque<Descriptor> todo = new ArrayDeque<>(List.of(root));
    Set<Descriptor> seen = new HashSet<>(todo);
    while (!todo.isEmpty()) {
      Descriptor type = todo.pop();
      for (OneofDescriptor oneof : type.getRealOneofs()) {
        largest = Math.max(largest, cases(oneof).size());
      }
      for (FieldDescriptor field : type.getFields()) {
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && seen.add(field.getMessageType())) {
          todo.push(field.getMessageType());
        }
      }
    }
    return largest;
  }

  private static List<FieldDescriptor> cases(OneofDescriptor oneof) {
    return oneof.getFields().stream().filter(f -> !f.getOptions().getDeprecated()).toList();
  }

  private static void fill(Message.Builder builder, int k, SplittableRandom random, Map<Descriptor, Integer> visits) {
    Descriptor type = builder.getDescriptorForType();
    visits.merge(type, 1, Integer::sum);
    for (FieldDescriptor field : type.getFields()) {
      if (field.getOptions().getDeprecated() || !chosen(field, k)) {
        continue;
      }
      if (field.isMapField()) {
        FieldDescriptor key = field.getMessageType().findFieldByNumber(1);
        FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
        for (int j = 0; j < 2; j++) {
          Message.Builder entry = builder.newBuilderForField(field);
          Object v = value(entry, value, k, j, random, visits);
          if (v == null) {
            break;
          }
          builder.addRepeatedField(field, entry.setField(key, key(key, j)).setField(value, v).build());
        }
      } else if (field.isRepeated()) {
        for (int j = 0; j < 2; j++) {
          Object v = value(builder, field, k, j, random, visits);
          if (v == null) {
            break;
          }
          builder.addRepeatedField(field, v);
        }
      } else {
        Object v = value(builder, field, k, 0, random, visits);
        if (v != null) {
          builder.setField(field, v);
        }
      }
    }
    visits.merge(type, -1, Integer::sum);
  }

  /** Outside a oneof every field is set; in one, sample k sets its k-th case (round robin). */
  private static boolean chosen(FieldDescriptor field, int k) {
    OneofDescriptor oneof = field.getRealContainingOneof();
    if (oneof == null) {
      return true;
    }
    List<FieldDescriptor> cases = cases(oneof);
    return cases.get(k % cases.size()) == field;
  }

  /** The j-th value of a field in sample k; null for a message type entered too often on this path. */
  private static Object value(Message.Builder parent, FieldDescriptor field, int k, int j, SplittableRandom random,
      Map<Descriptor, Integer> visits) {
    return switch (field.getJavaType()) {
      case INT -> 1 + random.nextInt(1_000);
      case LONG -> 1 + random.nextLong(1_000_000);
      case FLOAT -> 0.5f + random.nextInt(1_000);
      case DOUBLE -> 0.25 + random.nextInt(1_000_000);
      case BOOLEAN -> true;
      case STRING -> "s" + k + "." + j + "." + random.nextInt(10_000);
      case BYTE_STRING -> ByteString.copyFrom(new byte[] {(byte) (1 + k), (byte) j, (byte) random.nextInt(256)});
      case ENUM -> newest(field, k + j);
      case MESSAGE -> {
        if (visits.getOrDefault(field.getMessageType(), 0) >= MAX_VISITS) {
          yield null;
        }
        Message.Builder nested = parent.newBuilderForField(field);
        fill(nested, k, random, visits);
        yield nested.build();
      }
    };
  }

  /** The n-th newest non-zero, non-deprecated value (the zero value if there is no other). */
  private static EnumValueDescriptor newest(FieldDescriptor field, int n) {
    List<EnumValueDescriptor> values = field.getEnumType().getValues();
    List<EnumValueDescriptor> candidates = new ArrayList<>();
    for (int i = values.size() - 1; i >= 0; i--) {
      EnumValueDescriptor value = values.get(i);
      if (value.getNumber() != 0 && !value.getOptions().getDeprecated()) {
        candidates.add(value);
      }
    }
    return candidates.isEmpty() ? values.get(0) : candidates.get(n % candidates.size());
  }

  private static Object key(FieldDescriptor key, int j) {
    return switch (key.getJavaType()) {
      case INT -> j + 1;
      case LONG -> (long) j + 1;
      case BOOLEAN -> j == 0;
      default -> "k" + j;
    };
  }
}
