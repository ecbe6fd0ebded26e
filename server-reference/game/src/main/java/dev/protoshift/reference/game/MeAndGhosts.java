package dev.protoshift.reference.game;

import com.google.protobuf.Message;
import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.JsonCodec;
import dev.protoshift.convert.RecipientSplicer;
import dev.protoshift.proto.game.WsEnvelope;

/**
 * The reference game's per-recipient step: {@code StateUpdate.me} is the recipient's own ghost and
 * {@code ghosts} the others, so each player's message differs. The state is encoded once per
 * cohort with every ghost in {@code ghosts}, in pieces, and each player's frame ({@link
 * GhostsFrame}) is assembled by copying them: protobuf by byte offsets, legacy JSON by text
 * offsets (so JSON cohorts need the {@link LegacyJson} codec). Stateless and thread-safe.
 */
public final class MeAndGhosts implements RecipientSplicer {

  /** The splicer. */
  public static final MeAndGhosts SPLICER = new MeAndGhosts();

  private MeAndGhosts() {}

  /**
   * @throws IllegalArgumentException if {@code converted} is not a {@code WsEnvelope} with a state
   *     update, or a JSON cohort's codec is not {@link LegacyJson}
   */
  @Override
  public GhostsFrame splice(Cohort cohort, Message converted, JsonCodec json) {
    if (!(converted instanceof WsEnvelope envelope) || !envelope.hasStateUpdate()) {
      throw new IllegalArgumentException("MeAndGhosts splices a WsEnvelope with a state_update, not "
          + converted.getDescriptorForType().getFullName());
    }
    if (cohort.protocol().isBinary()) {
      return ProtoCohortFrame.of(cohort, envelope.getStateUpdate());
    }
    if (json != LegacyJson.CODEC) {
      throw new IllegalArgumentException("MeAndGhosts splices the legacy JSON's text; the codec is " + json);
    }
    return JsonCohortFrame.of(cohort, envelope.getStateUpdate());
  }
}
