package dev.protoshift.versioning.rollout;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Finds YAML aliases ({@code *name}) where protoshift reads values. The YAML reader underneath
 * does not resolve an alias to its anchor's value: {@code force_disable_rooms: [*t]} would read
 * as a room called {@code t}, not the anchored {@code tournament}. Rather than silently misread,
 * the config refuses aliases (merge keys {@code <<: *base} included) in the {@code protobuf:}
 * and {@code protobuf_ramp:} sections; other sections of a shared file may use them freely.
 */
final class YamlAliases {

  private YamlAliases() {}

  /**
   * Adds a problem for the first alias inside the {@code protobuf:} section (or anywhere, if
   * {@code wholeDocumentIsSection}). Text that is not YAML is left to the parser to report.
   */
  static void refuse(String text, boolean wholeDocumentIsSection, ConfigValues.Problems p) {
    refuse(text, RolloutKey.SECTION, wholeDocumentIsSection, p);
  }

  /** As {@link #refuse(String, boolean, ConfigValues.Problems)}, for the top-level section {@code sectionName}. */
  static void refuse(String text, String sectionName, boolean wholeDocumentIsSection, ConfigValues.Problems p) {
    if (text.indexOf('*') < 0) {
      return; // no alias can be in it
    }
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(RolloutOverrides.MAX_TEXT_CHARS);
    options.setNestingDepthLimit(20);
    Deque<int[]> open = new ArrayDeque<>(); // per open collection: {isMapping, nodes seen}
    int sectionDepth = -1; // how many collections are open at the protobuf section's own level
    String rootKey = null;
    try {
      for (Event e : new Yaml(options).parse(new StringReader(text))) {
        if (e instanceof NodeEvent) {
          int[] parent = open.peek();
          boolean mapKey = parent != null && parent[0] == 1 && parent[1] % 2 == 0;
          boolean section = wholeDocumentIsSection ? !open.isEmpty()
              : sectionDepth > 0 && open.size() >= sectionDepth
                  || open.size() == 1 && !mapKey && parent[0] == 1 && sectionName.equals(rootKey);
          if (e instanceof AliasEvent alias && section) {
            p.add(null, "YAML aliases are not supported in the " + sectionName + " section (*"
                + alias.getAnchor() + " at line " + (e.getStartMark().getLine() + 1) + ", column "
                + (e.getStartMark().getColumn() + 1) + "): write the value out");
            return;
          }
          if (open.size() == 1 && mapKey) {
            rootKey = e instanceof ScalarEvent s ? s.getValue() : null;
          }
          if (parent != null) {
            parent[1]++;
          }
          if (e instanceof CollectionStartEvent) {
            if (section && !wholeDocumentIsSection && sectionDepth < 0) {
              sectionDepth = open.size() + 1;
            }
            open.push(new int[] {e instanceof MappingStartEvent ? 1 : 0, 0});
          }
        } else if (e instanceof CollectionEndEvent) {
          open.pop();
          if (open.size() < sectionDepth) {
            sectionDepth = -1;
          }
        }
      }
    } catch (RuntimeException notYaml) {
      // The YAML parser proper reports it, with its position.
    }
  }
}
