package dev.protoshift.compat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reading entries of archives (jars, {@code git archive} output) with limits, so a zip bomb is
 * refused instead of filling the memory: an entry may inflate to at most {@link #MAX_ENTRY_BYTES},
 * past {@link #RATIO_FLOOR} bytes at most {@link #MAX_RATIO} times its compressed size, and never
 * to more than the size its header declares.
 */
final class Archives {

  /** The most bytes one entry (a descriptor set, a .proto file) may inflate to: 256 MiB. */
  static final long MAX_ENTRY_BYTES = 256L << 20;
  /** The most one entry may inflate relative to its compressed size; real descriptor sets stay far below. */
  static final long MAX_RATIO = 100;
  /** Entries up to this size (1 MiB) are not held to the ratio: tiny files compress oddly. */
  static final long RATIO_FLOOR = 1L << 20;

  private Archives() {}

  /**
   * Reads one entry.
   *
   * @param label names the entry in errors, e.g. {@code schema.jar!META-INF/protoshift/schemas/game/descriptor.binpb}
   * @throws InputException naming the entry if it would inflate past a limit
   * @throws IOException if the archive cannot be read
   */
  static byte[] read(ZipFile zip, ZipEntry entry, String label) throws InputException, IOException {
    long size = entry.getSize();
    long compressed = entry.getCompressedSize();
    if (size > MAX_ENTRY_BYTES) {
      throw new InputException(label + ": inflates to " + size + " bytes, more than the " + MAX_ENTRY_BYTES
          + " bytes an entry may have; not read");
    }
    if (size > RATIO_FLOOR && compressed > 0 && size / compressed > MAX_RATIO) {
      throw new InputException(label + ": inflates to " + size + " bytes from " + compressed + " (" + size / compressed
          + " times), more than the " + MAX_RATIO + " times an entry may inflate; not read (a zip bomb?)");
    }
    long limit = size >= 0 ? size : MAX_ENTRY_BYTES;
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readNBytes((int) limit);
      if (in.read() != -1) {
        throw new InputException(label + ": inflates to more than the " + limit + " bytes "
            + (size >= 0 ? "its header declares" : "an entry may have") + "; not read further");
      }
      if (size < 0 && bytes.length > RATIO_FLOOR && compressed > 0 && bytes.length / compressed > MAX_RATIO) {
        throw new InputException(label + ": inflates more than " + MAX_RATIO + " times its compressed size; refused");
      }
      return bytes;
    }
  }
}
