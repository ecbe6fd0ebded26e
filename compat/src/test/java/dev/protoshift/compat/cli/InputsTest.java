package dev.protoshift.compat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.protoshift.compat.Compat;
import dev.protoshift.compat.CompatConfig;
import dev.protoshift.compat.internal.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {

  @TempDir
  Path dir;

  private Inputs inputs() {
    return new Inputs(Fixtures.compiler(), List.of(), dir);
  }

  @Test
  void parse_arbitraryBytes_isADescriptorSetOrAnInputError() {
    // Law: whatever the bytes, reading them either gives a set the check accepts or an InputException.
    qt().withExamples(2_000).forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 64)).checkAssert(ints -> {
      byte[] bytes = new byte[ints.size()];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) (int) ints.get(i);
      }
      try {
        var set = Inputs.parse(bytes, "random.binpb");
        assertThat(set.files().getFileCount()).isPositive();
        Compat.check(set, set, CompatConfig.defaults());
      } catch (InputException e) {
        // not a descriptor set, or one that does not link (the same file twice, a missing import, ...)
        assertThat(e.getMessage()).startsWith("random.binpb: ").doesNotContain("Exception");
      }
    });
  }

  @Test
  void check_corruptedDescriptorSets_neverCrash() {
    // Law: a real set with bytes overwritten is refused with an input error naming it (not a set, or a
    // set that does not link), or compared without a crash.
    byte[] original = Fixtures.side("previous").toByteArray();
    var against = dev.protoshift.compat.DescriptorImage.of(Fixtures.side("current"));
    CompatConfig all = CompatConfig.defaults().withUse(List.of("FILE", "PACKAGE", "WIRE_JSON", "WIRE"));
    qt().withExamples(200).forAll(lists().of(integers().between(0, original.length - 1)).ofSizeBetween(1, 4),
        integers().between(0, 255)).checkAssert((positions, value) -> {
          byte[] bytes = original.clone();
          positions.forEach(p -> bytes[p] = (byte) (int) value);
          try {
            var set = Inputs.parse(bytes, "corrupt.binpb");
            Compat.check(set, against, all);
            Compat.check(against, set, all);
          } catch (InputException e) {
            assertThat(e.getMessage()).startsWith("corrupt.binpb: ").doesNotContain("Exception");
          } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
          }
        });
  }

  @Test
  void load_badSpecs_nameTheInput() {
    assertThatThrownBy(() -> inputs().load("maven:only:two")).isInstanceOf(InputException.class)
        .hasMessage("maven:only:two: expected maven:GROUP:ARTIFACT:VERSION[:CLASSIFIER]");
    assertThatThrownBy(() -> inputs().load("git:")).hasMessage("git:: expected git:REF or git:REF:SUBDIR");
    assertThatThrownBy(() -> inputs().load("missing.binpb")).hasMessage("missing.binpb: no such file or directory");
    assertThatThrownBy(() -> inputs().load(".")).isInstanceOf(InputException.class)
        .hasMessageContaining(".: does not compile").hasMessageContaining("no .proto files under");
  }

  @Test
  void load_jarWithoutADescriptorSet_saysWhatItLookedFor() throws Exception {
    Path jar = dir.resolve("empty.jar");
    try (var zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(jar))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("README"));
      zip.closeEntry();
    }

    assertThatThrownBy(() -> inputs().load("empty.jar"))
        .hasMessage("empty.jar: the jar has no META-INF/protoshift/schemas/<schema>/descriptor.binpb and no other descriptor set");
    assertThatThrownBy(() -> inputs().load("empty.jar!nope.binpb")).hasMessage("empty.jar!nope.binpb: the jar has no entry nope.binpb");
  }

  @Test
  void load_jarWithTwoSchemas_asksWhichOne() throws Exception {
    Path jar = dir.resolve("two.jar");
    try (var zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(jar))) {
      for (String schema : java.util.List.of("arena", "lobby")) {
        zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/protoshift/schemas/" + schema + "/descriptor.binpb"));
        zip.write(com.google.protobuf.DescriptorProtos.FileDescriptorSet.getDefaultInstance().toByteArray());
        zip.closeEntry();
      }
    }

    assertThatThrownBy(() -> inputs().load("two.jar"))
        .hasMessage("two.jar: the jar holds 2 schemas [META-INF/protoshift/schemas/arena/descriptor.binpb, "
            + "META-INF/protoshift/schemas/lobby/descriptor.binpb]; name one as two.jar!ENTRY");
  }
}
