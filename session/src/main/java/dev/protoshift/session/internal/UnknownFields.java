package dev.protoshift.session.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.Optional;

/**
 * Finds the first field in protobuf bytes that a schema does not know, as a client built from that
 * schema would see it (an unknown field number, or a known one with another wire type, which the
 * client's parser also keeps as unknown), by walking the bytes against the descriptor: no message
 * is built. Nested messages and map entries are walked with their own types.
 *
 * <p>Stateless; thread-safe.
 */
public final class UnknownFields {

  private static final int MAX_DEPTH = 100;

  private UnknownFields() {}

  /**
   * The path of the first field {@code type} does not know (e.g. {@code court.paddles[0] field 2}),
   * or empty if it knows every field.
   *
   * @throws InvalidProtocolBufferException if the bytes are not a protobuf message (truncated, a
   *     malformed tag or length, nested deeper than 100)
   */
  public static Optional<String> find(Descriptor type, byte[] bytes) throws InvalidProtocolBufferException {
    try {
      return walk(type, CodedInputStream.newInstance(bytes), "", 0, -1);
    } catch (InvalidProtocolBufferException e) {
      throw e;
    } catch (IOException e) {
      throw new InvalidProtocolBufferException(e);
    }
  }

  /** Walks one message up to its end (or to the end tag of {@code groupNumber}). */
  private static Optional<String> walk(Descriptor type, CodedInputStream in, String path, int depth, int groupNumber)
      throws IOException {
    if (depth > MAX_DEPTH) {
      throw new InvalidProtocolBufferException("nested deeper than " + MAX_DEPTH + " at " + path);
    }
    java.util.Map<Integer, Integer> repeatedIndex = null;
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        if (groupNumber >= 0) {
          throw new InvalidProtocolBufferException("group " + groupNumber + " not closed at " + path);
        }
        return Optional.empty();
      }
      int number = WireFormat.getTagFieldNumber(tag);
      int wireType = WireFormat.getTagWireType(tag);
      if (wireType == WireFormat.WIRETYPE_END_GROUP) {
        if (number != groupNumber) {
          throw new InvalidProtocolBufferException("unexpected end of group " + number + " at " + path);
        }
        return Optional.empty();
      }
      FieldDescriptor field = type.findFieldByNumber(number);
      if (field == null || !wireTypeFits(field, wireType)) {
        return Optional.of((path.isEmpty() ? "" : path + " ") + "field " + number);
      }
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        in.skipField(tag);
        continue;
      }
      String at = path.isEmpty() ? field.getName() : path + "." + field.getName();
      if (field.isRepeated()) {
        if (repeatedIndex == null) {
          repeatedIndex = new java.util.HashMap<>();
        }
        int index = repeatedIndex.merge(number, 1, Integer::sum) - 1;
        at = at + "[" + index + "]";
      }
      Optional<String> found;
      if (wireType == WireFormat.WIRETYPE_START_GROUP) {
        found = walk(field.getMessageType(), in, at, depth + 1, number);
      } else {
        int limit = in.pushLimit(in.readRawVarint32());
        found = walk(field.getMessageType(), in, at, depth + 1, -1);
        in.popLimit(limit);
      }
      if (found.isPresent()) {
        return found;
      }
    }
  }

  private static boolean wireTypeFits(FieldDescriptor field, int wireType) {
    int expected = field.getLiteType().getWireType();
    return wireType == expected
        // a repeated scalar may come packed whichever way the schema declares it
        || (field.isRepeated() && field.getLiteType().isPackable() && wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED);
  }
}
