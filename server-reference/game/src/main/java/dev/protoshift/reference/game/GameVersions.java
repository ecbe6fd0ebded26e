package dev.protoshift.reference.game;

import dev.protoshift.convert.VersionChain;
import dev.protoshift.proto.game.WsEnvelope;
import dev.protoshift.reference.ReferenceSchema;

/**
 * The reference game's version chain: every change clients can see, release by release. This is
 * the one place a schema change is described; the version classes, the optional features and
 * {@code docs/changelog.md} are derived from it. What each release added is stripped for older
 * clients by the chain itself, from the frozen releases ({@code ReferenceSchema.history()}); the
 * changes here are only about meaning (routes as waypoints) and optional features.
 */
final class GameVersions {

  private GameVersions() {}

  private static final String BASELINE = """
      The first protobuf release, and the oldest version protoshift serves. Every binary frame
      is one `WsEnvelope`: the server sends `StateUpdate` (`now` in microseconds since the Unix
      epoch, `tick`, `me`, the other `ghosts`) and `ServerError`; clients send `PlayerInput`
      (`client_seq`, then `Move` or `SetRoute`). A ghost's route travels as JSON text in
      `route_json`.

      JSON clients that declare no version get this view in the legacy JSON encoding, which is
      what the server sent before protobuf (docs/protocol.md).
      """;

  /** The chain of ws_messages.proto, baseline 1.0.0. */
  static VersionChain<WsEnvelope.Builder> chain() {
    return VersionChain.<WsEnvelope.Builder>startingAt("1.0.0", BASELINE)
        .release("1.1.0", new RouteBecameWaypoints(), new QuestGraphAdded(), new InventoryAdded(), new StoryAdded())
        .release("1.2.0")
        .history(ReferenceSchema.history(), WsEnvelope.getDefaultInstance())
        .build();
  }
}
