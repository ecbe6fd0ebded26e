package dev.protoshift.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.semver4j.Semver;

class ProtocolVersionTest {

  @ParameterizedTest
  @CsvSource({
      "1.1.0, 1.1.0",
      "v1.1.0, 1.1.0",
      "0.0.0, 0.0.0",
      "1.1.0-beta.2, 1.1.0-beta.2",
      "1.1.0+sha.5114f85, 1.1.0",
      "v2.0.0-rc.1+build.7, 2.0.0-rc.1",
      "999999999.0.1, 999999999.0.1",
  })
  void parse_accepted_isCanonical(String input, String canonical) {
    assertThat(ProtocolVersion.parse(input)).hasToString(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1.1", "1", "1.1.0.0", "01.1.0", "1.01.0", "1.1.00", " 1.1.0", "1.1.0 ", "V1.1.0", "vv1.1.0",
      "1.1.0-", "1.1.0-beta..2", "1.1.0-01", "1.1.0+", "latest", "-1.0.0", "1.-1.0", "1.1.0\n",
      "\u0661.1.0", "1.1.0-\u00e9", "1000000000.0.0", "\u0000",
  })
  void parse_rejected_namesTheInput(String input) {
    assertThatThrownBy(() -> ProtocolVersion.parse(input))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageStartingWith("invalid protocol version \"");
  }

  @Test
  void parse_twoParts_suggestsThePatch() {
    assertThatThrownBy(() -> ProtocolVersion.parse("1.1"))
        .hasMessage("invalid protocol version \"1.1\": expected MAJOR.MINOR.PATCH, e.g. \"1.1.0\"");
  }

  @Test
  void parse_nullAndEmpty_sayWhat() {
    assertThatThrownBy(() -> ProtocolVersion.parse(null)).hasMessage("invalid protocol version: missing");
    assertThatThrownBy(() -> ProtocolVersion.parse("")).hasMessage("invalid protocol version \"\": empty");
  }

  @Test
  void parse_huge_isBoundedAndShortenedInTheMessage() {
    String huge = "1".repeat(1_000_000);

    assertThatThrownBy(() -> ProtocolVersion.parse(huge))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("longer than 64 characters")
        .hasMessageContaining("(1000000 chars)")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }

  @Test
  void parse_controlAndUnicode_areEscapedInTheMessage() {
    assertThatThrownBy(() -> ProtocolVersion.parse("1.\u0000\u202e1"))
        .hasMessageContaining("1.\\u0000\\u202e1");
  }

  @Test
  void parse_arbitraryStrings_onlyEverThrowsInvalidVersion() {
    qt().withExamples(20_000).forAll(strings().allPossible().ofLengthBetween(0, 80)).checkAssert(s -> {
      try {
        ProtocolVersion v = ProtocolVersion.parse(s);
        assertThat(ProtocolVersion.parse(v.toString())).isEqualTo(v);
      } catch (InvalidVersionException e) {
        assertThat(e.getMessage()).startsWith("invalid protocol version");
      }
    });
  }

  @Test
  void parse_printsAndReparses_forAllReleases() {
    qt().forAll(integers().between(0, ProtocolVersion.MAX_COMPONENT),
            integers().between(0, 1000), integers().between(0, 1000))
        .checkAssert((a, b, c) -> {
          ProtocolVersion v = ProtocolVersion.of(a, b, c);
          assertThat(ProtocolVersion.parse(v.toString())).isEqualTo(v).hasToString(a + "." + b + "." + c);
        });
  }

  @Test
  void compareTo_followsSemVerPrecedence() {
    List<String> sorted = List.of(
        "0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
        "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0-beta.2", "1.1.0", "1.10.0", "2.0.0");
    List<ProtocolVersion> shuffled = new ArrayList<>(sorted.stream().map(ProtocolVersion::parse).toList());
    Collections.shuffle(shuffled, new Random(7));

    Collections.sort(shuffled);

    assertThat(shuffled).extracting(ProtocolVersion::toString).containsExactlyElementsOf(sorted);
  }

  @Test
  void isOlderThan_preReleaseIsOlderThanItsRelease() {
    ProtocolVersion beta = ProtocolVersion.parse("1.1.0-beta.2");
    ProtocolVersion release = ProtocolVersion.parse("1.1.0");

    assertThat(beta.isOlderThan(release)).isTrue();
    assertThat(beta.release()).isEqualTo(release);
  }

  @Test
  void semver4jRange_excludesPreReleasesUnlessAsked_whichIsWhyWeDoNotUseIt() {
    Semver beta = ProtocolVersion.parse("1.1.0-beta.2").semver();

    assertThat(beta.satisfies("<1.1.0")).isFalse();
    assertThat(beta.satisfies("<1.1.0", true)).isTrue();
  }

  @Test
  void next_bumpsAsSemVerSays() {
    ProtocolVersion v = ProtocolVersion.parse("1.4.2");

    assertThat(v.nextMajor()).hasToString("2.0.0");
    assertThat(v.nextMinor()).hasToString("1.5.0");
    assertThat(v.nextPatch()).hasToString("1.4.3");
    assertThat(ProtocolVersion.parse("1.5.0-rc.1").nextPatch()).hasToString("1.5.0");
  }

  @Test
  void of_outOfRange_namesTheComponents() {
    assertThatThrownBy(() -> ProtocolVersion.of(1, -1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version components must be 0..999999999, were 1.-1.0");
  }

  @Test
  void equals_ignoresVPrefixAndBuildMetadata() {
    assertThat(ProtocolVersion.parse("v1.2.3+abc")).isEqualTo(ProtocolVersion.parse("1.2.3"))
        .hasSameHashCodeAs(ProtocolVersion.parse("1.2.3"));
  }
}
