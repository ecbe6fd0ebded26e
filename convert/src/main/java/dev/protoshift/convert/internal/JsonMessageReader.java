package dev.protoshift.convert.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads JSON objects into message builders token by token, from their descriptors (no tree).
 * Stateless apart from its settings and plans; thread-safe.
 */
final class JsonMessageReader {

  private final JsonSettings settings;
  private final MessagePlans plans;
  private final JsonScalars scalars;
  private final WellKnownReader wellKnown;

  JsonMessageReader(JsonSettings settings, MessagePlans plans) {
    this.settings = settings;
    this.plans = plans;
    this.scalars = new JsonScalars(settings.ignoreUnknownKeys());
    this.wellKnown = new WellKnownReader(this);
  }

  /** Merges the value starting at token {@code t} into {@code builder}: an object, or a well-known type's form. */
  void message(JsonParser p, JsonToken t, MessagePlan plan, Message.Builder builder, int depth)
      throws IOException, ReadFailure {
    if (depth > settings.recursionLimit()) {
      throw new ReadFailure("nested deeper than " + settings.recursionLimit() + " levels");
    }
    if (plan.wellKnown != WellKnown.NONE) {
      wellKnown.read(p, t, plan, builder, depth);
      return;
    }
    if (t != JsonToken.START_OBJECT) {
      throw JsonScalars.expected("an object (" + plan.typeName() + ")", p, t);
    }
    long seen = 0;
    boolean[] seenBeyond64 = null;
    String[] oneofKeys = null;
    Set<String> unknownKeys = null;
    String key;
    while ((key = p.nextFieldName()) != null) {
      FieldPlan field = plan.field(key);
      if (field == null) {
        unknownKeys = unknown(p, plan, key, unknownKeys);
        continue;
      }
      int i = field.index;
      boolean repeat;
      if (i < 64) {
        repeat = (seen & (1L << i)) != 0;
        seen |= 1L << i;
      } else {
        seenBeyond64 = seenBeyond64 == null ? new boolean[plan.fields.length] : seenBeyond64;
        repeat = seenBeyond64[i];
        seenBeyond64[i] = true;
      }
      if (repeat) {
        FieldDescriptor fd = field.descriptor;
        throw new ReadFailure("duplicate key: field " + fd.getName() + " (JSON name " + fd.getJsonName()
            + ") is already given").underKey(key);
      }
      JsonToken value = p.nextToken();
      if (value == JsonToken.VALUE_NULL && !field.nullIsValue) {
        continue;
      }
      if (field.oneofIndex >= 0) {
        oneofKeys = oneofKeys == null ? new String[plan.oneofCount] : oneofKeys;
        String other = oneofKeys[field.oneofIndex];
        if (other != null) {
          throw new ReadFailure("\"" + other + "\" and \"" + key + "\" are both members of oneof "
              + field.descriptor.getRealContainingOneof().getName() + "; give at most one").underKey(key);
        }
        oneofKeys[field.oneofIndex] = key;
      }
      try {
        field(p, value, field, builder, depth);
      } catch (ReadFailure e) {
        throw e.underKey(key);
      }
    }
  }

  private Set<String> unknown(JsonParser p, MessagePlan plan, String key, Set<String> seen)
      throws IOException, ReadFailure {
    if (!settings.ignoreUnknownKeys()) {
      FieldPlan meant = plan.fieldByOtherForm(key);
      throw new ReadFailure("unknown key for " + plan.typeName()
          + (meant == null ? "" : " (field names are strict: use \"" + meant.key.getValue() + "\")")).underKey(key);
    }
    Set<String> keys = seen == null ? new HashSet<>() : seen;
    if (!keys.add(key)) {
      throw new ReadFailure("duplicate key").underKey(key);
    }
    p.nextToken();
    p.skipChildren();
    return keys;
  }

  private void field(JsonParser p, JsonToken t, FieldPlan field, Message.Builder builder, int depth)
      throws IOException, ReadFailure {
    FieldDescriptor fd = field.descriptor;
    switch (field.shape) {
      case SINGULAR -> {
        if (isMessage(fd)) {
          Message.Builder sub = builder.newBuilderForField(fd);
          if (builder.hasField(fd)) {
            sub.mergeFrom((Message) builder.getField(fd));
          }
          message(p, t, plans.of(fd.getMessageType()), sub, depth + 1);
          builder.setField(fd, sub.build());
        } else {
          Object value = scalars.read(p, t, fd);
          if (value != JsonScalars.SKIP) {
            builder.setField(fd, value);
          }
        }
      }
      case REPEATED -> repeated(p, t, field, builder, depth);
      case MAP -> map(p, t, field, builder, depth);
    }
  }

  private void repeated(JsonParser p, JsonToken t, FieldPlan field, Message.Builder builder, int depth)
      throws IOException, ReadFailure {
    if (t != JsonToken.START_ARRAY) {
      throw JsonScalars.expected("an array", p, t);
    }
    FieldDescriptor fd = field.descriptor;
    boolean message = isMessage(fd);
    MessagePlan plan = message ? plans.of(fd.getMessageType()) : null;
    int i = 0;
    for (JsonToken element = p.nextToken(); element != JsonToken.END_ARRAY; element = p.nextToken(), i++) {
      try {
        Object value = element(p, element, fd, plan, message ? builder.newBuilderForField(fd) : null, depth);
        if (value != JsonScalars.SKIP) {
          builder.addRepeatedField(fd, value);
        }
      } catch (ReadFailure e) {
        throw e.underIndex(i);
      }
    }
  }

  private void map(JsonParser p, JsonToken t, FieldPlan field, Message.Builder builder, int depth)
      throws IOException, ReadFailure {
    if (t != JsonToken.START_OBJECT) {
      throw JsonScalars.expected("an object (a map)", p, t);
    }
    FieldDescriptor fd = field.descriptor;
    FieldDescriptor valueField = field.mapValue;
    boolean message = isMessage(valueField);
    MessagePlan plan = message ? plans.of(valueField.getMessageType()) : null;
    Set<Object> keys = new HashSet<>();
    String key;
    while ((key = p.nextFieldName()) != null) {
      try {
        Object mapKey = JsonScalars.mapKey(key, field.mapKey);
        if (!keys.add(mapKey)) {
          throw new ReadFailure("duplicate map key (" + mapKey + " is already given)");
        }
        Message.Builder entry = builder.newBuilderForField(fd);
        JsonToken valueToken = p.nextToken();
        Object value = element(p, valueToken, valueField, plan,
            message ? entry.newBuilderForField(valueField) : null, depth);
        if (value != JsonScalars.SKIP) {
          builder.addRepeatedField(fd, entry.setField(field.mapKey, mapKey).setField(valueField, value).build());
        }
      } catch (ReadFailure e) {
        throw e.underMapKey(key);
      }
    }
  }

  /**
   * A repeated element or map value. A null is not "absent" here: the readers refuse it, except
   * for the types that have a null value (google.protobuf.Value, google.protobuf.NullValue).
   */
  private Object element(JsonParser p, JsonToken t, FieldDescriptor fd, MessagePlan plan, Message.Builder sub,
      int depth) throws IOException, ReadFailure {
    if (sub == null) {
      return scalars.read(p, t, fd);
    }
    message(p, t, plan, sub, depth + 1);
    return sub.build();
  }

  JsonScalars scalars() {
    return scalars;
  }

  MessagePlans plans() {
    return plans;
  }

  static boolean isMessage(FieldDescriptor fd) {
    return fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
  }
}
