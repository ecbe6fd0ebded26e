package dev.protoshift.versioning.rollout;

import dev.protoshift.versioning.ClientCapabilities;
import dev.protoshift.versioning.ProtocolVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * One connection as the rollout policy sees it.
 *
 * @param roomId the room the connection joins
 * @param playerId the player, if known
 * @param connectionId the connection's id, unique in the server
 * @param protobufSupported true if the client declared it can take protobuf
 * @param clientVersion the version the client declared, if any
 */
public record RolloutContext(
    String roomId, Optional<String> playerId, String connectionId, boolean protobufSupported,
    Optional<ProtocolVersion> clientVersion) {

  public RolloutContext {
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(playerId, "playerId");
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(clientVersion, "clientVersion");
    playerId = playerId.filter(p -> !p.isEmpty());
  }

  /**
   * The context of a negotiated client.
   *
   * @param playerId the player id, or {@code null} if unknown
   */
  public static RolloutContext of(String roomId, String playerId, String connectionId, ClientCapabilities client) {
    return new RolloutContext(roomId, Optional.ofNullable(playerId), connectionId, client.protobufOffered(),
        client.declaredVersion());
  }
}
