package dev.protoshift.compat.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip-bomb jar in milliseconds: one entry of {@code mebibytes} MiB of zeros, about 1 KiB
 * of deflate data per MiB. Deflating a MiB of zeros with a full window of zeros and a sync flush
 * gives the same bytes every time, so the compressed data is the first MiB's bytes, then the second
 * MiB's bytes repeated; the zip headers are written by hand, declaring the true size or a lie.
 */
final class ZipBomb {

  private static final int MIB = 1 << 20;

  private ZipBomb() {}

  /**
   * Writes {@code jar} with the entry {@code name}.
   *
   * @param declaredSize the uncompressed size the headers give, or -1 for the true size
   */
  static void write(Path jar, String name, int mebibytes, long declaredSize) throws IOException {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    byte[] zeros = new byte[MIB];
    byte[] out = new byte[MIB];
    deflater.setInput(zeros);
    byte[] first = Arrays.copyOf(out, deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH));
    deflater.setInput(zeros);
    byte[] next = Arrays.copyOf(out, deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH));
    deflater.finish();
    byte[] last = Arrays.copyOf(out, deflater.deflate(out));
    deflater.end();
    CRC32 crc = new CRC32();
    for (int i = 0; i < mebibytes; i++) {
      crc.update(zeros);
    }
    long compressed = first.length + (long) next.length * (mebibytes - 1) + last.length;
    long size = declaredSize < 0 ? (long) mebibytes * MIB : declaredSize;
    byte[] entryName = name.getBytes(StandardCharsets.UTF_8);
    try (OutputStream file = Files.newOutputStream(jar)) {
      byte[] local = header(0x04034b50, false, crc.getValue(), compressed, size, entryName, 0);
      file.write(local);
      file.write(first);
      for (int i = 1; i < mebibytes; i++) {
        file.write(next);
      }
      file.write(last);
      byte[] central = header(0x02014b50, true, crc.getValue(), compressed, size, entryName, 0);
      file.write(central);
      ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
      end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1)
          .putInt(central.length).putInt((int) (local.length + compressed)).putShort((short) 0);
      file.write(end.array());
    }
  }

  private static byte[] header(int signature, boolean central, long crc, long compressed, long size, byte[] name,
      int offset) {
    ByteBuffer b = ByteBuffer.allocate(46 + name.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(signature);
    if (central) {
      b.putShort((short) 20); // version made by
    }
    b.putShort((short) 20).putShort((short) 0).putShort((short) 8).putShort((short) 0).putShort((short) 0x21)
        .putInt((int) crc).putInt((int) compressed).putInt((int) size).putShort((short) name.length)
        .putShort((short) 0);
    if (central) {
      b.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset);
    }
    b.put(name);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(b.array(), 0, b.position());
    return bytes.toByteArray();
  }
}
