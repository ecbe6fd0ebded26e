package dev.protoshift.versioning;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The JSON of the handshake messages: bounded, strict reading and stable field order when writing. */
final class HandshakeJson {

  /** Deepest nesting a handshake frame may have. */
  static final int MAX_DEPTH = 8;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxNumberLength(64)
          .maxStringLength(64 * 1024)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private HandshakeJson() {}

  /**
   * The value of the top-level {@code "type"} field if {@code frame} starts as a JSON object that
   * has a string {@code type}; reads only as far as that field. Never throws.
   */
  static Optional<String> peekType(String frame) {
    try (JsonParser p = FACTORY.createParser(frame)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("type".equals(name)) {
          return value == JsonToken.VALUE_STRING ? Optional.of(p.getText()) : Optional.empty();
        }
        p.skipChildren();
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads a whole frame as one JSON object.
   *
   * @throws IllegalArgumentException with Jackson's description if it is not one valid JSON object
   */
  static ObjectNode readObject(String frame) {
    JsonNode node;
    try {
      node = MAPPER.readTree(frame);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return (ObjectNode) node;
  }

  static ObjectNode newObject() {
    return MAPPER.createObjectNode();
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String helloAck(Agreement a) {
    ObjectNode out = newObject().put("type", "hello_ack").put("protocol", a.protocol().code());
    a.version().ifPresent(v -> out.put("version", v.toString()));
    ArrayNode features = out.putArray("features");
    a.features().forEach(features::add);
    out.put("reason", a.decision().reason().code());
    return write(out);
  }

  static String helloReject(Rejection r) {
    ObjectNode out = newObject().put("type", "hello_reject").put("reason", r.reason().code())
        .put("message", r.detail());
    out.putObject("supported")
        .put("oldest", r.supported().oldest().toString())
        .put("current", r.supported().current().toString());
    return write(out);
  }

  /** The UTF-8 length of {@code s}, or {@code limit + 1} as soon as it exceeds {@code limit}. */
  static int utf8Length(String s, int limit) {
    int bytes = 0;
    for (int i = 0; i < s.length() && bytes <= limit; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return Math.min(bytes, limit + 1);
  }
}
