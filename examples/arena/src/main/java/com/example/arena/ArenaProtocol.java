package com.example.arena;

import com.example.arena.v1.ArenaMessage;
import com.example.arena.v1.State;
import dev.protoshift.convert.CohortEncoder;
import dev.protoshift.convert.MessageCodec;
import dev.protoshift.convert.ProtoJson;
import dev.protoshift.convert.VersionChain;
import dev.protoshift.proto.ReleaseHistory;

/**
 * The arena's protocol on protoshift, built once per server: its release history, its version
 * chain, the codec of single messages and the encoder of each tick's state. Immutable and
 * thread-safe.
 */
public final class ArenaProtocol {

  private ArenaProtocol() {}

  // doc:start protocol
  /** The frozen releases, which the build packs into the jar (protoshift-maven-plugin's history goal). */
  public static final ReleaseHistory HISTORY = ReleaseHistory.load("arena");

  /** Every release and what changed in it; what 1.1.0 added is stripped for older clients by itself. */
  public static final VersionChain<ArenaMessage.Builder> CHAIN = VersionChain
      .<ArenaMessage.Builder>startingAt("1.0.0", "Snakes on a board; a snake's body is JSON text.")
      .history(HISTORY, ArenaMessage.getDefaultInstance())
      .release("1.1.0", new BodyBecamePoints())
      .build();

  /** One message at a time, both ways: protobuf, or JSON with protobuf's JSON mapping. */
  public static final MessageCodec<ArenaMessage.Builder> CODEC =
      MessageCodec.of(CHAIN, ArenaMessage::newBuilder, ProtoJson.create());

  /** Each tick's state, converted once per view and encoded once per cohort. */
  public static final CohortEncoder<State> STATES =
      CohortEncoder.builder(CODEC, (State state) -> ArenaMessage.newBuilder().setState(state)).build();
  // doc:end
}
