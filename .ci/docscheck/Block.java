package docscheck;

import java.util.List;
import java.util.Optional;

/**
 * A fenced shell block of a page: where it starts, its lines (indentation of a list item removed)
 * and the markers written above it.
 *
 * @param page the page, relative to the repository root (e.g. {@code docs/metrics.md})
 * @param fenceLine the 1-based line of the opening fence
 * @param lines the block's content, one entry per line; line i is page line fenceLine + 1 + i
 */
record Block(String page, int fenceLine, List<String> lines, List<Marker> markers) {

  Block {
    lines = List.copyOf(lines);
    markers = List.copyOf(markers);
  }

  /** {@code page:line} of the opening fence, as reported. */
  String location() {
    return page + ":" + fenceLine;
  }

  /** The page line of content line {@code index} (0-based). */
  int pageLine(int index) {
    return fenceLine + 1 + index;
  }

  Optional<String> skipReason() {
    return markers.stream().filter(Marker.Skip.class::isInstance).map(m -> ((Marker.Skip) m).reason()).findFirst();
  }

  Optional<Marker.Background> background() {
    return markers.stream().filter(Marker.Background.class::isInstance).map(Marker.Background.class::cast).findFirst();
  }

  Optional<String> neededTool() {
    return markers.stream().filter(Marker.Needs.class::isInstance).map(m -> ((Marker.Needs) m).tool()).findFirst();
  }

  List<Marker.Env> env() {
    return markers.stream().filter(Marker.Env.class::isInstance).map(Marker.Env.class::cast).toList();
  }
}
