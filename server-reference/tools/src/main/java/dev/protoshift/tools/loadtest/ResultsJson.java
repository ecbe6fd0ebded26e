package dev.protoshift.tools.loadtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes {@link LoadResults} files. Reading is strict: every field must be present
 * (with {@code null} where allowed), values are validated, and an error names the file, the
 * JSON path and what was wrong. Fields a newer tool adds are ignored.
 */
public final class ResultsJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private ResultsJson() {}

  /**
   * Writes results as indented JSON, replacing the file.
   *
   * @throws IOException if the file cannot be written
   */
  public static void write(LoadResults results, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, toJson(results));
  }

  /** The results as indented JSON text. */
  public static String toJson(LoadResults results) {
    try {
      return MAPPER.writeValueAsString(results) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("results cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a results file.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the file and what was wrong if it is not a valid
   *     results file
   */
  public static LoadResults read(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IOException("results file " + file + " does not exist", e);
    }
    try {
      return fromJson(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses results from JSON text.
   *
   * @throws IllegalArgumentException naming the JSON path and what was wrong
   */
  public static LoadResults fromJson(String text) {
    try {
      LoadResults results = MAPPER.readValue(text, LoadResults.class);
      if (results == null) {
        throw new IllegalArgumentException("not a results file: the JSON is null");
      }
      return results;
    } catch (JsonMappingException e) {
      Throwable cause = rootCause(e);
      String what = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
          ? cause.getMessage() : e.getOriginalMessage();
      String path = e.getPathReference() == null ? "" : " at " + jsonPath(e);
      throw new IllegalArgumentException("not a valid results file" + path + ": " + what, e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage(), e);
    }
  }

  private static String jsonPath(JsonMappingException e) {
    StringBuilder sb = new StringBuilder("$");
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        sb.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }
}
