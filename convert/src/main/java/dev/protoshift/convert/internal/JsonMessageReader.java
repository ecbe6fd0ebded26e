package dev.protoshift.convert.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads JSON token by token (no tree), checks it against the message's plan and writes what it
 * accepts in the binary form to a {@link WireBuffer}. Stateless apart from its settings;
 * thread-safe.
 */
final class JsonMessageReader {

  private final JsonSettings settings;
  private final JsonScalars scalars;
  private final WellKnownReader wellKnown;

  JsonMessageReader(JsonSettings settings) {
    this.settings = settings;
    this.scalars = new JsonScalars(settings.ignoreUnknownKeys());
    this.wellKnown = new WellKnownReader(this);
  }

  /** Reads the value starting at token {@code t} as the fields of {@code plan}'s type: an object, or a well-known type's form. */
  void fields(JsonParser p, JsonToken t, MessagePlan plan, WireBuffer out, int depth) throws IOException, ReadFailure {
    if (depth > settings.recursionLimit()) {
      throw new ReadFailure("nested deeper than " + settings.recursionLimit() + " levels");
    }
    if (plan.wellKnown != WellKnown.NONE) {
      wellKnown.read(p, t, plan, out, depth);
      return;
    }
    if (t != JsonToken.START_OBJECT) {
      throw ReadFailure.expected("an object (" + plan.typeName() + ")", p, t);
    }
    long seen = 0;
    boolean[] seenBeyond64 = null;
    String[] oneofKeys = null;
    Set<String> unknownKeys = null;
    // Writers (ours, protobuf's) put fields in field-number order: guess that the next key is the
    // next field's, which Jackson checks against the raw bytes without looking the name up.
    FieldPlan expected = plan.fields.length > 0 ? plan.fields[0] : null;
    while (true) {
      String key;
      FieldPlan field;
      if (expected != null && p.nextFieldName(expected.key)) {
        key = expected.key.getValue();
        field = expected;
      } else {
        if ((expected == null ? p.nextToken() : p.currentToken()) != JsonToken.FIELD_NAME) {
          return; // the end of the object (anything else is a syntax error Jackson reports)
        }
        key = p.currentName();
        field = plan.field(key);
        if (field == null) {
          unknownKeys = unknown(p, plan, key, unknownKeys);
          continue;
        }
      }
      expected = field.index + 1 < plan.fields.length ? plan.fields[field.index + 1] : null;
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
        switch (field.shape) {
          case SINGULAR -> value(p, value, field.element, out, depth);
          case REPEATED -> repeated(p, value, field, out, depth);
          case MAP -> map(p, value, field, out, depth);
        }
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

  /**
   * One value of {@code v}'s type, written with its tag; false if it was skipped (an unknown enum
   * value while ignoring unknown keys). A null reaching here is refused by the type's reader,
   * except for the types that have a null value (google.protobuf.Value, google.protobuf.NullValue).
   */
  boolean value(JsonParser p, JsonToken t, ValuePlan v, WireBuffer out, int depth) throws IOException, ReadFailure {
    if (!v.isMessage()) {
      return scalars.read(p, t, v, out);
    }
    if (v.type == FieldDescriptor.Type.GROUP) {
      out.tag(v.number, WireFormat.WIRETYPE_START_GROUP);
      fields(p, t, v.message(), out, depth + 1);
      out.tag(v.number, WireFormat.WIRETYPE_END_GROUP);
    } else {
      int mark = out.beginMessage(v.number);
      fields(p, t, v.message(), out, depth + 1);
      out.endMessage(mark);
    }
    return true;
  }

  private void repeated(JsonParser p, JsonToken t, FieldPlan field, WireBuffer out, int depth)
      throws IOException, ReadFailure {
    if (t != JsonToken.START_ARRAY) {
      throw ReadFailure.expected("an array", p, t);
    }
    int i = 0;
    for (JsonToken element = p.nextToken(); element != JsonToken.END_ARRAY; element = p.nextToken(), i++) {
      try {
        value(p, element, field.element, out, depth);
      } catch (ReadFailure e) {
        throw e.underIndex(i);
      }
    }
  }

  private void map(JsonParser p, JsonToken t, FieldPlan field, WireBuffer out, int depth)
      throws IOException, ReadFailure {
    if (t != JsonToken.START_OBJECT) {
      throw ReadFailure.expected("an object (a map)", p, t);
    }
    Set<Object> keys = new HashSet<>();
    String key;
    while ((key = p.nextFieldName()) != null) {
      try {
        int entryStart = out.position();
        int mark = out.beginMessage(field.number());
        Object mapKey = JsonScalars.mapKey(key, field.mapKey, out);
        if (!keys.add(mapKey)) {
          throw new ReadFailure("duplicate map key (" + mapKey + " is already given)");
        }
        if (value(p, p.nextToken(), field.element, out, depth)) {
          out.endMessage(mark);
        } else {
          out.truncate(entryStart);
        }
      } catch (ReadFailure e) {
        throw e.underMapKey(key);
      }
    }
  }
}
