package dev.protoshift.compat.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Reading a file that the user named: only a regular file (never a device, FIFO or socket, which
 * could be endless or block), and never more than a cap.
 */
public final class RegularFiles {

  private RegularFiles() {}

  /** A file that cannot be read as asked: the message says why, without the file's name. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * Why {@code path} is not a regular file to read, e.g. {@code "is not a regular file (a FIFO)"},
   * or null if it is one (symbolic links followed).
   */
  public static String problem(Path path) {
    if (Files.isRegularFile(path)) {
      return null;
    }
    if (!Files.exists(path)) {
      return "no such file or directory";
    }
    return "is not a regular file (" + kind(path) + ")";
  }

  /** What {@code path} is: a directory, a FIFO, a character or block device, a socket, or a special file. */
  static String kind(Path path) {
    if (Files.isDirectory(path)) {
      return "a directory";
    }
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode");
      return switch (mode & 0170000) {
        case 0010000 -> "a FIFO";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      return "a special file";
    }
  }

  /**
   * Reads a regular file of at most {@code cap} bytes.
   *
   * @throws Refused if it is not a regular file or holds more than {@code cap} bytes
   * @throws IOException if it cannot be read
   */
  public static byte[] read(Path path, long cap) throws Refused, IOException {
    String problem = problem(path);
    if (problem != null) {
      throw new Refused(problem);
    }
    long size = Files.size(path);
    if (size > cap) {
      throw new Refused("is " + size + " bytes, more than the " + cap + " bytes read at most");
    }
    // The size can lie (files under /proc) or change: read no more than the cap either way.
    try (InputStream in = Files.newInputStream(path, LinkOption.values())) {
      byte[] bytes = in.readNBytes((int) Math.min(cap, Integer.MAX_VALUE - 8));
      if (in.read() != -1) {
        throw new Refused("holds more than the " + cap + " bytes read at most");
      }
      return bytes;
    }
  }
}
