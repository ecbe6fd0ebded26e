package dev.protoshift.versioning.rollout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the repository's docs/ pages from tests, so documented tables are checked against the code. */
final class DocsPages {

  private DocsPages() {}

  static Path page(String name) {
    Path module = Path.of("").toAbsolutePath();
    for (Path dir = module; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("docs/" + name + " not found above " + module);
  }

  static String read(String name) {
    try {
      return Files.readString(page(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cells of the table rows between {@code <!-- marker:begin -->} and {@code <!-- marker:end -->}, header excluded. */
  static List<List<String>> table(String name, String marker) {
    String text = read(name);
    int begin = text.indexOf("<!-- " + marker + ":begin -->");
    int end = text.indexOf("<!-- " + marker + ":end -->");
    if (begin < 0 || end < begin) {
      throw new IllegalStateException("docs/" + name + " has no " + marker + " block");
    }
    List<List<String>> rows = new ArrayList<>();
    String[] lines = text.substring(begin, end).split("\n");
    for (String line : lines) {
      if (!line.startsWith("|") || line.startsWith("|---")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : line.substring(1, line.length() - 1).split(" \\| ")) {
        cells.add(cell.trim());
      }
      rows.add(cells);
    }
    return rows.subList(1, rows.size());
  }

  /** A cell's content without its backticks; {@code (empty)} is the empty string. */
  static String code(String cell) {
    if (cell.equals("(empty)")) {
      return "";
    }
    if (cell.length() < 2 || !cell.startsWith("`") || !cell.endsWith("`")) {
      throw new IllegalArgumentException("expected a `code` cell, was " + cell);
    }
    return cell.substring(1, cell.length() - 1);
  }
}
