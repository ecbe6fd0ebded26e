package dev.protoshift.compat.internal;

import dev.protoshift.compat.DescriptorImage;
import java.util.HashSet;
import java.util.Set;

/**
 * The fast path of a check: which element pairs the rules can skip because nothing they read
 * differs between the two sides.
 *
 * <p>A rule reads the two elements of a pair and what they contain, which all lies in the
 * elements' own files, with one exception: a field reads the message or enum its type names (a map
 * entry makes the field a map; an enum's first value is the field's default), and that type may
 * lie in another file. So a pair is skipped when both elements come from one file path whose
 * descriptor is the same on both sides ({@link DescriptorImage#sameFile}), and, for a field, when
 * its type resolves on both sides to an element of one such unchanged file. Rules over whole
 * schemas (deleted files, the PACKAGE rules, which gather names across files) always run.
 *
 * <p>The law this relies on, that no rule reports a pair of identical elements, and the result,
 * that the fast path finds exactly what the full path finds, are tested by {@code UnchangedTest}
 * over random edits of random multi-file schemas.
 */
final class Unchanged {

  /** The full path: nothing is skipped. */
  static final Unchanged NONE = new Unchanged(Set.of(), null, null);

  private final Set<String> same;
  private final Schema previous;
  private final Schema current;

  private Unchanged(Set<String> same, Schema previous, Schema current) {
    this.same = same;
    this.previous = previous;
    this.current = current;
  }

  /** The files (checked or not) whose descriptor, source info included, is the same on both sides. */
  static Unchanged of(DescriptorImage previousImage, DescriptorImage currentImage, Schema previous, Schema current) {
    Set<String> names = new HashSet<>();
    for (var file : previousImage.files().getFileList()) {
      names.add(file.getName());
    }
    Set<String> same = new HashSet<>();
    for (var file : currentImage.files().getFileList()) {
      if (names.contains(file.getName()) && previousImage.sameFile(file.getName(), currentImage)) {
        same.add(file.getName());
      }
    }
    return new Unchanged(same, previous, current);
  }

  /** True if {@code path} is the same file on both sides. */
  boolean file(String path) {
    return same.contains(path);
  }

  /** True if both elements lie in one file path that is the same on both sides. */
  boolean files(FileElement p, FileElement c) {
    return p.path.equals(c.path) && same.contains(p.path);
  }

  /**
   * True if the rules can skip this pair of fields: one unchanged file, and their type (the same
   * name, as the files are the same) resolves on both sides to elements of one unchanged file, or to
   * nothing on both.
   */
  boolean fields(FieldElement p, FieldElement c) {
    if (!files(p.file, c.file)) {
      return false;
    }
    String type = p.typeName();
    if (type.isEmpty()) {
      return true;
    }
    MessageElement messageBefore = previous.message(type);
    MessageElement messageAfter = current.message(type);
    EnumElement enumBefore = previous.anyEnum(type);
    EnumElement enumAfter = current.anyEnum(type);
    return samePlace(messageBefore == null ? null : messageBefore.file, messageAfter == null ? null : messageAfter.file)
        && samePlace(enumBefore == null ? null : enumBefore.file, enumAfter == null ? null : enumAfter.file);
  }

  private boolean samePlace(FileElement before, FileElement after) {
    if (before == null || after == null) {
      return before == after;
    }
    return files(before, after);
  }
}
