package dev.protoshift.compat;

import java.util.Locale;
import java.util.Optional;

/**
 * buf's breaking-rule categories, from the loosest to the strictest guarantee a rule protects.
 *
 * <p>{@link #FILE} is the default selection (as in buf): it keeps generated code source-compatible
 * file by file. {@link #PACKAGE} allows moving elements between files of a package. {@link
 * #WIRE_JSON} only protects the binary and JSON encodings, {@link #WIRE} only the binary encoding.
 * {@link #CSR} is buf's category for connect-style server reflection clients; it is accepted so
 * that a buf configuration carries over unchanged.
 */
public enum Category {
  FILE,
  PACKAGE,
  WIRE_JSON,
  WIRE,
  CSR;

  /** The category named {@code text} (case-insensitive), if there is one. */
  public static Optional<Category> byName(String text) {
    for (Category c : values()) {
      if (c.name().equals(text.toUpperCase(Locale.ROOT))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
