package dev.protoshift.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.versioning.ProtocolVersion;
import org.junit.jupiter.api.Test;

class VersionClassTest {

  private static final VersionClass V100 = new VersionClass(ProtocolVersion.parse("1.0.0"), ProtocolVersion.parse("1.1.0"));

  @Test
  void contains_isHalfOpen_andPreReleasesBelongBelowTheirRelease() {
    assertThat(V100.contains(ProtocolVersion.parse("1.0.0"))).isTrue();
    assertThat(V100.contains(ProtocolVersion.parse("1.1.0-beta.2"))).isTrue();
    assertThat(V100.contains(ProtocolVersion.parse("1.1.0"))).isFalse();
    assertThat(V100.contains(ProtocolVersion.parse("1.0.0-rc.1"))).isFalse();
  }

  @Test
  void newestClass_hasNoEnd() {
    VersionClass latest = new VersionClass(ProtocolVersion.parse("1.1.0"), null);

    assertThat(latest.end()).isEmpty();
    assertThat(latest.contains(ProtocolVersion.parse("99.0.0"))).isTrue();
    assertThat(latest).hasToString("1.1.0 view (>=1.1.0)");
  }

  @Test
  void endNotAfterStart_isRefused() {
    assertThatThrownBy(() -> new VersionClass(ProtocolVersion.parse("1.1.0"), ProtocolVersion.parse("1.1.0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a version class must end after it starts, was [1.1.0, 1.1.0)");
  }
}
