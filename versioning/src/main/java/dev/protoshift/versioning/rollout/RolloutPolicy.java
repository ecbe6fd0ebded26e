package dev.protoshift.versioning.rollout;

import dev.protoshift.versioning.DecisionReason;
import dev.protoshift.versioning.ProtocolGate;
import dev.protoshift.versioning.RolloutDecision;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The rollout decision: which protocol a connection gets under a config, and why. A pure
 * function of its arguments; the first rule that applies wins:
 *
 * <ol>
 *   <li>room in {@code force_disable_rooms}: JSON, {@code forced_off};
 *   <li>room in {@code force_enable_rooms} and the client declared protobuf support (at or above
 *       {@code min_client_version}): protobuf, {@code forced_on}, even with {@code enabled: false};
 *   <li>{@code enabled: false}: JSON, {@code kill_switch};
 *   <li>client did not declare protobuf support: JSON, {@code no_client_support};
 *   <li>client version below {@code min_client_version}: JSON, {@code client_too_old};
 *   <li>the {@code bucket_by} id is missing: JSON, {@code missing_bucket_key};
 *   <li>bucket ({@link RolloutHash}) below the percentage: protobuf, {@code in_rollout}; else
 *       JSON, {@code out_of_rollout}.
 * </ol>
 */
public final class RolloutPolicy {

  private RolloutPolicy() {}

  /** The decision for one connection. */
  public static RolloutDecision decide(RolloutConfig config, RolloutContext context) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(context, "context");
    String room = context.roomId();
    if (config.forceDisableRooms().contains(room)) {
      return RolloutDecision.of(DecisionReason.FORCED_OFF);
    }
    boolean tooOld = isTooOld(config, context);
    if (context.protobufSupported() && !tooOld && config.forceEnableRooms().contains(room)) {
      return RolloutDecision.of(DecisionReason.FORCED_ON);
    }
    if (!config.enabled()) {
      return RolloutDecision.of(DecisionReason.KILL_SWITCH);
    }
    if (!context.protobufSupported()) {
      return RolloutDecision.of(DecisionReason.NO_CLIENT_SUPPORT);
    }
    if (tooOld) {
      return RolloutDecision.of(DecisionReason.CLIENT_TOO_OLD);
    }
    OptionalInt bucket = bucket(config, context);
    if (bucket.isEmpty()) {
      return RolloutDecision.of(DecisionReason.MISSING_BUCKET_KEY);
    }
    return RolloutDecision.of(RolloutHash.inRollout(bucket.getAsInt(), config.rolloutBasisPoints())
        ? DecisionReason.IN_ROLLOUT : DecisionReason.OUT_OF_ROLLOUT);
  }

  /**
   * The connection's bucket (0..9999) under the config's {@code bucket_by} and {@code salt}, or
   * empty if the id to bucket by is missing or empty.
   */
  public static OptionalInt bucket(RolloutConfig config, RolloutContext context) {
    String key = switch (config.bucketBy()) {
      case ROOM -> context.roomId();
      case PLAYER -> context.playerId().orElse("");
      case CONNECTION -> context.connectionId();
    };
    return key.isEmpty() ? OptionalInt.empty() : OptionalInt.of(RolloutHash.bucket(config.salt(), key));
  }

  /**
   * A {@link ProtocolGate} for a {@link dev.protoshift.versioning.Negotiator} that applies this
   * policy to the config current at the time of the handshake.
   *
   * @param config where the current config comes from, e.g. {@code holder::current}
   * @param context builds the connection's context from what the client offered
   */
  public static ProtocolGate gate(Supplier<RolloutConfig> config,
      Function<dev.protoshift.versioning.ClientCapabilities, RolloutContext> context) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(context, "context");
    return client -> decide(config.get(), context.apply(client));
  }

  private static boolean isTooOld(RolloutConfig config, RolloutContext context) {
    return config.minClientVersion()
        .map(min -> context.clientVersion().map(v -> v.isOlderThan(min)).orElse(true))
        .orElse(false);
  }
}
