package dev.protoshift.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.protoshift.compat.internal.RegularFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link CompatConfig} from YAML whose {@code breaking} section reads like buf's, so a
 * {@code buf.yaml} (v1 or v2) works as it is:
 *
 * <pre>{@code
 * version: v2
 * breaking:
 *   use: [FILE]
 *   except: [FIELD_SAME_NAME]
 *   ignore: [proto/legacy]
 *   ignore_only:
 *     FIELD_SAME_TYPE: [proto/game/old.proto]
 *   ignore_unstable_packages: true
 * semver:                       # protoshift's own section
 *   zero_major_anything_goes: false
 * }</pre>
 *
 * <p>Other top-level sections of a buf.yaml ({@code lint}, {@code deps}, {@code modules}, ...)
 * are skipped; an unknown key inside {@code breaking} or {@code semver} is an error, so a typo
 * never silently turns a check off.
 */
public final class ConfigFile {

  private static final Set<String> BREAKING_KEYS = Set.of("use", "except", "ignore", "ignore_only",
      "ignore_unstable_packages", "disable_builtin");
  private static final Set<String> SEMVER_KEYS = Set.of("zero_major_anything_goes");

  private ConfigFile() {}

  /**
   * Loads a configuration file.
   *
   * @throws IllegalArgumentException naming the file if it is not a regular file (a FIFO, a device,
   *     a directory) or holds more than 1 MiB, and naming the file and the key if the YAML is
   *     malformed, a key is unknown, a value has the wrong shape, or a rule id or category does not
   *     exist
   * @throws IOException if the file cannot be read
   */
  public static CompatConfig load(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = RegularFiles.read(file, MAX_BYTES);
    } catch (RegularFiles.Refused e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    return parse(new String(bytes, StandardCharsets.UTF_8), file.toString());
  }

  /** The largest config file read: 1 MiB, far beyond any real one. */
  static final long MAX_BYTES = 1L << 20;

  /**
   * Parses YAML text; {@code source} names it in errors.
   *
   * @throws IllegalArgumentException as {@link #load}
   */
  public static CompatConfig parse(String yaml, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage());
    }
    CompatConfig config = CompatConfig.defaults();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return config;
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException(source + ": expected a mapping at the top level");
    }
    JsonNode breaking = root.path("breaking");
    List<String> use = config.use();
    List<String> except = List.of();
    List<String> ignore = List.of();
    Map<String, List<String>> ignoreOnly = Map.of();
    boolean unstable = false;
    if (!breaking.isMissingNode() && !breaking.isNull()) {
      requireKeys(breaking, BREAKING_KEYS, source, "breaking");
      if (breaking.has("use")) {
        use = strings(breaking.get("use"), source, "breaking.use");
      }
      except = strings(breaking.path("except"), source, "breaking.except");
      ignore = strings(breaking.path("ignore"), source, "breaking.ignore");
      ignoreOnly = new LinkedHashMap<>();
      JsonNode only = breaking.path("ignore_only");
      if (!only.isMissingNode() && !only.isNull()) {
        if (!only.isObject()) {
          throw new IllegalArgumentException(source + ": breaking.ignore_only must map rule ids to paths");
        }
        for (Map.Entry<String, JsonNode> entry : only.properties()) {
          ignoreOnly.put(entry.getKey(), strings(entry.getValue(), source, "breaking.ignore_only." + entry.getKey()));
        }
      }
      unstable = bool(breaking.path("ignore_unstable_packages"), source, "breaking.ignore_unstable_packages");
    }
    boolean zeroMajor = false;
    JsonNode semver = root.path("semver");
    if (!semver.isMissingNode() && !semver.isNull()) {
      requireKeys(semver, SEMVER_KEYS, source, "semver");
      zeroMajor = bool(semver.path("zero_major_anything_goes"), source, "semver.zero_major_anything_goes");
    }
    try {
      return new CompatConfig(use, except, ignore, ignoreOnly, unstable, zeroMajor);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static void requireKeys(JsonNode node, Set<String> known, String source, String section) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(source + ": " + section + " must be a mapping");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw new IllegalArgumentException(source + ": unknown key " + section + "." + key + " (known: "
            + new java.util.TreeSet<>(known) + ")");
      }
    }
  }

  private static List<String> strings(JsonNode node, String source, String key) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(source + ": " + key + " must be a list, was " + node);
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw new IllegalArgumentException(source + ": " + key + " must list strings, found " + item);
      }
      values.add(item.asText());
    }
    return values;
  }

  private static boolean bool(JsonNode node, String source, String key) {
    if (node.isMissingNode() || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw new IllegalArgumentException(source + ": " + key + " must be true or false, was " + node);
    }
    return node.asBoolean();
  }
}
