package dev.protoshift.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupportedVersionsTest {

  private static final SupportedVersions RANGE = SupportedVersions.between("1.0.0", "1.2.0");

  @ParameterizedTest(name = "{0} is {1}, agreed {2}")
  @CsvSource(nullValues = "-", value = {
      "1.2.0,         current,           1.2.0",
      "v1.2.0,        current,           1.2.0",
      "1.0.0,         older_supported,   1.0.0",
      "1.1.0,         older_supported,   1.1.0",
      "1.1.0-beta.2,  older_supported,   1.1.0-beta.2",
      "1.2.0-rc.1,    older_supported,   1.2.0-rc.1",
      "1.2.1,         newer_compatible,  1.2.0",
      "1.3.0,         newer_compatible,  1.2.0",
      "1.3.0-beta.1,  newer_compatible,  1.2.0",
      "2.0.0,         unsupported_major, -",
      "2.0.0-alpha,   unsupported_major, -",
      "0.9.0,         too_old,           -",
      "1.0.0-rc.1,    too_old,           -",
      "1.x,           malformed,         -",
  })
  void classify_sortsEveryKindOfClient(String declared, String status, String agreed) {
    VersionCheck check = RANGE.classify(declared);

    assertThat(check.status().code()).isEqualTo(status);
    assertThat(check.agreed().map(Object::toString).orElse(null)).isEqualTo(agreed);
    assertThat(check.detail()).isNotBlank();
  }

  @Test
  void classify_preReleaseOfAnOldVersion_isOlderThanItsRelease() {
    VersionCheck beta = RANGE.classify("1.1.0-beta.2");

    assertThat(beta.agreed()).hasValueSatisfying(v -> assertThat(v.isOlderThan(ProtocolVersion.parse("1.1.0"))).isTrue());
  }

  @Test
  void classify_nothingDeclared_isNotDeclaredWithoutVersion() {
    assertThat(RANGE.classify((String) null).status()).isEqualTo(VersionStatus.NOT_DECLARED);
    assertThat(RANGE.classify("").agreed()).isEmpty();
  }

  @Test
  void classify_rejections_nameTheRange() {
    assertThat(RANGE.classify("2.0.0").detail())
        .isEqualTo("client version 2.0.0 has major 2; this server supports 1.0.0 to 1.2.0");
    assertThat(RANGE.classify("0.9.0").detail()).contains("0.9.0").contains("1.0.0 to 1.2.0");
    assertThat(RANGE.classify("1.x").detail()).startsWith("invalid protocol version \"1.x\"");
  }

  @Test
  void classify_arbitraryStrings_neverThrows() {
    qt().withExamples(5_000).forAll(strings().allPossible().ofLengthBetween(0, 80))
        .checkAssert(s -> assertThat(RANGE.classify(s)).isNotNull());
  }

  @ParameterizedTest(name = "line {0}.{1} is {2}, agreed {3}")
  @CsvSource(nullValues = "-", value = {
      "1, 2, current,           1.2.3",
      "1, 1, older_supported,   1.1.0",
      "1, 0, older_supported,   1.0.4",
      "1, 3, newer_compatible,  1.2.3",
      "2, 0, unsupported_major, -",
      "0, 9, too_old,           -",
  })
  void classifyLine_standsForTheNewestSupportedPatch(int major, int minor, String status, String agreed) {
    SupportedVersions range = SupportedVersions.between("1.0.4", "1.2.3");

    VersionCheck check = range.classifyLine(major, minor);

    assertThat(check.status().code()).isEqualTo(status);
    assertThat(check.agreed().map(Object::toString).orElse(null)).isEqualTo(agreed);
  }

  @Test
  void contains_isInclusiveOnBothEnds() {
    assertThat(RANGE.contains(ProtocolVersion.parse("1.0.0"))).isTrue();
    assertThat(RANGE.contains(ProtocolVersion.parse("1.2.0"))).isTrue();
    assertThat(RANGE.contains(ProtocolVersion.parse("1.2.1"))).isFalse();
    assertThat(RANGE.contains(ProtocolVersion.parse("1.0.0-rc.1"))).isFalse();
  }

  @Test
  void between_oldestNewerThanCurrent_isRefusedNamingBoth() {
    assertThatThrownBy(() -> SupportedVersions.between("1.2.0", "1.0.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("oldest supported version must not be newer than current, were 1.2.0 and 1.0.0");
  }
}
