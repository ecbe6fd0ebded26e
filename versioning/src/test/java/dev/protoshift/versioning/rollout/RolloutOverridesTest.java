package dev.protoshift.versioning.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.protoshift.versioning.ProtocolVersion;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RolloutOverridesTest {

  static final String SEED_YAML = """
      # config.yaml
      protobuf:
        enabled: true
        rollout_percentage: 50  # Enable for 50% of connections
        force_enable_rooms: ["test", "dev"]
        force_disable_rooms: ["tournament"]
      """;

  @Test
  void parseFile_seedsConfig_works() {
    RolloutConfig cfg = RolloutConfig.of(RolloutOverrides.parseFile(SEED_YAML, "config.yaml"));

    assertThat(cfg.enabled()).isTrue();
    assertThat(cfg.rolloutBasisPoints()).isEqualTo(5000);
    assertThat(cfg.rolloutPercentage()).isEqualByComparingTo("50");
    assertThat(cfg.forceEnableRooms()).containsExactly("test", "dev");
    assertThat(cfg.forceDisableRooms()).containsExactly("tournament");
    assertThat(cfg.bucketBy()).isEqualTo(BucketBy.ROOM);
  }

  @Test
  void parseFile_everyKey_andOtherTopLevelSectionsIgnored() {
    RolloutOverrides o = RolloutOverrides.parseFile("""
        server:
          port: 8080
        protobuf:
          enabled: false
          rollout_percentage: 12.34
          force_enable_rooms:
            - qa-1
          force_disable_rooms: []
          min_client_version: "1.1.0"
          bucket_by: player
          salt: season-2
        """, "config.yaml");

    RolloutConfig cfg = RolloutConfig.of(o);
    assertThat(o.keys()).containsExactly(RolloutKey.values());
    assertThat(cfg.rolloutBasisPoints()).isEqualTo(1234);
    assertThat(cfg.minClientVersion()).hasValue(ProtocolVersion.parse("1.1.0"));
    assertThat(cfg.bucketBy()).isEqualTo(BucketBy.PLAYER);
    assertThat(cfg.salt()).isEqualTo("season-2");
  }

  @Test
  void parseFile_yesNoOnOff_areStringsNotBooleans() {
    RolloutConfig cfg = RolloutConfig.of(RolloutOverrides.parseFile("protobuf:\n  force_disable_rooms: [no, off, NO]\n", "f"));

    assertThat(cfg.forceDisableRooms()).containsExactly("no", "off", "NO");
  }

  @Test
  void parseFile_emptyValue_isNoValue() {
    RolloutConfig cfg = RolloutConfig.of(RolloutOverrides.parseFile(
        "protobuf:\n  min_client_version:\n  force_enable_rooms:\n", "f"));

    assertThat(cfg.minClientVersion()).isEmpty();
    assertThat(cfg.forceEnableRooms()).isEmpty();
  }

  @Test
  void parseFile_keysNotGiven_areNotSet() {
    RolloutOverrides o = RolloutOverrides.parseFile("protobuf:\n  enabled: false\n", "f");

    assertThat(o.keys()).containsExactly(RolloutKey.ENABLED);
    assertThat(RolloutOverrides.parseFile("protobuf:\n", "f").isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "rollout_percentage: 140           | protobuf.rollout_percentage must be 0..100, was 140",
      "rollout_percentage: -1            | protobuf.rollout_percentage must be 0..100, was -1",
      "rollout_percentage: 12.345        | protobuf.rollout_percentage must be a multiple of 0.01, was 12.345",
      "rollout_percentage: \"50\"        | protobuf.rollout_percentage must be a number 0..100, was \"50\" (a string)",
      "rollout_percentage: .nan          | not valid YAML at line 2, column 27: Malformed numeric value '.nan'",
      "rollout_percentage: 1e999999999   | protobuf.rollout_percentage must be 0..100, was 1E+999999999",
      "enabled: yes                      | protobuf.enabled must be true or false, was \"yes\" (a string)",
      "enabled: 1                        | protobuf.enabled must be true or false, was 1",
      "force_enable_rooms: test          | protobuf.force_enable_rooms must be a list of room ids such as [\"test\", \"dev\"], was \"test\" (a string)",
      "force_disable_rooms: [\"a\", 2]   | protobuf.force_disable_rooms entries must be strings, one was 2",
      "force_disable_rooms: [\"a\", \"\"] | protobuf.force_disable_rooms entry 2 must be a room id of 1 to 256 characters without control characters, was \"\"",
      "min_client_version: 1.1           | protobuf.min_client_version must be a quoted version such as \"1.1.0\", was 1.1",
      "min_client_version: \"1.1\"       | protobuf.min_client_version must be a version such as \"1.1.0\", was \"1.1\" (expected MAJOR.MINOR.PATCH, e.g. \"1.1.0\")",
      "bucket_by: team                   | protobuf.bucket_by must be room, player or connection, was \"team\"",
      "salt: \"a:b\"                     | protobuf.salt must be 1 to 64 characters A-Z a-z 0-9 . _ -, was \"a:b\"",
      "rollout_precentage: 10            | unknown key protobuf.rollout_precentage; known keys: enabled, rollout_percentage, force_enable_rooms, force_disable_rooms, min_client_version, bucket_by, salt",
  })
  void parseFile_invalidValue_namesKeyAndValue(String line, String message) {
    assertThatThrownBy(() -> RolloutOverrides.parseFile("protobuf:\n  " + line + "\n", "config.yaml"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("invalid rollout config (config.yaml): " + message);
  }

  @Test
  void parseFile_severalProblems_areAllReported() {
    InvalidConfigException e = (InvalidConfigException) org.assertj.core.api.Assertions.catchThrowable(() ->
        RolloutOverrides.parseFile("protobuf:\n  enabled: maybe\n  rollout_percentage: 140\n", "f"));

    assertThat(e.problems()).extracting(p -> p.key().orElseThrow())
        .containsExactly(RolloutKey.ENABLED, RolloutKey.ROLLOUT_PERCENTAGE);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "''                              | the config is empty",
      "'# only a comment'              | the config is empty",
      "'protobuf: [1, 2]'              | protobuf must be a mapping of keys to values, was [1,2]",
      "'- protobuf'                    | the top level must be a mapping",
      "'server: {port: 1}'             | no \"protobuf:\" section (top-level keys: server)",
      "'protobuf:\n  enabled: true\n  enabled: false' | Duplicate field 'enabled'",
      "'protobuf: {enabled: true'      | not valid YAML at line",
  })
  void parseFile_badDocument_saysWhat(String text, String message) {
    assertThatThrownBy(() -> RolloutOverrides.parseFile(text.replace("\\n", "\n"), "f"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void parseFile_aliasBomb_isNotExpanded() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 0; i < 8; i++) {
      yaml.append((char) ('b' + i)).append(": &").append((char) ('b' + i)).append(" [")
          .append(("*" + (char) ('a' + i) + ", ").repeat(9)).append('*').append((char) ('a' + i)).append("]\n");
    }
    yaml.append("protobuf:\n  enabled: true\n");

    // Jackson reads an alias as its anchor's name: 10^9 x's are never built.
    assertThat(RolloutConfig.of(RolloutOverrides.parseFile(yaml.toString(), "f")).enabled()).isTrue();
  }

  @Test
  void parseFile_aliasInTheSection_isRefusedNotMisreadAsTheAnchorName() {
    String yaml = "protobuf:\n  enabled: true\n  force_enable_rooms: [&t tournament, dev]\n"
        + "  force_disable_rooms: [*t]\n";

    assertThatThrownBy(() -> RolloutOverrides.parseFile(yaml, "config.yaml"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("YAML aliases are not supported in the protobuf section (*t at line 4, column 25)");
  }

  @Test
  void parseFile_mergeKeyOrAliasedSection_isRefused() {
    assertThatThrownBy(() -> RolloutOverrides.parseFile(
        "base: &b {enabled: false}\nprotobuf:\n  <<: *b\n  rollout_percentage: 5\n", "f"))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("*b at line 3");
    assertThatThrownBy(() -> RolloutOverrides.parseFile("base: &b {enabled: false}\nprotobuf: *b\n", "f"))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("*b at line 2");
  }

  @Test
  void parseFile_aliasesInOtherSections_areLeftAlone() {
    String yaml = "defaults: &d {port: 1}\nserver: *d\nprotobuf:\n  rollout_percentage: 5\nafter: *d\n";

    assertThat(RolloutConfig.of(RolloutOverrides.parseFile(yaml, "f")).rolloutBasisPoints()).isEqualTo(500);
  }

  @Test
  void parseSection_adminBodyWithAnAlias_isRefused() {
    assertThatThrownBy(() -> RolloutOverrides.parseSection("force_enable_rooms: [&t a]\nforce_disable_rooms: [*t]", "admin"))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("YAML aliases are not supported");
  }

  @Test
  void parseFile_arbitraryText_onlyEverThrowsInvalidConfig() {
    qt().withExamples(3_000).forAll(strings().allPossible().ofLengthBetween(0, 120)).checkAssert(s -> {
      for (String text : List.of(s, "protobuf:\n  " + s, "protobuf: {rollout_percentage: " + s + "}")) {
        try {
          RolloutOverrides.parseFile(text, "f");
        } catch (InvalidConfigException e) {
          assertThat(e.problems()).isNotEmpty();
        }
      }
    });
  }

  @Test
  void parseSection_adminBody_asJsonWithOrWithoutWrapper() {
    RolloutOverrides bare = RolloutOverrides.parseSection("{\"enabled\": false, \"rollout_percentage\": 0.5}", "admin");
    RolloutOverrides wrapped = RolloutOverrides.parseSection("{\"protobuf\": {\"enabled\": false, \"rollout_percentage\": 0.5}}", "admin");

    assertThat(bare).isEqualTo(wrapped);
    assertThat(RolloutConfig.of(bare).rolloutBasisPoints()).isEqualTo(50);
    assertThatThrownBy(() -> RolloutOverrides.parseSection("{\"enabled\": \"off\"}", "admin"))
        .hasMessage("invalid rollout config (admin): enabled must be true or false, was \"off\" (a string)");
  }

  @Test
  void fromMap_readsBackWhatToMapWrites() {
    RolloutConfig cfg = RolloutConfig.of(RolloutOverrides.parseFile(SEED_YAML, "f")).with(RolloutOverrides.builder()
        .minClientVersion(Optional.of(ProtocolVersion.parse("1.0.0"))).rolloutBasisPoints(1).build());

    assertThat(RolloutConfig.of(RolloutOverrides.fromMap(cfg.toMap(), "admin"))).isEqualTo(cfg);
  }

  @Test
  void fromEnvironment_everyVariable() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PROTOBUF_ENABLED", "TRUE");
    env.put("PROTOBUF_ROLLOUT_PERCENTAGE", "12.5");
    env.put("PROTOBUF_FORCE_ENABLE_ROOMS", " test, dev ");
    env.put("PROTOBUF_FORCE_DISABLE_ROOMS", "");
    env.put("PROTOBUF_MIN_CLIENT_VERSION", "1.1.0");
    env.put("PROTOBUF_BUCKET_BY", "connection");
    env.put("PROTOBUF_SALT", "s2");
    env.put("PATH", "/usr/bin");

    RolloutConfig cfg = RolloutConfig.of(RolloutOverrides.fromEnvironment(env));

    assertThat(cfg.enabled()).isTrue();
    assertThat(cfg.rolloutBasisPoints()).isEqualTo(1250);
    assertThat(cfg.forceEnableRooms()).containsExactly("test", "dev");
    assertThat(cfg.forceDisableRooms()).isEmpty();
    assertThat(cfg.minClientVersion()).hasValue(ProtocolVersion.parse("1.1.0"));
    assertThat(cfg.bucketBy()).isEqualTo(BucketBy.CONNECTION);
    assertThat(cfg.salt()).isEqualTo("s2");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "PROTOBUF_ENABLED            | 1      | PROTOBUF_ENABLED must be true or false, was \"1\"",
      "PROTOBUF_ROLLOUT_PERCENTAGE | 50%    | PROTOBUF_ROLLOUT_PERCENTAGE must be a number 0..100 such as 50 or 12.5, was \"50%\"",
      "PROTOBUF_ROLLOUT_PERCENTAGE | 100.01 | PROTOBUF_ROLLOUT_PERCENTAGE must be 0..100, was 100.01",
      "PROTOBUF_FORCE_ENABLE_ROOMS | a,,b   | PROTOBUF_FORCE_ENABLE_ROOMS entry 2 must be a room id of 1 to 256 characters without control characters, was \"\"",
      "PROTOBUF_MIN_CLIENT_VERSION | latest | PROTOBUF_MIN_CLIENT_VERSION must be a version such as \"1.1.0\", was \"latest\" (expected MAJOR.MINOR.PATCH[-PRERELEASE], e.g. \"1.1.0\" or \"1.1.0-beta.2\")",
  })
  void fromEnvironment_invalid_namesVariableAndValue(String variable, String value, String message) {
    assertThatThrownBy(() -> RolloutOverrides.fromEnvironment(Map.of(variable, value)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("invalid rollout config (environment): " + message);
  }

  @Test
  void fromEnvironment_emptyMinVersionOrNone_clearsIt() {
    assertThat(RolloutConfig.of(RolloutOverrides.fromEnvironment(Map.of("PROTOBUF_MIN_CLIENT_VERSION", "none")))
        .minClientVersion()).isEmpty();
    assertThat(RolloutOverrides.fromEnvironment(Map.of("PROTOBUF_MIN_CLIENT_VERSION", "")).keys())
        .containsExactly(RolloutKey.MIN_CLIENT_VERSION);
  }

  @Test
  void builder_invalidValues_areReportedAtBuild() {
    assertThatThrownBy(() -> RolloutOverrides.builder().rolloutPercentage(new BigDecimal("140")).salt("").build())
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("invalid rollout config (builder): protobuf.rollout_percentage must be 0..100, was 140; "
            + "protobuf.salt must be 1 to 64 characters A-Z a-z 0-9 . _ -, was \"\"");
  }

  @Test
  void overlay_higherKeysWin_othersFallThrough() {
    RolloutOverrides file = RolloutOverrides.parseFile(SEED_YAML, "f");
    RolloutOverrides env = RolloutOverrides.fromEnvironment(Map.of("PROTOBUF_ENABLED", "false"));

    RolloutConfig cfg = RolloutConfig.of(file.overlay(env));

    assertThat(cfg.enabled()).isFalse();
    assertThat(cfg.rolloutBasisPoints()).isEqualTo(5000);
  }
}
