package dev.protoshift.compat.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Inclusive number ranges (reserved and extension ranges) and what one list lost of another. */
final class TagRanges {

  static final int MESSAGE_MAX = 536_870_911;
  static final int MESSAGE_SET_MAX = Integer.MAX_VALUE - 1;
  static final int ENUM_MAX = Integer.MAX_VALUE;

  /** An inclusive range. */
  record Range(int start, int end) {}

  private TagRanges() {}

  /** The parts of {@code range} that no range of {@code ranges} covers, in order. */
  static List<Range> missing(Range range, List<Range> ranges) {
    List<Range> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingInt(Range::start).thenComparingInt(Range::end));
    List<Range> missing = new ArrayList<>();
    long next = range.start();
    for (Range r : sorted) {
      if (next > range.end()) {
        break;
      }
      if (r.end() < next) {
        continue;
      }
      if (r.start() > next) {
        missing.add(new Range((int) next, (int) Math.min(range.end(), (long) r.start() - 1)));
      }
      next = Math.max(next, (long) r.end() + 1);
    }
    if (next <= range.end()) {
      missing.add(new Range((int) next, range.end()));
    }
    return missing;
  }

  /** buf's notation: {@code [5]}, {@code [5,9]}, {@code [100,max]}. */
  static String text(Range r, int max) {
    if (r.start() == r.end()) {
      return "[" + r.start() + "]";
    }
    return "[" + r.start() + "," + (r.end() == max ? "max" : Integer.toString(r.end())) + "]";
  }

  /** Reports each range of {@code before} that {@code after} no longer covers in full. */
  static void check(List<Range> before, List<Range> after, int max, String rangeKind, String elementKind,
      String elementName, Location current, Location previous, Reporter out) {
    for (Range range : before) {
      List<Range> lost = missing(range, after);
      if (!lost.isEmpty()) {
        out.report(current, previous, "Previously present " + rangeKind + " range " + Text.quote(text(range, max))
            + " on " + elementKind + " " + Text.quote(elementName) + " is missing values: "
            + String.join(", ", lost.stream().map(r -> text(r, max)).toList()) + " were removed.");
      }
    }
  }
}
