package dev.protoshift.compat;

import static dev.protoshift.compat.Schemas.game;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.protoshift.compat.internal.Fixtures;
import dev.protoshift.versioning.ProtocolVersion;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompatTest {

  static final String BASE = "message Ghost { string id = 1; float x = 2; }\n";

  private static CompatReport check(FileDescriptorSet previous, FileDescriptorSet current) {
    return Compat.check(previous, current, CompatConfig.defaults());
  }

  @Test
  void check_identicalSchemas_needNoBump() {
    CompatReport report = check(game("1.0.0", BASE), game("1.0.0", BASE));

    assertThat(report.findings()).isEmpty();
    assertThat(report.requiredBump()).isEqualTo(Bump.NONE);
    assertThat(report.isCompatible()).isTrue();
    assertThat(report.suggestedVersion()).contains(ProtocolVersion.parse("1.0.0"));
  }

  @Test
  void check_onlyTheDeclaredVersionChanged_needsNoBump() {
    CompatReport report = check(game("1.0.0", BASE), game("1.0.1", BASE));

    assertThat(report.requiredBump()).isEqualTo(Bump.NONE);
    assertThat(report.isCompatible()).isTrue();
  }

  @Test
  void check_addedField_needsMinor() {
    CompatReport report = check(game("1.0.0", BASE),
        game("1.1.0", "message Ghost { string id = 1; float x = 2; float y = 3; }\n"));

    assertThat(report.requiredBump()).isEqualTo(Bump.MINOR);
    assertThat(report.declaredBump()).contains(Bump.MINOR);
    assertThat(report.isCompatible()).isTrue();
  }

  @Test
  void check_additionsOfEveryKind_needMinor() {
    String[] additions = {
        "message Extra {}\n",
        "enum Kind { KIND_UNSPECIFIED = 0; }\n",
        "service S { rpc Get(Ghost) returns (Ghost); }\n",
    };
    for (String addition : additions) {
      assertThat(check(game("1.0.0", BASE), game("1.0.0", BASE + addition)).requiredBump()).as(addition)
          .isEqualTo(Bump.MINOR);
    }
    String withEnum = BASE + "enum Kind { KIND_UNSPECIFIED = 0; }\n";
    assertThat(check(game("1.0.0", withEnum),
        game("1.0.0", BASE + "enum Kind { KIND_UNSPECIFIED = 0; KIND_BIG = 1; }\n")).requiredBump())
        .isEqualTo(Bump.MINOR);
    assertThat(check(game("1.0.0", BASE),
        game("1.0.0", "message Ghost { string id = 1; float x = 2; oneof extra { int32 n = 3; } }\n")).requiredBump())
        .isEqualTo(Bump.MINOR);
  }

  @Test
  void check_commentOrOptionChange_needsPatch() {
    assertThat(check(game("1.0.0", BASE), game("1.0.0", "// A ghost.\n" + BASE)).requiredBump())
        .isEqualTo(Bump.PATCH);
    assertThat(check(game("1.0.0", BASE),
        game("1.0.0", "message Ghost { string id = 1; float x = 2 [deprecated = true]; }\n")).requiredBump())
        .isEqualTo(Bump.PATCH);
  }

  @Test
  void check_whitespaceOnlyChange_needsNothing() {
    assertThat(check(game("1.0.0", BASE), game("1.0.0", "\n\n" + BASE.replace("; ", ";   "))).requiredBump())
        .isEqualTo(Bump.NONE);
  }

  @Test
  void check_breakingChange_needsMajorAndFailsEvenWithAMajorBump() {
    CompatReport report = check(game("1.4.2", BASE), game("2.0.0", "message Ghost { string id = 1; }\n"));

    assertThat(report.requiredBump()).isEqualTo(Bump.MAJOR);
    assertThat(report.breaking()).extracting(Finding::rule).containsExactly("FIELD_NO_DELETE");
    assertThat(report.versionProblems()).isEmpty();
    assertThat(report.isCompatible()).isFalse();
    assertThat(report.suggestedVersion()).contains(ProtocolVersion.parse("2.0.0"));
  }

  @Test
  void check_declaredBumpTooSmall_isAVersionProblem() {
    CompatReport report = check(game("1.0.0", BASE), game("1.0.1", BASE + "message Extra {}\n"));

    assertThat(report.versionProblems()).containsExactly("the change needs a MINOR bump but the declared"
        + " protocol_version 1.0.0 -> 1.0.1 is a PATCH bump; declare 1.1.0 or later");
    assertThat(report.isCompatible()).isFalse();
  }

  @Test
  void check_largerBumpThanNeeded_isAllowed() {
    assertThat(check(game("1.0.0", BASE), game("2.0.0", BASE + "message Extra {}\n")).isCompatible()).isTrue();
  }

  @Test
  void check_versionGoingBackwards_isAVersionProblem() {
    assertThat(check(game("1.2.0", BASE), game("1.1.9", BASE)).versionProblems())
        .containsExactly("declared protocol_version went backwards: 1.2.0 -> 1.1.9");
  }

  @Test
  void check_currentNoLongerDeclaringAVersion_isAVersionProblem() {
    assertThat(check(game("1.2.0", BASE), game(null, BASE)).versionProblems())
        .containsExactly("the previous schema declares protocol_version 1.2.0 but the current schema declares none");
  }

  @Test
  void check_previousWithoutVersion_checksNoVersion() {
    CompatReport report = check(game(null, BASE), game("1.0.0", BASE + "message Extra {}\n"));

    assertThat(report.versionProblems()).isEmpty();
    assertThat(report.suggestedVersion()).isEmpty();
  }

  @Test
  void check_zeroMajor_isStrictUnlessConfigured() {
    FileDescriptorSet before = game("0.3.0", BASE);
    FileDescriptorSet after = game("0.3.1", BASE + "message Extra {}\n");

    assertThat(check(before, after).versionProblems()).hasSize(1);
    assertThat(Compat.check(before, after, CompatConfig.defaults().withZeroMajorAnythingGoes(true)).versionProblems())
        .isEmpty();
    assertThat(Compat.check(before, game("0.3.0", BASE + "message Extra {}\n"),
        CompatConfig.defaults().withZeroMajorAnythingGoes(true)).versionProblems()).hasSize(1);
  }

  @Test
  void check_ignoreCommentOnTheField_coversOnlyItsRules() {
    CompatReport report = check(game("1.0.0", "message Ghost { int32 id = 1; int32 x = 2; int32 y = 3; }\n"),
        game("2.0.0", """
            message Ghost {
              // protoshift:ignore FIELD_SAME_TYPE ids never exceed 2^31 and every client reads them as int64
              int64 id = 1;
              int64 x = 2; // protoshift:ignore FIELD_SAME_NAME,FIELD_SAME_TYPE x was always sent as int64
              // protoshift:ignore FIELD_SAME_NAME wrong rule for this change
              int64 y = 3;
            }
            """));

    assertThat(report.findings()).extracting(Finding::rule, Finding::line, Finding::ignored, Finding::ignoreReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("FIELD_SAME_TYPE", 7, true,
                "ids never exceed 2^31 and every client reads them as int64"),
            org.assertj.core.groups.Tuple.tuple("FIELD_SAME_TYPE", 8, true, "x was always sent as int64"),
            org.assertj.core.groups.Tuple.tuple("FIELD_SAME_TYPE", 10, false, ""));
    assertThat(report.breaking()).hasSize(1);
    assertThat(report.requiredBump()).isEqualTo(Bump.MAJOR);
  }

  @Test
  void check_ignoreCommentNamingAnUnknownRule_isAnError() {
    assertThatThrownBy(() -> check(game("1.0.0", BASE),
        game("1.0.0", "// protoshift:ignore FIELD_SAME_TYP typo\n" + BASE)))
        .hasMessageContaining("game.proto:").hasMessageContaining("unknown rule \"FIELD_SAME_TYP\"");
  }

  @Test
  void check_invalidDeclaredVersion_namesTheFile() {
    assertThatThrownBy(() -> check(game("1.0.0", BASE), game("1.0", BASE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("game.proto")
        .hasMessageContaining("\"1.0\"");
  }

  @Test
  void check_filesDeclaringDifferentVersions_isAnError() {
    FileDescriptorSet two = Schemas.compile(Map.of(
        "protoshift/options.proto", Schemas.OPTIONS,
        "a.proto", "syntax = \"proto3\"; package a; import \"protoshift/options.proto\";"
            + " option (protoshift.protocol_version) = \"1.0.0\";",
        "b.proto", "syntax = \"proto3\"; package b; import \"protoshift/options.proto\";"
            + " option (protoshift.protocol_version) = \"1.1.0\";"));

    assertThatThrownBy(() -> check(two, two)).hasMessageContaining("different protocol versions")
        .hasMessageContaining("a.proto=1.0.0").hasMessageContaining("b.proto=1.1.0");
  }

  @Test
  void check_wellKnownTypes_areNotCompared() {
    FileDescriptorSet with = Schemas.compile(Map.of("a.proto",
        "syntax = \"proto3\"; package a; import \"google/protobuf/timestamp.proto\";"
            + " message A { google.protobuf.Timestamp at = 1; }"));
    FileDescriptorSet.Builder without = with.toBuilder().clearFile();
    with.getFileList().stream().filter(f -> !f.getName().startsWith("google/")).forEach(without::addFile);

    CompatReport report = check(with, without.build());

    assertThat(report.findings()).isEmpty();
    assertThat(report.requiredBump()).isEqualTo(Bump.NONE);
  }

  @Test
  void check_protoshiftOptionsFile_isNotCompared() {
    FileDescriptorSet with = game("1.0.0", BASE);
    FileDescriptorSet.Builder without = with.toBuilder().clearFile();
    with.getFileList().stream().filter(f -> !f.getName().equals("protoshift/options.proto")).forEach(without::addFile);

    CompatReport report = check(with, without.build());

    assertThat(report.findings()).isEmpty();
    assertThat(report.requiredBump()).isEqualTo(Bump.NONE);
  }

  @Test
  void check_filesABufImageMarksAsImports_areNotCompared() {
    FileDescriptorSet plain = Schemas.compile(Map.of(
        "dep/dep.proto", "syntax = \"proto3\"; package dep; message Dep { int32 a = 1; }",
        "a.proto", "syntax = \"proto3\"; package a; import \"dep/dep.proto\"; message A { dep.Dep d = 1; }"));
    // buf build -o marks dependencies with ImageFileExtension{is_import: true}, field 8042 of the file.
    com.google.protobuf.UnknownFieldSet isImport = com.google.protobuf.UnknownFieldSet.newBuilder()
        .addField(8042, com.google.protobuf.UnknownFieldSet.Field.newBuilder()
            .addLengthDelimited(com.google.protobuf.UnknownFieldSet.newBuilder()
                .addField(1, com.google.protobuf.UnknownFieldSet.Field.newBuilder().addVarint(1).build())
                .build().toByteString()).build()).build();
    FileDescriptorSet.Builder image = plain.toBuilder();
    for (int i = 0; i < image.getFileCount(); i++) {
      if (image.getFile(i).getName().startsWith("dep/")) {
        image.setFile(i, image.getFile(i).toBuilder().setUnknownFields(isImport));
      }
    }
    FileDescriptorSet.Builder withoutDep = image.build().toBuilder().clearFile();
    image.getFileList().stream().filter(f -> !f.getName().startsWith("dep/")).forEach(withoutDep::addFile);

    CompatReport report = check(image.build(), withoutDep.build());

    assertThat(report.findings()).isEmpty();
    assertThat(report.requiredBump()).isEqualTo(Bump.NONE);
    assertThat(check(plain, withoutDep.build()).breaking()).extracting(Finding::rule).contains("FILE_NO_DELETE");
  }

  @Test
  void check_schemaImportingProtoshiftOptions_compilesWithoutItsOwnCopy() {
    FileDescriptorSet set = Schemas.compile(Map.of("game.proto", "syntax = \"proto3\"; package game;"
        + " import \"protoshift/options.proto\"; option (protoshift.protocol_version) = \"3.1.4\";"));

    assertThat(DeclaredVersion.of(set, Compat.CHECKED_FILES)).contains(ProtocolVersion.parse("3.1.4"));
  }

  @Test
  void bundledOptionsProto_isTheProtoModulesCopy() throws java.io.IOException {
    Path bundled = Path.of("src/main/resources/dev/protoshift/compat/include/protoshift/options.proto");
    Path original = Path.of("../proto/src/main/proto/protoshift/options.proto");

    assertThat(bundled).hasSameTextualContentAs(original);
  }

  @Test
  void check_sameSchemaTwice_findsNothingForEveryFixture() {
    // Law: a schema is compatible with itself, whatever it contains (all 64 fixtures, both sides).
    for (String side : new String[] {"previous", "current"}) {
      FileDescriptorSet set = Fixtures.side(side);
      CompatReport report = Compat.check(set, set, CompatConfig.defaults().withUse(java.util.List.of("FILE",
          "PACKAGE", "WIRE_JSON", "WIRE")));
      assertThat(report.findings()).as(side).isEmpty();
      assertThat(report.requiredBump()).isEqualTo(Bump.NONE);
    }
  }

  @Test
  void check_isDeterministic() {
    FileDescriptorSet before = Fixtures.side("previous");
    FileDescriptorSet after = Fixtures.side("current");
    CompatConfig all = CompatConfig.defaults().withUse(java.util.List.of("FILE", "PACKAGE", "WIRE_JSON", "WIRE"));

    CompatReport first = Compat.check(before, after, all);
    CompatReport second = Compat.check(before, after, all);

    assertThat(first.findings()).isNotEmpty().isEqualTo(second.findings());
    assertThat(first.findings()).isSorted();
  }

  @Test
  void rules_areTheSixtyFourSortedById() {
    assertThat(Compat.rules()).hasSize(64);
    assertThat(Compat.rules()).extracting(RuleInfo::id).isSorted().doesNotHaveDuplicates();
    assertThat(Compat.rules().stream().filter(RuleInfo::isDefault)).hasSize(51);
    assertThat(Optional.of(Compat.rules().get(0).id())).contains("ENUM_NO_DELETE");
  }
}
