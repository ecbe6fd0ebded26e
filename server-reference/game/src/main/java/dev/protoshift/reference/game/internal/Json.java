package dev.protoshift.reference.game.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one Jackson configuration of the legacy JSON encoding. */
public final class Json {

  /**
   * Thread-safe. Reading: duplicate keys are an error (a message must not mean two things),
   * nesting is limited to 32 levels (legacy messages are 5 deep), and error locations never
   * repeat the input. Writing: floats in their shortest form that reads back to the same
   * {@code float} (Schubfach), identical on every JDK.
   */
  public static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
      .build();

  private Json() {}

  /** A {@link ByteArrayOutputStream} whose buffer can be read without a copy. */
  public static final class Buffer extends ByteArrayOutputStream {
    public Buffer(int initialSize) {
      super(initialSize);
    }

    /** The internal buffer; valid up to {@link #size()}. */
    public byte[] array() {
      return buf;
    }
  }

  /** A UTF-8 generator writing to {@code out}. */
  public static JsonGenerator generator(Buffer out) {
    try {
      return FACTORY.createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON to memory", e);
    }
  }

  /** Flushes {@code generator} and returns the number of bytes written so far to {@code out}. */
  public static int mark(JsonGenerator generator, Buffer out) throws IOException {
    generator.flush();
    return out.size();
  }
}
