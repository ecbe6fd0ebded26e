package dev.protoshift.session;

import java.util.Objects;

/**
 * Who a connection is, for the rollout decision (forced rooms, bucketing) and for logs; never a
 * metric tag.
 *
 * @param room the room the connection plays in, or {@code null} for none
 * @param player the player's stable id (what rollout usually buckets by), or {@code null} if unknown
 * @param connection this connection's id, unique in the process
 */
public record ConnectionIds(String room, String player, String connection) {

  /** @throws NullPointerException if {@code connection} is null */
  public ConnectionIds {
    Objects.requireNonNull(connection, "connection");
  }

  @Override
  public String toString() {
    return "connection " + connection + (room == null ? "" : " room " + room) + (player == null ? "" : " player " + player);
  }
}
