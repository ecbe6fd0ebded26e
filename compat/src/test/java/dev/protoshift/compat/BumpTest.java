package dev.protoshift.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.protoshift.versioning.ProtocolVersion;
import org.junit.jupiter.api.Test;

class BumpTest {

  private static ProtocolVersion v(String text) {
    return ProtocolVersion.parse(text);
  }

  @Test
  void between_namesTheComponentThatGrew() {
    assertThat(Bump.between(v("1.2.3"), v("2.0.0"))).isEqualTo(Bump.MAJOR);
    assertThat(Bump.between(v("1.2.3"), v("1.3.0"))).isEqualTo(Bump.MINOR);
    assertThat(Bump.between(v("1.2.3"), v("1.2.4"))).isEqualTo(Bump.PATCH);
    assertThat(Bump.between(v("1.2.3"), v("1.2.3"))).isEqualTo(Bump.NONE);
    assertThat(Bump.between(v("1.1.0-beta.2"), v("1.1.0"))).isEqualTo(Bump.NONE);
  }

  @Test
  void between_backwards_throwsNamingBoth() {
    assertThatThrownBy(() -> Bump.between(v("1.2.0"), v("1.1.0"))).hasMessage(
        "declared version went backwards: 1.2.0 -> 1.1.0");
  }

  @Test
  void apply_isTheSmallestVersionThatCovers() {
    // Law: applying a bump yields a version whose bump from the original covers it.
    qt().forAll(integers().between(0, 50), integers().between(0, 50), integers().between(0, 50),
        integers().between(0, 3)).checkAssert((major, minor, patch, b) -> {
          Bump bump = Bump.values()[b];
          ProtocolVersion from = ProtocolVersion.of(major, minor, patch);
          ProtocolVersion to = bump.apply(from);
          assertThat(Bump.between(from, to)).isEqualTo(bump);
          assertThat(to.isAtLeast(from)).isTrue();
        });
  }

  @Test
  void covers_isTheOrder() {
    assertThat(Bump.MAJOR.covers(Bump.MINOR)).isTrue();
    assertThat(Bump.PATCH.covers(Bump.MINOR)).isFalse();
    assertThat(Bump.NONE.covers(Bump.NONE)).isTrue();
  }
}
