package dev.protoshift.reference.game;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.convert.VersionChain;
import dev.protoshift.convert.View;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.reference.game.internal.LegacyJsonReader;
import dev.protoshift.reference.game.internal.LegacyJsonWriter;
import dev.protoshift.proto.game.StateUpdate;
import dev.protoshift.proto.game.WsEnvelope;
import dev.protoshift.versioning.Agreement;
import dev.protoshift.versioning.ProtocolVersion;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The reference game's protocol: every conversion between the domain records and the wire, for
 * both encodings (binary protobuf, legacy JSON) and every supported client version. The entry
 * point of protoshift-convert; immutable and thread-safe.
 *
 * <pre>{@code
 * GameProtocol game = GameProtocol.reference();
 * Cohort cohort = game.cohort(Protocol.PROTOBUF, ProtocolVersion.parse("1.0.0"), null);
 * CohortFrame frame = game.encodeState(room, cohort);      // once per cohort and tick
 * byte[] toAlice = frame.forRecipient("ghost-alice");      // per connection: copies only
 * PlayerInput input = game.decodeBinaryInput(frameBytes, cohort.view()); // throws DecodeException
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

  GameProtocol(VersionChain<WsEnvelope.Builder> chain) {
    this.chain = Objects.requireNonNull(chain, "chain");
  }

  /** The protocol of {@code ws_messages.proto}, with its chain from 1.0.0 to the current release. */
  public static GameProtocol reference() {
    return REFERENCE;
  }

  /** The version chain: releases, changes, version classes and features. */
  public VersionChain<WsEnvelope.Builder> chain() {
    return chain;
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
   * The cohort of a connection that versioning's negotiator agreed on: its protocol (after the
   * rollout decision), its version and its features.
   *
   * @throws IllegalArgumentException if the agreed version is older than 1.0.0
   */
  public Cohort cohortFor(Agreement agreement) {
    return chain.cohortFor(agreement);
  }

  // ---- server side: outgoing ------------------------------------------------------------------

  /**
   * Converts and encodes a room's state once for a cohort.
   *
   * @throws IllegalArgumentException if the cohort's view is not one of this protocol's
   */
  public CohortFrame encodeState(RoomState room, Cohort cohort) {
    StateUpdate state = chain.downgrade(ProtoMapper.state(room, null), cohort.view()).build().getStateUpdate();
    return frame(cohort, state);
  }

  /**
   * Like {@link #encodeState} for several cohorts at once, converting once per view: a JSON and a
   * protobuf cohort with the same view share the conversion.
   *
   * @return a frame for each cohort, in the order given
   */
  public Map<Cohort, CohortFrame> encodeStates(RoomState room, Collection<Cohort> cohorts) {
    Map<View, StateUpdate> converted = new HashMap<>();
    Map<Cohort, CohortFrame> frames = new LinkedHashMap<>();
    for (Cohort cohort : cohorts) {
      StateUpdate state = converted.computeIfAbsent(cohort.view(),
          view -> chain.downgrade(ProtoMapper.state(room, null), view).build().getStateUpdate());
      frames.put(cohort, frame(cohort, state));
    }
    return frames;
  }

  private static CohortFrame frame(Cohort cohort, StateUpdate state) {
    return cohort.protocol() == Protocol.PROTOBUF
        ? ProtoCohortFrame.of(cohort, state)
        : JsonCohortFrame.of(cohort, state);
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
    return encode(chain.downgrade(ProtoMapper.state(room, recipientGhostId), cohort.view()).build(), cohort.protocol());
  }

  /** Encodes an error for a connection of {@code cohort} (UTF-8 text for JSON). */
  public byte[] encodeError(ServerMessage.Error error, Cohort cohort) {
    return encode(chain.downgrade(ProtoMapper.error(error), cohort.view()).build(), cohort.protocol());
  }

  // ---- server side: incoming ------------------------------------------------------------------

  /**
   * Decodes a binary frame from a protobuf client.
   *
   * @param view the client's view: an older client's input is upgraded (e.g. its {@code route_json})
   * @throws DecodeException if the frame is not a {@code WsEnvelope} with a valid {@code player_input}
   */
  public PlayerInput decodeBinaryInput(byte[] frame, View view) throws DecodeException {
    return input(parse(frame), view);
  }

  /**
   * Decodes a text frame from a JSON client.
   *
   * @throws DecodeException if the text is not a legacy JSON input message with valid fields
   */
  public PlayerInput decodeJsonInput(String frame, View view) throws DecodeException {
    return input(LegacyJsonReader.read(frame), view);
  }

  /** Like {@link #decodeJsonInput(String, View)} for the UTF-8 bytes of a text frame. */
  public PlayerInput decodeJsonInput(byte[] utf8, View view) throws DecodeException {
    return input(LegacyJsonReader.read(utf8), view);
  }

  private PlayerInput input(WsEnvelope.Builder envelope, View view) throws DecodeException {
    if (!envelope.hasPlayerInput()) {
      throw DecodeException.unexpected("expected a player_input, got " + describe(envelope));
    }
    return ProtoMapper.input(chain.upgrade(envelope, view).getPlayerInput());
  }

  // ---- client side (reference client, tests) --------------------------------------------------

  /**
   * Encodes a player's input as a client with {@code cohort}'s view sends it.
   *
   * @throws IllegalArgumentException if the view cannot express the action (e.g. {@code use_item}
   *     for a 1.0.0 client)
   */
  public byte[] encodeInput(PlayerInput input, Cohort cohort) {
    return encode(chain.downgrade(ProtoMapper.input(input), cohort.view()).build(), cohort.protocol());
  }

  /**
   * Decodes a binary frame from the server as a client with {@code view} reads it.
   *
   * @throws DecodeException if the frame is not a {@code WsEnvelope} with a valid state or error
   */
  public ServerMessage decodeBinaryServerMessage(byte[] frame, View view) throws DecodeException {
    return serverMessage(parse(frame), view);
  }

  /**
   * Decodes a text frame from the server as a JSON client with {@code view} reads it.
   *
   * @throws DecodeException if the text is not a legacy JSON state or error with valid fields
   */
  public ServerMessage decodeJsonServerMessage(String frame, View view) throws DecodeException {
    return serverMessage(LegacyJsonReader.read(frame), view);
  }

  /** Like {@link #decodeJsonServerMessage(String, View)} for the UTF-8 bytes of a text frame. */
  public ServerMessage decodeJsonServerMessage(byte[] utf8, View view) throws DecodeException {
    return serverMessage(LegacyJsonReader.read(utf8), view);
  }

  private ServerMessage serverMessage(WsEnvelope.Builder envelope, View view) throws DecodeException {
    if (envelope.hasError()) {
      return ProtoMapper.error(envelope.getError());
    }
    if (!envelope.hasStateUpdate()) {
      throw DecodeException.unexpected("expected a state_update or an error, got " + describe(envelope));
    }
    return ProtoMapper.state(chain.upgrade(envelope, view).getStateUpdate());
  }

  // ---- shared ---------------------------------------------------------------------------------

  private static WsEnvelope.Builder parse(byte[] frame) throws DecodeException {
    try {
      return WsEnvelope.newBuilder().mergeFrom(frame);
    } catch (InvalidProtocolBufferException e) {
      throw DecodeException.malformed("not a protobuf WsEnvelope: " + e.getMessage(), e);
    }
  }

  private static byte[] encode(WsEnvelope envelope, Protocol protocol) {
    return protocol == Protocol.PROTOBUF ? envelope.toByteArray() : LegacyJsonWriter.encode(envelope);
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
