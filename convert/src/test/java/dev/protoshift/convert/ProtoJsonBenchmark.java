package dev.protoshift.convert;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.protoshift.convert.testschema.json.Arena;
import java.io.IOException;
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
 * ProtoJson against protobuf-java-util's JsonFormat on one game state frame ({@link BenchArena}),
 * writing (message to UTF-8 bytes) and reading (UTF-8 bytes to message), with the two parts of
 * reading's floor ({@code floor*}). Run with {@link
 * ProtoJsonBenchmarks} (docs/benchmarks.md), never by the default build.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ProtoJsonBenchmark {

  private static final ProtoJson PROTO_JSON = ProtoJson.create();
  private static final ProtoJson PROTO_JSON_LEGACY = ProtoJson.create(ProtoJson.Options.builder()
      .fieldNames(ProtoJson.FieldNames.PROTO_NAME).int64(ProtoJson.Int64Format.NUMBER).build());
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();

  @Param({"50"})
  public int snakes;

  private static final JsonFactory JACKSON = new JsonFactory();

  private Arena arena;
  private byte[] json;
  private byte[] binary;

  @Setup
  public void setUp() throws Exception {
    arena = BenchArena.arena(snakes);
    json = PROTO_JSON.write(arena);
    binary = arena.toByteArray();
    // Both sides must agree on the frame, or the comparison means nothing.
    Arena.Builder viaJsonFormat = Arena.newBuilder();
    PARSER.merge(new String(json, UTF_8), viaJsonFormat);
    if (!viaJsonFormat.build().equals(arena) || !readProtoJson().equals(arena)) {
      throw new IllegalStateException("ProtoJson and JsonFormat disagree on the benchmark frame");
    }
  }

  byte[] frame() {
    return json;
  }

  @Benchmark
  public byte[] writeProtoJson() {
    return PROTO_JSON.write(arena);
  }

  @Benchmark
  public byte[] writeProtoJsonLegacyOptions() {
    return PROTO_JSON_LEGACY.write(arena);
  }

  @Benchmark
  public byte[] writeJsonFormat() throws InvalidProtocolBufferException {
    return PRINTER.print(arena).getBytes(UTF_8);
  }

  @Benchmark
  public Arena readProtoJson() throws DecodeException {
    Arena.Builder builder = Arena.newBuilder();
    PROTO_JSON.read(json, builder);
    return builder.build();
  }

  @Benchmark
  public Arena readJsonFormat() throws InvalidProtocolBufferException {
    Arena.Builder builder = Arena.newBuilder();
    PARSER.merge(new String(json, UTF_8), builder);
    return builder.build();
  }

  /** Part of reading's floor: Jackson's tokenizer over the frame, every value decoded, nothing built. */
  @Benchmark
  public Long floorJacksonTokens() throws IOException {
    long sum = 0;
    try (JsonParser p = JACKSON.createParser(json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.VALUE_NUMBER_INT) {
          sum += p.getLongValue();
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
          sum += (long) p.getDoubleValue();
        } else if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
          sum += p.getText().length();
        }
      }
    }
    return sum;
  }

  /** The other part: protobuf's generated parser over the same message's binary form. */
  @Benchmark
  public Arena floorParseBinary() throws InvalidProtocolBufferException {
    return Arena.parseFrom(binary);
  }
}
