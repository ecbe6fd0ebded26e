package dev.protoshift.compat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import dev.protoshift.compat.Bump;
import dev.protoshift.compat.Compat;
import dev.protoshift.compat.DescriptorImage;
import dev.protoshift.compat.Finding;
import dev.protoshift.compat.Schemas;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fast path ({@link Unchanged}: rules skip pairs from files that are the same on both sides)
 * finds exactly what the full path finds, including PACKAGE rules and fields of unchanged files
 * whose type lies in a changed file.
 */
class UnchangedTest {

  private static final Set<String> ALL_RULES = Rules.ALL.stream().map(Rule::id).collect(Collectors.toSet());
  private static final Differ.PathIgnores IGNORES =
      new Differ.PathIgnores(List.of(), Map.of("FIELD_SAME_NAME", List.of("p")), true);

  /** A diff's result, or the message of the error it stopped with. */
  record Outcome(List<Finding> findings, Bump bump, String error) {
    static Outcome of(Supplier<Differ.Result> diff) {
      try {
        Differ.Result result = diff.get();
        return new Outcome(result.findings(), result.changeBump(), null);
      } catch (IllegalArgumentException e) {
        return new Outcome(List.of(), null, e.getMessage());
      }
    }
  }

  private static Differ.Result diff(DescriptorImage previous, DescriptorImage current, boolean fastPath) {
    return Differ.diff(previous, current, ALL_RULES, Compat.CHECKED_FILES, IGNORES, fastPath);
  }

  @Test
  void diff_randomEditsOfRandomSchemas_fastPathFindsWhatTheFullPathFinds() {
    int[] telling = {0}; // examples with findings and with files the fast path skips
    qt().withExamples(300).forAll(integers().allPositive(), lists().of(integers().all()).ofSizeBetween(0, 6))
        .checkAssert((seed, edits) -> {
          List<FileDescriptorProto> base = RandomSchemas.generate(seed).stream().map(FileDescriptorProto.Builder::build)
              .toList();
          SchemaEdits after = new SchemaEdits(base, Map.of());
          edits.forEach(after::apply);
          FileDescriptorSet previous = new SchemaEdits(base, Map.of()).build();
          FileDescriptorSet current = after.build();
          byte[] previousBytes = previous.toByteArray();
          byte[] currentBytes = current.toByteArray();

          Outcome full = Outcome.of(() -> diff(DescriptorImage.parse(previousBytes), DescriptorImage.parse(currentBytes),
              false));
          DescriptorImage shared = DescriptorImage.parse(previousBytes);
          DescriptorImage sharing = DescriptorImage.parse(currentBytes, shared);
          Outcome fast = Outcome.of(() -> diff(shared, sharing, true));
          // Parsed sets share a file when they hold the same descriptor object, as a caller may arrange.
          FileDescriptorSet currentSharing = FileDescriptorSet.newBuilder().addAllFile(current.getFileList().stream()
              .map(f -> previous.getFileList().stream().filter(f::equals).findFirst().orElse(f)).toList()).build();
          Outcome fastParsed = Outcome.of(() -> diff(DescriptorImage.of(previous), DescriptorImage.of(currentSharing),
              true));

          assertThat(fast).isEqualTo(full);
          assertThat(fastParsed).isEqualTo(full);
          // The law the fast path rests on: no rule reports a schema compared with itself.
          assertThat(diff(DescriptorImage.of(current), DescriptorImage.of(current), false).findings()).isEmpty();
          if (!full.findings().isEmpty()
              && current.getFileList().stream().anyMatch(f -> shared.sameFile(f.getName(), sharing))) {
            telling[0]++;
          }
        });
    assertThat(telling[0]).as("examples with findings next to unchanged files").isGreaterThan(100);
  }

