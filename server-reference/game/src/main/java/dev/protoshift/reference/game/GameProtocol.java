package dev.protoshift.reference.game;

import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.CohortEncoder;
import dev.protoshift.convert.CohortFrame;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.convert.MessageCodec;
import dev.protoshift.convert.VersionChain;
import dev.protoshift.convert.View;
import dev.protoshift.proto.game.WsEnvelope;
import dev.protoshift.versioning.Agreement;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * The reference game's protocol, built on protoshift-convert's generic pieces: its {@link
 * VersionChain} ({@link GameVersions}), a {@link MessageCodec} with the {@link LegacyJson} codec,
 * and a {@link CohortEncoder} with the {@link MeAndGhosts} per-recipient step; plus the mapping
 * between its domain records and {@code WsEnvelope}. Immutable and thread-safe.
 *
 * <pre>{@code
 * GameProtocol game = GameProtocol.reference();
 * Cohort cohort = game.chain().cohortFor(agreement);
 * CohortFrame frame = game.encodeState(room, cohort);      // once per cohort and tick
 * byte[] toAlice = frame.forRecipient("ghost-alice");      // per connection: copies only
 * PlayerInput input = game.decodeInput(frameBytes, cohort); // throws DecodeException
 * }</pre>
 */
public final class GameProtocol {

  /** Optional feature: the quest graph ({@code StateUpdate.dag}). */
  public static final String FEATURE_DAG = "dag";
  /** Optional feature: inventories ({@code Ghost.inventory}, input {@code use_item}). */
  public static final String FEATURE_INVENTORY = "inventory";
  /** Optional feature: the story ({@code StateUpdate.story}, input {@code choose_story}). */
  public static final String FEATURE_STORY = "story";

  private static final GameProtocol REFERENCE = new GameProtocol(GameVersions.chain());

  private final VersionChain<WsEnvelope.Builder> chain;
  private final MessageCodec<WsEnvelope.Builder> codec;
  private final CohortEncoder<RoomState> states;

  GameProtocol(VersionChain<WsEnvelope.Builder> chain) {
    this.chain = chain;
    this.codec = MessageCodec.of(chain, WsEnvelope::newBuilder, LegacyJson.CODEC);
    this.states = CohortEncoder.builder(codec, (RoomState room) -> ProtoMapper.state(room, null))
        .perRecipient(MeAndGhosts.SPLICER, ProtoMapper::state)
        .build();
  }

  /** The protocol of {@code ws_messages.proto}, with its chain from 1.0.0 to the current release. */
  public static GameProtocol reference() {
    return REFERENCE;
  }

  /** The version chain: releases, changes, version classes and features. */
  public VersionChain<WsEnvelope.Builder> chain() {
    return chain;
  }

  /** One message at a time, both directions, both protocols. */
  public MessageCodec<WsEnvelope.Builder> codec() {
    return codec;
  }

  /** The per-tick states: once per cohort, each player's frame spliced from it. */
  public CohortEncoder<RoomState> states() {
    return states;
  }

  /**
   * The view a client gets (see {@link VersionChain#view}).
   *
   * @param clientVersion the negotiated version; {@code null} for a JSON client that declared none
   *     (it gets the 1.0.0 view, as before protobuf)
   * @param features the features negotiated in {@code hello}; {@code null} for every feature of
   *     the client's version
   * @throws IllegalArgumentException if the version is older than 1.0.0
   */
  public View view(ProtocolVersion clientVersion, Collection<String> features) {
    return chain.view(clientVersion, features);
  }

  /**
   * The cohort of a connection: its protocol and {@link #view}.
   *
   * @throws IllegalArgumentException if the version is older than 1.0.0
   */
  public Cohort cohort(Protocol protocol, ProtocolVersion clientVersion, Collection<String> features) {
    return new Cohort(protocol, view(clientVersion, features));
  }

  /**
   * The cohort of a connection that versioning's negotiator agreed on ({@link VersionChain#cohortFor}).
   *
   * @throws IllegalArgumentException if the agreed version is older than 1.0.0
   */
  public Cohort cohortFor(Agreement agreement) {
    return chain.cohortFor(agreement);
  }

  // ---- server side: outgoing ------------------------------------------------------------------

  /**
   * Converts and encodes a room's state once for a cohort; each player's frame is spliced from it.
   *
   * @throws IllegalArgumentException if the cohort's view is not one of this protocol's
   */
  public GhostsFrame encodeState(RoomState room, Cohort cohort) {
    return (GhostsFrame) states.encode(room, cohort);
  }

  /**
   * Like {@link #encodeState} for several cohorts at once, converting once per view: a JSON and a
   * protobuf cohort with the same view share the conversion.
   *
   * @return a frame for each cohort, in the order given
   */
  public Map<Cohort, CohortFrame> encodeStates(RoomState room, Collection<Cohort> cohorts) {
    return states.encodeAll(room, cohorts);
  }

