package dev.protoshift.reference.game;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Compresses one message as WebSocket permessage-deflate does with no context takeover
 * (RFC 7692, section 7.2.1): raw DEFLATE from a fresh window per message, flushed with
 * SYNC_FLUSH, without the trailing {@code 00 00 ff ff}. Not thread-safe: one per thread.
 */
final class PerMessageDeflate {

  private static final byte[] TAIL = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF};

  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
  private final Inflater inflater = new Inflater(true);
  private byte[] buffer = new byte[64 * 1024];

  byte[] compress(byte[] message) {
    deflater.reset(); // no context takeover: every message starts with an empty window
    deflater.setInput(message);
    int length = 0;
    while (true) {
      length += deflater.deflate(buffer, length, buffer.length - length, Deflater.SYNC_FLUSH);
      if (length < buffer.length) {
        break;
      }
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    return Arrays.copyOf(buffer, length - TAIL.length);
  }

  byte[] decompress(byte[] compressed) {
    inflater.reset();
    byte[] input = Arrays.copyOf(compressed, compressed.length + TAIL.length);
    System.arraycopy(TAIL, 0, input, compressed.length, TAIL.length);
    inflater.setInput(input);
    int length = 0;
    try {
      while (true) {
        length += inflater.inflate(buffer, length, buffer.length - length);
        if (inflater.needsInput() || inflater.finished()) {
          break;
        }
        if (length == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
      }
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("not permessage-deflate data", e);
    }
    return Arrays.copyOf(buffer, length);
  }
}