  @Test
  void link_reusingTheOtherSide_agreesWithLinkingAlone() {
    int[] linked = {0, 0}; // previous sides that link; current sides that link with reuse
    qt().withExamples(150).forAll(integers().allPositive(), lists().of(integers().all()).ofSizeBetween(0, 6))
        .checkAssert((seed, edits) -> {
          List<FileDescriptorProto> base = RandomSchemas.generate(seed).stream().map(FileDescriptorProto.Builder::build)
              .toList();
          SchemaEdits after = new SchemaEdits(base, Map.of());
          edits.forEach(after::apply);
          DescriptorImage previous = DescriptorImage.parse(new SchemaEdits(base, Map.of()).build().toByteArray());
          byte[] current = after.build().toByteArray();
          Linker.Linked reuse;
          try {
            reuse = Linker.link(previous.files(), null);
          } catch (IllegalArgumentException e) {
            return; // nothing to reuse
          }
          linked[0]++;
          String alone = link(DescriptorImage.parse(current).files(), null);
          assertThat(link(DescriptorImage.parse(current, previous).files(), reuse)).isEqualTo(alone);
          linked[1] += alone.equals("linked") ? 1 : 0;
        });
    assertThat(linked[0]).as("random schemas that link").isGreaterThan(75);
    assertThat(linked[1]).as("edited schemas that still link").isGreaterThan(25);
  }

  private static String link(FileDescriptorSet set, Linker.Linked reuse) {
    try {
      Linker.link(set, reuse);
      return "linked";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  @Test
  void diff_unchangedFileWhoseEnumTypeChangedItsFirstValue_reportsTheNewDefaultOnBothPaths() {
    String field = "syntax = \"proto2\";\npackage p;\nimport \"e.proto\";\nmessage M {\n  optional E e = 1;\n}\n";
    FileDescriptorSet previous = Schemas.compile(Map.of("e.proto", "syntax = \"proto2\";\npackage p;\nenum E {\n"
        + "  A = 0;\n  B = 1;\n}\n", "m.proto", field));
    FileDescriptorSet current = Schemas.compile(Map.of("e.proto", "syntax = \"proto2\";\npackage p;\nenum E {\n"
        + "  B = 1;\n  A = 0;\n}\n", "m.proto", field));
    DescriptorImage before = DescriptorImage.parse(previous.toByteArray());
    DescriptorImage after = DescriptorImage.parse(current.toByteArray(), before);

    List<String> fast = diff(before, after, true).findings().stream().map(Finding::toText).toList();

    assertThat(before.sameFile("m.proto", after)).isTrue();
    assertThat(fast).contains("m.proto:5:3:FIELD_SAME_DEFAULT:Field \"1\" with name \"e\" on message \"M\" changed"
        + " default value from E.A to E.B.");
    assertThat(fast).isEqualTo(diff(before, after, false).findings().stream().map(Finding::toText).toList());
  }

  @Test
  void diff_unchangedFileWhoseFieldTypeBecameAMapEntry_reportsTheNewCardinalityOnBothPaths() {
    FileDescriptorProto user = FileDescriptorProto.newBuilder().setName("user.proto").setPackage("p")
        .setSyntax("proto3").addDependency("entry.proto")
        .addMessageType(DescriptorProto.newBuilder().setName("M").addField(FieldDescriptorProto.newBuilder()
            .setName("items").setNumber(1).setLabel(Label.LABEL_REPEATED).setType(Type.TYPE_MESSAGE)
            .setTypeName(".p.Entry"))).build();
    DescriptorProto entry = DescriptorProto.newBuilder().setName("Entry")
        .addField(FieldDescriptorProto.newBuilder().setName("key").setNumber(1).setType(Type.TYPE_STRING))
        .addField(FieldDescriptorProto.newBuilder().setName("value").setNumber(2).setType(Type.TYPE_STRING)).build();
    FileDescriptorProto plain = FileDescriptorProto.newBuilder().setName("entry.proto").setPackage("p")
        .setSyntax("proto3").addMessageType(entry).build();
    FileDescriptorProto map = plain.toBuilder().setMessageType(0, entry.toBuilder()
        .setOptions(MessageOptions.newBuilder().setMapEntry(true))).build();
    byte[] previous = FileDescriptorSet.newBuilder().addFile(plain).addFile(user).build().toByteArray();
    byte[] current = FileDescriptorSet.newBuilder().addFile(map).addFile(user).build().toByteArray();
    DescriptorImage before = DescriptorImage.parse(previous);
    DescriptorImage after = DescriptorImage.parse(current, before);

    List<Finding> fast = diff(before, after, true).findings();

    assertThat(fast).extracting(Finding::toText).contains("user.proto:1:1:FIELD_SAME_CARDINALITY:Field \"1\" with"
        + " name \"items\" on message \"M\" changed cardinality from \"repeated\" to \"map\".");
    assertThat(fast).isEqualTo(diff(before, after, false).findings());
  }
}