  /**
   * The plain per-connection path: converts and encodes the state for one recipient. Gives the
   * same bytes as {@code encodeState(room, cohort).forRecipient(recipientGhostId)}, at the cost
   * of a conversion and an encoding per connection.
   *
   * @param recipientGhostId the recipient's own ghost, or {@code null} for a spectator
   * @throws IllegalArgumentException if the room has no such ghost
   */
  public byte[] encodeStateForConnection(RoomState room, Cohort cohort, String recipientGhostId) {
    return states.encodeForRecipient(room, cohort, recipientGhostId);
  }

  /** Encodes an error for a connection of {@code cohort} (UTF-8 text for JSON). */
  public byte[] encodeError(ServerMessage.Error error, Cohort cohort) {
    return codec.encode(ProtoMapper.error(error), cohort);
  }

  // ---- server side: incoming ------------------------------------------------------------------

  /**
   * Decodes a frame from a client of {@code cohort}: binary for protobuf, UTF-8 text for JSON.
   *
   * @throws DecodeException if the frame is not a {@code WsEnvelope} with a valid {@code player_input}
   */
  public PlayerInput decodeInput(byte[] frame, Cohort cohort) throws DecodeException {
    WsEnvelope.Builder envelope = codec.parse(frame, cohort.protocol());
    if (!envelope.hasPlayerInput()) {
      throw DecodeException.unexpected("expected a player_input, got " + describe(envelope));
    }
    return ProtoMapper.input(chain.upgrade(envelope, cohort.view()).getPlayerInput());
  }

  /** Decodes a binary frame from a protobuf client with {@code view}. */
  public PlayerInput decodeBinaryInput(byte[] frame, View view) throws DecodeException {
    return decodeInput(frame, new Cohort(Protocol.PROTOBUF, view));
  }

  /** Decodes a text frame from a JSON client with {@code view}. */
  public PlayerInput decodeJsonInput(String frame, View view) throws DecodeException {
    return decodeInput(frame.getBytes(StandardCharsets.UTF_8), new Cohort(Protocol.JSON, view));
  }

  /** Like {@link #decodeJsonInput(String, View)} for the UTF-8 bytes of a text frame. */
  public PlayerInput decodeJsonInput(byte[] utf8, View view) throws DecodeException {
    return decodeInput(utf8, new Cohort(Protocol.JSON, view));
  }

  // ---- client side (reference client, tests) --------------------------------------------------

  /**
   * Encodes a player's input as a client with {@code cohort}'s view sends it.
   *
   * @throws IllegalArgumentException if the view cannot express the action (e.g. {@code use_item}
   *     for a 1.0.0 client)
   */
  public byte[] encodeInput(PlayerInput input, Cohort cohort) {
    return codec.encode(ProtoMapper.input(input), cohort);
  }

  /**
   * Decodes a frame from the server as a client of {@code cohort} reads it.
   *
   * @throws DecodeException if the frame is not a {@code WsEnvelope} with a valid state or error
   */
  public ServerMessage decodeServerMessage(byte[] frame, Cohort cohort) throws DecodeException {
    WsEnvelope.Builder envelope = codec.parse(frame, cohort.protocol());
    if (envelope.hasError()) {
      return ProtoMapper.error(envelope.getError());
    }
    if (!envelope.hasStateUpdate()) {
      throw DecodeException.unexpected("expected a state_update or an error, got " + describe(envelope));
    }
    return ProtoMapper.state(chain.upgrade(envelope, cohort.view()).getStateUpdate());
  }

  /** Decodes a binary frame from the server as a protobuf client with {@code view} reads it. */
  public ServerMessage decodeBinaryServerMessage(byte[] frame, View view) throws DecodeException {
    return decodeServerMessage(frame, new Cohort(Protocol.PROTOBUF, view));
  }

  /** Decodes a text frame from the server as a JSON client with {@code view} reads it. */
  public ServerMessage decodeJsonServerMessage(String frame, View view) throws DecodeException {
    return decodeServerMessage(frame.getBytes(StandardCharsets.UTF_8), new Cohort(Protocol.JSON, view));
  }

  /** Like {@link #decodeJsonServerMessage(String, View)} for the UTF-8 bytes of a text frame. */
  public ServerMessage decodeJsonServerMessage(byte[] utf8, View view) throws DecodeException {
    return decodeServerMessage(utf8, new Cohort(Protocol.JSON, view));
  }

  private static String describe(WsEnvelope.Builder envelope) {
    return switch (envelope.getPayloadCase()) {
      case STATE_UPDATE -> "a state_update";
      case PLAYER_INPUT -> "a player_input";
      case ERROR -> "an error";
      case PAYLOAD_NOT_SET -> envelope.getUnknownFields().asMap().isEmpty()
          ? "an empty envelope"
          : "an envelope with only fields this version does not know " + envelope.getUnknownFields().asMap().keySet();
    };
  }
}
