package dev.protoshift.convert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.protobuf.util.JsonFormat;
import dev.protoshift.convert.ProtoJson.EnumFormat;
import dev.protoshift.convert.ProtoJson.FieldNames;
import dev.protoshift.convert.ProtoJson.Int64Format;
import dev.protoshift.convert.ProtoJson.Options;
import dev.protoshift.convert.ProtoJson.UnknownKeys;
import dev.protoshift.convert.testschema.json.Everything;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * ProtoJson against protobuf-java-util's JsonFormat, the reference implementation of protobuf's
 * JSON mapping, on random messages of a schema with every field shape (everything.proto).
 */
class ProtoJsonConformanceTest {

  private static final ProtoJson CANONICAL = ProtoJson.create();

  /** One codec per combination of the six two-way options. */
  private static final List<ProtoJson> EVERY_OPTION_COMBINATION = IntStream.range(0, 64)
      .mapToObj(ProtoJsonConformanceTest::options).map(ProtoJson::create).toList();

  @Test
  void write_defaultOptions_jsonFormatParsesTheSameMessage() {
    qt().withExamples(400).forAll(ProtoJsonGen.conformance()).checkAssert(message -> {
      Everything.Builder parsed = Everything.newBuilder();
      try {
        JsonFormat.parser().merge(new String(CANONICAL.write(message), UTF_8), parsed);
      } catch (Exception e) {
        throw new AssertionError("JsonFormat refused " + new String(CANONICAL.write(message), UTF_8), e);
      }
      assertThat(parsed.build()).isEqualTo(message);
    });
  }

  @Test
  void read_jsonFormatPrinterOutput_isTheSameMessage() throws Exception {
    List<JsonFormat.Printer> printers = List.of(JsonFormat.printer(), JsonFormat.printer().preservingProtoFieldNames(),
        JsonFormat.printer().printingEnumsAsInts().omittingInsignificantWhitespace(),
        JsonFormat.printer().alwaysPrintFieldsWithNoPresence());
    qt().withExamples(400).forAll(ProtoJsonGen.everything(), integers().between(0, printers.size() - 1))
        .checkAssert((message, printer) -> {
          Everything.Builder read = Everything.newBuilder();
          try {
            CANONICAL.read(printers.get(printer).print(message).getBytes(UTF_8), read);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
          assertThat(read.build()).isEqualTo(message);
        });
  }

  @Test
  void writeThenRead_everyOptionCombination_isTheIdentity() {
    qt().withExamples(300).forAll(ProtoJsonGen.everything()).checkAssert(message -> {
      for (ProtoJson json : EVERY_OPTION_COMBINATION) {
        Everything.Builder read = Everything.newBuilder();
        byte[] written = json.write(message);
        try {
          json.read(written, read);
        } catch (DecodeException e) {
          throw new AssertionError(json + " refused its own output " + new String(written, UTF_8), e);
        }
        assertThat(read.build()).as("%s, read back from %s", json, new String(written, UTF_8)).isEqualTo(message);
      }
    });
  }

  @Test
  void write_simpleMessage_isByteForByteJsonFormatsCompactOutput() throws Exception {
    Everything message = Everything.newBuilder().setRenamed("r").setChoiceNumber(-7)
        .setInner(dev.protoshift.convert.testschema.json.Inner.newBuilder().setX(3).setLabel("é\"\n")).build();

    assertThat(new String(CANONICAL.write(message), UTF_8))
        .isEqualTo(JsonFormat.printer().omittingInsignificantWhitespace().print(message))
        .isEqualTo("{\"inner\":{\"x\":3,\"label\":\"é\\\"\\n\"},\"choiceNumber\":\"-7\",\"customName\":\"r\"}");
  }

  private static Options options(int bits) {
    return Options.builder()
        .fieldNames((bits & 1) != 0 ? FieldNames.PROTO_NAME : FieldNames.JSON_NAME)
        .int64((bits & 2) != 0 ? Int64Format.NUMBER : Int64Format.STRING)
        .writeDefaults((bits & 4) != 0)
        .enums((bits & 8) != 0 ? EnumFormat.NUMBER : EnumFormat.NAME)
        .unknownKeys((bits & 16) != 0 ? UnknownKeys.IGNORE : UnknownKeys.REFUSE)
        .strictFieldNames((bits & 32) != 0)
        .build();
  }
}
