package dev.protoshift.convert.internal;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import dev.protoshift.convert.DecodeException;
import java.io.IOException;

/**
 * ProtoJson's machinery: one Jackson factory, the per-type plans, a writer and a reader, all
 * configured by {@link JsonSettings}. Thread-safe.
 */
public final class JsonEngine {

  private final JsonFactory factory;
  private final MessagePlans plans;
  private final JsonMessageWriter writer;
  private final JsonMessageReader reader;

  public JsonEngine(JsonSettings settings) {
    this.factory = JsonFactory.builder()
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
        // Characters beyond the BMP (emoji) as 4 UTF-8 bytes rather than two \\u escapes; an unpaired
        // surrogate (which has no UTF-8 form) is still written as an escape.
        .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
        // Hostile keys must not fill the JVM's string table; they are still canonicalized per parser.
        .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
        // Jackson's own messages quote at most this much of the input.
        .errorReportConfiguration(ErrorReportConfiguration.builder()
            .maxErrorTokenLength(DecodeException.MAX_ECHO).maxRawContentLength(DecodeException.MAX_ECHO).build())
        .build();
    this.plans = new MessagePlans(settings);
    this.writer = new JsonMessageWriter(settings);
    this.reader = new JsonMessageReader(settings);
  }

  /** See {@code ProtoJson.write}. */
  public byte[] write(MessageOrBuilder message) {
    MessagePlan plan = plans.of(message.getDescriptorForType());
    ByteArrayBuilder out = new ByteArrayBuilder(512);
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      writer.message(g, message, plan);
    } catch (WriteFailure e) {
      throw e.toIllegalArgument(plan.typeName());
    } catch (IOException e) {
      // The output is memory and every value has been checked: an IOException here is a bug.
      throw new IllegalStateException("writing " + plan.typeName() + " to memory failed", e);
    }
    return out.toByteArray();
  }

  /** See {@code ProtoJson.read}. */
  public void read(byte[] utf8, Message.Builder builder) throws DecodeException {
    MessagePlan plan = plans.of(builder.getDescriptorForType());
    try (JsonParser p = factory.createParser(utf8)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw DecodeException.malformed("empty frame: expected a JSON object (" + plan.typeName() + ")", null);
      }
      if (plan.wellKnown == WellKnown.NONE && first != JsonToken.START_OBJECT) {
        throw DecodeException.malformed("expected a JSON object (" + plan.typeName() + "), was "
            + ReadFailure.shown(p, first), null);
      }
      // The binary form is usually smaller than the JSON; the buffer grows if it is not.
      WireBuffer out = new WireBuffer(Math.min(utf8.length, 1 << 16));
      reader.fields(p, first, plan, out, 0);
      JsonToken after = p.nextToken();
      if (after != null) {
        throw DecodeException.malformed("trailing content after the JSON value: " + ReadFailure.shown(p, after)
            + " at " + where(p.currentTokenLocation()), null);
      }
      out.mergeInto(builder);
    } catch (ReadFailure e) {
      throw e.toDecodeException();
    } catch (JsonProcessingException e) {
      throw DecodeException.malformed("not JSON: " + e.getOriginalMessage() + ", at " + where(e.getLocation()), e);
    } catch (IOException e) {
      throw DecodeException.malformed("not JSON: " + e.getMessage(), e);
    }
  }

  private static String where(JsonLocation location) {
    return location == null ? "an unknown position"
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
