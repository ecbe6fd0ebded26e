package dev.protoshift.reference.game;

import com.google.protobuf.CodedOutputStream;
import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.CohortFrame;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.convert.View;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.reference.game.internal.LegacyJsonReader;
import dev.protoshift.reference.game.internal.LegacyJsonWriter;
import dev.protoshift.proto.game.WsEnvelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encode and decode of one StateUpdate (the 1.1.0 view with every feature unless named
 * otherwise) for rooms of 10, 50 and 200 ghosts: binary protobuf, legacy JSON (Jackson), and
 * both compressed as permessage-deflate without context takeover would. Run with
 * {@link ConvertBenchmarks} (docs/benchmarks.md), never by the default build.
 *
 * <ul>
 *   <li>{@code encode*} / {@code decode*}: domain record to frame bytes and back, per connection
 *       (conversion and version chain included);
 *   <li>{@code serialize*} / {@code parse*}: the codec alone, message object to bytes and back;
 *   <li>{@code cohort*}: the per-cohort path a server uses ({@code encodeState} once per tick,
 *       {@code forRecipient} per connection);
 *   <li>{@code encodeProtobufReuse}: the seed's pooling, a reused builder and output buffer.
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class StateCodecBenchmark {

  private static final GameProtocol GAME = GameProtocol.reference();

  @Param({"10", "50", "200"})
  public int ghosts;

  private RoomState room;
  private String me;
  private View view;
  private Cohort protobuf;
  private Cohort json;
  private Cohort protobuf100;
  private WsEnvelope message;
  private byte[] protobufBytes;
  private byte[] jsonBytes;
  private byte[] protobufDeflated;
  private byte[] jsonDeflated;
  private GhostsFrame protobufFrame;
  private GhostsFrame jsonFrame;
  private final PerMessageDeflate deflate = new PerMessageDeflate();
  private final WsEnvelope.Builder reusedBuilder = WsEnvelope.newBuilder();
  private byte[] reusedBuffer = new byte[1024];

  @Setup
  public void setUp() {
    room = BenchRooms.room(ghosts);
    me = BenchRooms.recipient(room);
    view = GAME.chain().latestView();
    protobuf = new Cohort(Protocol.PROTOBUF, view);
    json = new Cohort(Protocol.JSON, view);
    protobuf100 = new Cohort(Protocol.PROTOBUF, GAME.chain().baselineView());
    message = GAME.chain().downgrade(ProtoMapper.state(room, me), view).build();
    protobufBytes = GAME.encodeStateForConnection(room, protobuf, me);
    jsonBytes = GAME.encodeStateForConnection(room, json, me);
    protobufDeflated = deflate.compress(protobufBytes);
    jsonDeflated = deflate.compress(jsonBytes);
    protobufFrame = GAME.encodeState(room, protobuf);
    jsonFrame = GAME.encodeState(room, json);
  }

  // ---- per connection: domain record <-> frame ------------------------------------------------

  @Benchmark
  public byte[] encodeProtobuf() {
    return GAME.encodeStateForConnection(room, protobuf, me);
  }

  @Benchmark
  public byte[] encodeJson() {
    return GAME.encodeStateForConnection(room, json, me);
  }

  @Benchmark
  public byte[] encodeProtobufDeflated() {
    return deflate.compress(GAME.encodeStateForConnection(room, protobuf, me));
  }

  @Benchmark
  public byte[] encodeJsonDeflated() {
    return deflate.compress(GAME.encodeStateForConnection(room, json, me));
  }

  @Benchmark
  public byte[] encodeProtobuf100View() {
    return GAME.encodeStateForConnection(room, protobuf100, me);
  }

  @Benchmark
  public ServerMessage decodeProtobuf() throws DecodeException {
    return GAME.decodeBinaryServerMessage(protobufBytes, view);
  }

  @Benchmark
  public ServerMessage decodeJson() throws DecodeException {
    return GAME.decodeJsonServerMessage(jsonBytes, view);
  }

  @Benchmark
  public ServerMessage decodeProtobufDeflated() throws DecodeException {
    return GAME.decodeBinaryServerMessage(deflate.decompress(protobufDeflated), view);
  }

  @Benchmark
  public ServerMessage decodeJsonDeflated() throws DecodeException {
    return GAME.decodeJsonServerMessage(deflate.decompress(jsonDeflated), view);
  }

  // ---- the codec alone: message object <-> bytes ----------------------------------------------

  @Benchmark
  public byte[] serializeProtobuf() {
    return message.toByteArray();
  }

  @Benchmark
  public byte[] serializeJson() {
    return LegacyJsonWriter.encode(message);
  }

  @Benchmark
  public WsEnvelope parseProtobuf() throws IOException {
    return WsEnvelope.parseFrom(protobufBytes);
  }

  @Benchmark
  public WsEnvelope.Builder parseJson() throws DecodeException {
    return LegacyJsonReader.read(jsonBytes);
  }

  // ---- per cohort: what the reference server does ---------------------------------------------

  @Benchmark
  public GhostsFrame cohortEncodeProtobuf() {
    return GAME.encodeState(room, protobuf);
  }

  @Benchmark
  public GhostsFrame cohortEncodeJson() {
    return GAME.encodeState(room, json);
  }

  @Benchmark
  public byte[] cohortForRecipientProtobuf() {
    return protobufFrame.forRecipient(me);
  }

  @Benchmark
  public byte[] cohortForRecipientJson() {
    return jsonFrame.forRecipient(me);
  }

  // ---- the seed's object pooling: reused builder and output buffer ----------------------------

  @Benchmark
  public int encodeProtobufReuse() {
    WsEnvelope envelope = GAME.chain().downgrade(ProtoMapper.state(room, me, reusedBuilder), view).build();
    int size = envelope.getSerializedSize();
    if (size > reusedBuffer.length) {
      reusedBuffer = new byte[Integer.highestOneBit(size) * 2];
    }
    try {
      CodedOutputStream out = CodedOutputStream.newInstance(reusedBuffer, 0, size);
      envelope.writeTo(out);
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return size; // a server would send ByteBuffer.wrap(reusedBuffer, 0, size)
  }

  /** The frame sizes of this room, for the report. */
  byte[][] frames() {
    return new byte[][] {protobufBytes, jsonBytes, protobufDeflated, jsonDeflated,
        GAME.encodeStateForConnection(room, protobuf100, me),
        GAME.encodeStateForConnection(room, new Cohort(Protocol.JSON, GAME.chain().baselineView()), me)};
  }
}
