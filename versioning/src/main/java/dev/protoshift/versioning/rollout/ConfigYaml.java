package dev.protoshift.versioning.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;

/** Strict, bounded YAML (and so JSON) reading for config text. */
final class ConfigYaml {

  static final ObjectMapper MAPPER = yamlMapper();

  private ConfigYaml() {}

  /** The document's tree, or null after adding a problem (empty, too large, not YAML). */
  static JsonNode readTree(String text, ConfigValues.Problems p) {
    if (text == null || text.isBlank()) {
      p.add(null, "the config is empty");
      return null;
    }
    if (text.length() > RolloutOverrides.MAX_TEXT_CHARS) {
      p.add(null, "the config is larger than " + RolloutOverrides.MAX_TEXT_CHARS + " characters");
      return null;
    }
    try {
      JsonNode root = MAPPER.readTree(text);
      if (root == null || root.isMissingNode()) {
        p.add(null, "the config is empty");
      }
      return root;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      p.add(null, "not valid YAML" + where + ": " + e.getOriginalMessage());
      return null;
    }
  }

  private static ObjectMapper yamlMapper() {
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit(RolloutOverrides.MAX_TEXT_CHARS);
    loader.setMaxAliasesForCollections(20);
    loader.setNestingDepthLimit(20);
    YAMLFactory factory = YAMLFactory.builder()
        .loaderOptions(loader)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        // Only true/false are booleans (no YAML 1.1 yes/no/on/off: a room called "no" stays a string),
        // and an empty value is null (no value), as YAML means it.
        .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
        .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
        .build();
    return new ObjectMapper(factory).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }
}
