package dev.protoshift.convert.internal;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one derived step strips from one message type, precomputed by {@link StripPlanner}: the
 * fields to clear, the enum fields with the numbers the older release allows, and the message
 * fields whose subtree has work (plans may refer to each other in cycles for recursive types). A
 * downgrade visits only what needs work.
 *
 * <p>Works in place on nested builders ({@code getFieldBuilder}, {@code getRepeatedFieldBuilder}),
 * which generated and dynamic builders both offer; map entries are immutable, so their values are
 * rebuilt. Unknown fields are left alone. Immutable once planned; thread-safe.
 */
final class StripPlan {

  private static final FieldDescriptor[] NONE = {};

  final Descriptor type;
  private final String addedIn;
  FieldDescriptor[] refuse = NONE;
  FieldDescriptor[] clear = NONE;
  FieldDescriptor[] enumFields = NONE;
  int[][] allowed = {};
  FieldDescriptor[] children = NONE;
  StripPlan[] childPlans = {};

  StripPlan(Descriptor type, String addedIn) {
    this.type = type;
    this.addedIn = addedIn;
  }

  /**
   * Strips {@code message} (of this plan's type) in place.
   *
   * @throws IllegalArgumentException if a root oneof case the older release lacks is set
   */
  void apply(Message.Builder message) {
    for (FieldDescriptor field : refuse) {
      if (message.hasField(field)) {
        throw new IllegalArgumentException("oneof case " + field.getFullName() + " (" + field.getNumber() + ") of "
            + field.getRealContainingOneof().getName() + " was added in " + addedIn
            + ": a message carrying it cannot be sent to clients older than " + addedIn);
      }
    }
    for (FieldDescriptor field : clear) {
      message.clearField(field); // cheaper unconditionally than after a (reflective) check
    }
    for (int i = 0; i < enumFields.length; i++) {
      stripEnum(message, enumFields[i], allowed[i]);
    }
    for (int i = 0; i < children.length; i++) {
      descend(message, children[i], childPlans[i]);
    }
  }

  private static void stripEnum(Message.Builder message, FieldDescriptor field, int[] allowed) {
    if (!field.isRepeated()) {
      // An unset field reads as its default, which the older release has (else clearing it changes nothing).
      if (!allows(allowed, ((EnumValueDescriptor) message.getField(field)).getNumber())) {
        message.clearField(field);
      }
      return;
    }
    FieldDescriptor value = field.isMapField() ? field.getMessageType().findFieldByNumber(2) : null;
    int count = message.getRepeatedFieldCount(field);
    int firstBad = -1;
    for (int i = 0; i < count && firstBad < 0; i++) {
      if (!allows(allowed, enumNumber(message.getRepeatedField(field, i), value))) {
        firstBad = i;
      }
    }
    if (firstBad < 0) {
      return;
    }
    List<Object> kept = new ArrayList<>(count - 1);
    for (int i = 0; i < count; i++) {
      Object element = message.getRepeatedField(field, i);
      if (i != firstBad && allows(allowed, enumNumber(element, value))) {
        kept.add(element);
      }
    }
    message.clearField(field);
    kept.forEach(element -> message.addRepeatedField(field, element));
  }

  private static int enumNumber(Object element, FieldDescriptor mapValue) {
    Object value = mapValue == null ? element : ((Message) element).getField(mapValue);
    return ((EnumValueDescriptor) value).getNumber();
  }

  private static boolean allows(int[] allowed, int number) {
    return Arrays.binarySearch(allowed, number) >= 0;
  }

  private static void descend(Message.Builder message, FieldDescriptor field, StripPlan plan) {
    if (field.isMapField()) {
      descendMap(message, field, plan);
    } else if (field.isRepeated()) {
      int count = message.getRepeatedFieldCount(field);
      for (int i = 0; i < count; i++) {
        plan.apply(message.getRepeatedFieldBuilder(field, i));
      }
    } else if (message.hasField(field)) {
      plan.apply(message.getFieldBuilder(field));
    }
  }

  /** Map entries are immutable messages: each value is rebuilt and the entries put back in order. */
  private static void descendMap(Message.Builder message, FieldDescriptor field, StripPlan plan) {
    int count = message.getRepeatedFieldCount(field);
    if (count == 0) {
      return;
    }
    FieldDescriptor valueField = field.getMessageType().findFieldByNumber(2);
    List<Message> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Message entry = (Message) message.getRepeatedField(field, i);
      Message value = (Message) entry.getField(valueField);
      entries.add(entry.toBuilder().setField(valueField, plan.rebuilt(value)).build());
    }
    message.clearField(field);
    entries.forEach(entry -> message.addRepeatedField(field, entry));
  }

  private Message rebuilt(Message value) {
    Message.Builder builder = value.toBuilder();
    apply(builder);
    return builder.build();
  }
}
