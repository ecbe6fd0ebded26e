package dev.protoshift.reference.game;

import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.convert.JsonCodec;
import dev.protoshift.proto.game.WsEnvelope;
import dev.protoshift.reference.game.internal.LegacyJsonReader;
import dev.protoshift.reference.game.internal.LegacyJsonWriter;

/**
 * The reference game's JSON: the hand-written legacy codec its JSON clients have always spoken
 * (golden files in the tests, docs/protocol.md), plugged into protoshift as a {@link JsonCodec}.
 * It knows one message type, {@code WsEnvelope}. Stateless and thread-safe.
 */
public final class LegacyJson implements JsonCodec {

  /** The codec. */
  public static final LegacyJson CODEC = new LegacyJson();

  private LegacyJson() {}

  /** @throws IllegalArgumentException if {@code message} is not a {@code WsEnvelope} (or its builder) */
  @Override
  public byte[] write(MessageOrBuilder message) {
    if (message instanceof WsEnvelope envelope) {
      return LegacyJsonWriter.encode(envelope);
    }
    if (message instanceof WsEnvelope.Builder builder) {
      return LegacyJsonWriter.encode(builder.build());
    }
    throw new IllegalArgumentException("the legacy JSON codec writes WsEnvelope only, not "
        + message.getDescriptorForType().getFullName());
  }

  /** @throws IllegalArgumentException if {@code builder} is not a {@code WsEnvelope.Builder} */
  @Override
  public void read(byte[] utf8, Message.Builder builder) throws DecodeException {
    if (!(builder instanceof WsEnvelope.Builder envelope)) {
      throw new IllegalArgumentException("the legacy JSON codec reads WsEnvelope only, not "
          + builder.getDescriptorForType().getFullName());
    }
    envelope.mergeFrom(LegacyJsonReader.read(utf8).buildPartial());
  }
}
