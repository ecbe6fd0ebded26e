package dev.protoshift.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.protoshift.compat.internal.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescriptorImageTest {

  static final CompatConfig ALL = CompatConfig.defaults().withUse(List.of("FILE", "PACKAGE", "WIRE_JSON", "WIRE"));

  @Test
  void parse_keepsSourceInfoApartAndGivesItBackIntact() {
    FileDescriptorSet set = Fixtures.side("current");

    DescriptorImage image = DescriptorImage.parse(set.toByteArray());

    assertThat(image.files().getFileCount()).isEqualTo(set.getFileCount());
    for (int i = 0; i < set.getFileCount(); i++) {
      FileDescriptorProto original = set.getFile(i);
      FileDescriptorProto stripped = image.files().getFile(i);
      assertThat(stripped.hasSourceCodeInfo()).isFalse();
      assertThat(stripped).isEqualTo(original.toBuilder().clearSourceCodeInfo().build());
      assertThat(image.sourceCodeInfo(stripped)).isEqualTo(original.getSourceCodeInfo());
    }
  }

  @Test
  void check_lazyAndParsedImages_agree() {
    // Law: keeping source info apart changes nothing about the outcome, in both directions.
    FileDescriptorSet previous = Fixtures.side("previous");
    FileDescriptorSet current = Fixtures.side("current");

    CompatReport parsed = Compat.check(previous, current, ALL);
    CompatReport lazy = Compat.check(DescriptorImage.parse(previous.toByteArray()),
        DescriptorImage.parse(current.toByteArray()), ALL);
    CompatReport mixed = Compat.check(DescriptorImage.of(previous), DescriptorImage.parse(current.toByteArray()), ALL);

    assertThat(lazy).isEqualTo(parsed);
    assertThat(mixed).isEqualTo(parsed);
    assertThat(parsed.findings()).hasSizeGreaterThan(400);
  }

  @Test
  void check_commentOnlyChange_isSeenThroughLazyImages() {
    FileDescriptorSet before = Schemas.game("1.0.0", "message Ghost { string id = 1; }\n");
    FileDescriptorSet after = Schemas.game("1.0.0", "// Commented.\nmessage Ghost { string id = 1; }\n");

    CompatReport report = Compat.check(DescriptorImage.parse(before.toByteArray()),
        DescriptorImage.parse(after.toByteArray()), CompatConfig.defaults());

    assertThat(report.requiredBump()).isEqualTo(Bump.PATCH);
  }

  @Test
  void parse_garbage_isAnIllegalArgument() {
    assertThatThrownBy(() -> DescriptorImage.parse(new byte[] {10, 5, 1})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a FileDescriptorSet");
  }
}
