package dev.protoshift.convert;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.protoshift.versioning.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One message at a time, in both directions, for any schema: converts it for a client's {@link
 * Cohort} with the {@link VersionChain} and encodes it in the cohort's protocol (protobuf bytes,
 * or JSON text through a {@link JsonCodec}); and decodes what a client sent and upgrades it to
 * the newest representation.
 *
 * <pre>{@code
 * MessageCodec<ArenaMessage.Builder> codec = MessageCodec.of(chain, ArenaMessage::newBuilder, ProtoJson.create());
 * byte[] error = codec.encode(ArenaMessage.newBuilder().setError(...), cohort);
 * ArenaMessage.Builder input = codec.decode(frame, cohort); // throws DecodeException
 * }</pre>
 *
 * <p>For the per-tick state, which many members share, use a {@link CohortEncoder}. Immutable and
 * thread-safe if the chain and codec are.
 *
 * @param <B> the builder of the envelope message the chain works on
 */
public final class MessageCodec<B extends Message.Builder> {

  private final VersionChain<B> chain;
  private final Supplier<B> newBuilder;
  private final JsonCodec json;

  private MessageCodec(VersionChain<B> chain, Supplier<B> newBuilder, JsonCodec json) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.newBuilder = Objects.requireNonNull(newBuilder, "newBuilder");
    this.json = Objects.requireNonNull(json, "json");
  }

  /**
   * A codec for the chain's envelope.
   *
   * @param newBuilder makes an empty builder of the envelope, e.g. {@code ArenaMessage::newBuilder}
   * @param json how JSON clients' frames are written and read
   */
  public static <B extends Message.Builder> MessageCodec<B> of(VersionChain<B> chain, Supplier<B> newBuilder,
      JsonCodec json) {
    return new MessageCodec<>(chain, newBuilder, json);
  }

  public VersionChain<B> chain() {
    return chain;
  }

  public JsonCodec json() {
    return json;
  }

  /** An empty builder of the envelope. */
  public B newBuilder() {
    return newBuilder.get();
  }

  /**
   * Converts {@code message} (newest representation; it may be modified) for the cohort's view
   * and encodes it in the cohort's protocol: protobuf bytes, or the JSON text's UTF-8 bytes.
   *
   * @throws IllegalArgumentException if the message has no representation for the cohort's view
   *     (a version change says so), or the JSON codec cannot write it
   */
  public byte[] encode(B message, Cohort cohort) {
    return encodeConverted(chain.downgrade(message, cohort.view()).build(), cohort.protocol());
  }

  /** Encodes an already converted message in {@code protocol}. */
  byte[] encodeConverted(Message converted, Protocol protocol) {
    return protocol.isBinary() ? converted.toByteArray() : json.write(converted);
  }

  /**
   * Decodes a frame a client of {@code cohort} sent (a binary frame's bytes for protobuf, a text
   * frame's UTF-8 bytes for JSON) and upgrades it to the newest representation.
   *
   * @throws DecodeException if the bytes are not a message of the envelope in that protocol, or a
   *     version change cannot upgrade a value
   */
  public B decode(byte[] frame, Cohort cohort) throws DecodeException {
    return chain.upgrade(parse(frame, cohort.protocol()), cohort.view());
  }

  /**
   * Reads a frame in {@code protocol} as it is, without upgrading it: e.g. to look at which
   * message a client sent before converting it ({@link VersionChain#upgrade} does the rest).
   *
   * @throws DecodeException if the bytes are not a message of the envelope in that protocol
   */
  public B parse(byte[] frame, Protocol protocol) throws DecodeException {
    Objects.requireNonNull(frame, "frame");
    B builder = newBuilder.get();
    if (protocol.isBinary()) {
      try {
        builder.mergeFrom(frame);
      } catch (InvalidProtocolBufferException e) {
        throw DecodeException.malformed("not a protobuf " + builder.getDescriptorForType().getFullName() + ": "
            + e.getMessage(), e);
      }
    } else {
      json.read(frame, builder);
    }
    return builder;
  }

  /** Like {@link #decode(byte[], Cohort)} for a JSON client's text frame. */
  public B decode(String text, Cohort cohort) throws DecodeException {
    return decode(text.getBytes(StandardCharsets.UTF_8), cohort);
  }
}
