package dev.protoshift.operations.readiness;

import dev.protoshift.versioning.DecisionReason;
import java.util.Arrays;
import java.util.Locale;

/**
 * Why a connection's share of a window counts for or against removing JSON. A JSON connection's
 * reason, as the readiness report counts it, is its decision reason, except that a client that
 * did not offer protobuf is counted as {@code no_client_support} whatever the rollout said (with
 * the kill switch on the policy names {@code kill_switch} first, but such a client could not have
 * had protobuf anyway).
 */
public enum Category {
  /** Served protobuf ({@code in_rollout}, {@code forced_on}). */
  PROTOBUF,
  /** Served JSON because of the rollout config, to a client that offered protobuf ({@code kill_switch},
   * {@code out_of_rollout}, {@code forced_off}, {@code missing_bucket_key}). */
  CONFIG,
  /** Served JSON because the client cannot take protobuf ({@code no_client_support}) or is below
   * {@code min_client_version} ({@code client_too_old}). */
  CLIENT,
  /** Served JSON after its protobuf frames kept failing to decode ({@code decode_errors}). */
  DOWNGRADE;

  /** {@code protobuf}, {@code config}, {@code client}, {@code downgrade}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The reason a connection is counted under (see the class comment).
   *
   * @param protocol {@code json} or {@code protobuf}
   * @param decisionReason its decision reason's code
   * @param protobufOffered whether the client offered protobuf
   */
  public static String reason(String protocol, String decisionReason, boolean protobufOffered) {
    if (!protocol.equals("protobuf") && !protobufOffered) {
      return DecisionReason.NO_CLIENT_SUPPORT.code();
    }
    return decisionReason;
  }

  /**
   * The category of a counted reason; an unknown JSON reason is {@link #CONFIG} (it blocks, and shows).
   *
   * @param protocol {@code json} or {@code protobuf}
   * @param reason a reason from {@link #reason}
   */
  public static Category of(String protocol, String reason) {
    if (protocol.equals("protobuf")) {
      return PROTOBUF;
    }
    DecisionReason r = Arrays.stream(DecisionReason.values()).filter(d -> d.code().equals(reason)).findFirst()
        .orElse(null);
    if (r == null) {
      return CONFIG;
    }
    return switch (r) {
      case NO_CLIENT_SUPPORT, CLIENT_TOO_OLD -> CLIENT;
      case DECODE_ERRORS -> DOWNGRADE;
      default -> CONFIG;
    };
  }
}
