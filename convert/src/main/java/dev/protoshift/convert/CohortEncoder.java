package dev.protoshift.convert;

import com.google.protobuf.Message;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A game state, converted once per view and encoded once per {@link Cohort} (protocol × view):
 * what a server sends each tick, for any schema. Every member of a cohort gets the same bytes,
 * or, with a {@link RecipientSplicer}, its own bytes assembled from pieces encoded once.
 *
 * <pre>{@code
 * CohortEncoder<Arena> frames = CohortEncoder.builder(codec, arena -> ArenaMessage.newBuilder().setState(arena.toProto()))
 *     .build();
 * Map<Cohort, CohortFrame> tick = frames.encodeAll(arena, roomCohorts); // once per tick
 * byte[] toAlice = tick.get(aliceCohort).forRecipient("alice");
 * }</pre>
 *
 * <p>Immutable and thread-safe if the mappings, the chain and the codecs are.
 *
 * @param <S> the game's state type
 */
public final class CohortEncoder<S> implements StateEncoder<S> {

  private final MessageCodec<?> codec;
  private final BiFunction<? super S, Cohort, Message> convertFor;
  private final RecipientSplicer splicer;
  private final PerRecipient<S> perRecipient;

  /** Converts a member's own message for a cohort (the per-connection path). */
  @FunctionalInterface
  private interface PerRecipient<S> {
    Message convert(S state, String recipientId, Cohort cohort);
  }

  private <B extends Message.Builder> CohortEncoder(Builder<S, B> b) {
    this.codec = b.codec;
    VersionChain<B> chain = b.codec.chain();
    Function<? super S, B> toMessage = b.toMessage;
    this.convertFor = (state, cohort) -> chain.downgrade(toMessage.apply(state), cohort.view()).build();
    this.splicer = b.splicer;
    BiFunction<? super S, String, B> toMessageFor = b.toMessageFor;
    this.perRecipient = toMessageFor == null ? null
        : (state, id, cohort) -> chain.downgrade(toMessageFor.apply(state, id), cohort.view()).build();
  }

  /**
   * Starts an encoder.
   *
   * @param codec the chain that converts for each view and the JSON codec
   * @param toMessage the state as a new builder of the chain's envelope (newest representation),
   *     without any member's own part; called once per view and tick
   */
  public static <S, B extends Message.Builder> Builder<S, B> builder(MessageCodec<B> codec,
      Function<? super S, B> toMessage) {
    return new Builder<>(codec, toMessage);
  }

  /**
   * Converts and encodes {@code state} for one cohort.
   *
   * @throws IllegalArgumentException if the state cannot be expressed for the cohort's view
   */
  public CohortFrame encode(S state, Cohort cohort) {
    return frame(cohort, convertFor.apply(state, cohort));
  }

  /**
   * Like {@link #encode} for several cohorts at once, converting once per view: a protobuf and a
   * JSON cohort with the same view share the conversion.
   *
   * @return a frame for each cohort, in the order given
   */
  @Override
  public Map<Cohort, CohortFrame> encodeAll(S state, Collection<Cohort> cohorts) {
    Map<View, Message> converted = new HashMap<>();
    Map<Cohort, CohortFrame> frames = new LinkedHashMap<>();
    for (Cohort cohort : cohorts) {
      Message message = converted.computeIfAbsent(cohort.view(), v -> convertFor.apply(state, cohort));
      frames.put(cohort, frame(cohort, message));
    }
    return frames;
  }

  /**
   * The per-connection path: converts and encodes one member's own message. Without a
   * per-recipient step this is the shared frame. It gives the bytes {@code encode(state,
   * cohort).forRecipient(recipientId)} gives, at the cost of a conversion and an encoding per
   * member: for tests of a splicer, and for benchmarks.
   *
   * @throws IllegalArgumentException if the state cannot be expressed for the cohort's view
   */
  @Override
  public byte[] encodeForRecipient(S state, Cohort cohort, String recipientId) {
    Message own = perRecipient == null || recipientId == null
        ? convertFor.apply(state, cohort) : perRecipient.convert(state, recipientId, cohort);
    return codec.encodeConverted(own, cohort.protocol());
  }

  private CohortFrame frame(Cohort cohort, Message converted) {
    if (splicer != null) {
      return splicer.splice(cohort, converted, codec.json());
    }
    return CohortFrame.of(cohort, codec.encodeConverted(converted, cohort.protocol()));
  }

  /**
   * Configures a {@link CohortEncoder}.
   *
   * @param <S> the game's state type
   * @param <B> the builder of the chain's envelope
   */
  public static final class Builder<S, B extends Message.Builder> {
    private final MessageCodec<B> codec;
    private final Function<? super S, B> toMessage;
    private RecipientSplicer splicer;
    private BiFunction<? super S, String, B> toMessageFor;

    private Builder(MessageCodec<B> codec, Function<? super S, B> toMessage) {
      this.codec = Objects.requireNonNull(codec, "codec");
      this.toMessage = Objects.requireNonNull(toMessage, "toMessage");
    }

    /**
     * Adds a per-recipient step.
     *
     * @param splicer assembles each member's frame from the cohort's message encoded once
     * @param toMessageFor the state as one member sees it (its own message), which the splicer's
     *     frames must equal byte for byte; used by {@link CohortEncoder#encodeForRecipient}
     */
    public Builder<S, B> perRecipient(RecipientSplicer splicer, BiFunction<? super S, String, B> toMessageFor) {
      this.splicer = Objects.requireNonNull(splicer, "splicer");
      this.toMessageFor = Objects.requireNonNull(toMessageFor, "toMessageFor");
      return this;
    }

    public CohortEncoder<S> build() {
      return new CohortEncoder<>(this);
    }
  }
}
