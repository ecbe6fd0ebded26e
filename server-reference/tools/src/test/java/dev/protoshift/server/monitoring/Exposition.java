package dev.protoshift.server.monitoring;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series names in a Prometheus text exposition (format 0.0.4) and the label names each
 * carries, as a scrape shows them: histograms as {@code _bucket} (with {@code le}), {@code _count}
 * and {@code _sum}; counters with {@code _total}.
 */
final class Exposition {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+\\S+(\\s+\\S+)?$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private Exposition() {}

  /**
   * Every series name of {@code text} with the union of the label names of its samples.
   *
   * @throws IllegalArgumentException naming the line if a sample line cannot be read
   */
  static Map<String, Set<String>> labelsByName(String text) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException("not a sample line: " + line);
      }
      Set<String> labels = out.computeIfAbsent(m.group(1), k -> new TreeSet<>());
      if (m.group(3) != null) {
        Matcher l = LABEL.matcher(m.group(3));
        while (l.find()) {
          labels.add(l.group(1));
        }
      }
    }
    return out;
  }
}
