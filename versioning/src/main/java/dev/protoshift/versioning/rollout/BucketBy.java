package dev.protoshift.versioning.rollout;

import java.util.Optional;

/** Which id a connection is bucketed by for the rollout percentage ({@code bucket_by}). */
public enum BucketBy {
  /** The room id: every connection of a room gets the same bucket (the default). */
  ROOM("room"),
  /** The player id: a player keeps the protocol across rooms and reconnects. */
  PLAYER("player"),
  /** The connection id: each connection on its own; a reconnect may land elsewhere. */
  CONNECTION("connection");

  private final String code;

  BucketBy(String code) {
    this.code = code;
  }

  /** The config value: {@code room}, {@code player} or {@code connection}. */
  public String code() {
    return code;
  }

  public static Optional<BucketBy> fromCode(String code) {
    for (BucketBy b : values()) {
      if (b.code.equals(code)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return code;
  }
}
