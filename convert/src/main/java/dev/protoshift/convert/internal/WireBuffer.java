package dev.protoshift.convert.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.WireFormat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The binary form of what the reader has accepted so far. Reading writes here and merges the
 * result into the builder once at the end, so the generated parser does the building (no
 * reflection per field) and a refused frame leaves the builder untouched. Nested messages
 * reserve five bytes for their length and close the gap when they end. One per read; not
 * thread-safe.
 */
final class WireBuffer {

  private static final int RESERVED = 5;

  private byte[] bytes;
  private int size;

  WireBuffer(int initialCapacity) {
    bytes = new byte[Math.max(64, initialCapacity)];
  }

  int position() {
    return size;
  }

  /** Forgets everything written after {@code position} (e.g. a map entry whose value was skipped). */
  void truncate(int position) {
    size = position;
  }

  void tag(int number, int wireType) {
    varint32((number << 3) | wireType);
  }

  /** int32 and enum values: negative numbers take ten bytes, as the binary form requires. */
  void int32(int value) {
    if (value >= 0) {
      varint32(value);
    } else {
      varint64(value);
    }
  }

  void varint32(int value) {
    ensure(5);
    while ((value & ~0x7F) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  void varint64(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      bytes[size++] = (byte) (((int) value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  void fixed32(int value) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      bytes[size++] = (byte) (value >>> (8 * i));
    }
  }

  void fixed64(long value) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      bytes[size++] = (byte) (value >>> (8 * i));
    }
  }

  void string(String value) {
    bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  void bytes(byte[] value) {
    varint32(value.length);
    ensure(value.length);
    System.arraycopy(value, 0, bytes, size, value.length);
    size += value.length;
  }

  /** Starts a length-delimited message field; returns the mark {@link #endMessage} needs. */
  int beginMessage(int number) {
    tag(number, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    ensure(RESERVED);
    int mark = size;
    size += RESERVED;
    return mark;
  }

  /** Writes the length of the message begun at {@code mark} and closes the reserved gap. */
  void endMessage(int mark) {
    int start = mark + RESERVED;
    int length = size - start;
    int lengthSize = 1;
    for (int rest = length >>> 7; rest != 0; rest >>>= 7) {
      lengthSize++;
    }
    int at = mark;
    for (int rest = length; ; rest >>>= 7) {
      if ((rest & ~0x7F) == 0) {
        bytes[at] = (byte) rest;
        break;
      }
      bytes[at++] = (byte) ((rest & 0x7F) | 0x80);
    }
    System.arraycopy(bytes, start, bytes, mark + lengthSize, length);
    size -= RESERVED - lengthSize;
  }

  /** Merges what was written into {@code builder}: protobuf's merge, as reading promises. */
  void mergeInto(Message.Builder builder) {
    try {
      builder.mergeFrom(bytes, 0, size);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("ProtoJson wrote a binary form " + builder.getDescriptorForType().getFullName()
          + " refuses (a bug)", e);
    }
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
