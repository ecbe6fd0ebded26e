package dev.protoshift.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigFileTest {

  @Test
  void parse_bufV2Yaml_readsTheBreakingSection() {
    CompatConfig config = ConfigFile.parse("""
        version: v2
        modules:
          - path: proto
        lint:
          use: [STANDARD]
        breaking:
          use: [WIRE_JSON]
          except: [FIELD_SAME_NAME]
          ignore: [proto/legacy]
          ignore_only:
            FIELD_SAME_TYPE: [proto/game/old.proto]
          ignore_unstable_packages: true
        """, "buf.yaml");

    assertThat(config.use()).containsExactly("WIRE_JSON");
    assertThat(config.except()).containsExactly("FIELD_SAME_NAME");
    assertThat(config.ignore()).containsExactly("proto/legacy");
    assertThat(config.ignoreOnly()).isEqualTo(Map.of("FIELD_SAME_TYPE", List.of("proto/game/old.proto")));
    assertThat(config.ignoreUnstablePackages()).isTrue();
    assertThat(config.selectedRules()).contains("FIELD_WIRE_JSON_COMPATIBLE_TYPE").doesNotContain("FIELD_SAME_NAME");
  }

  @Test
  void parse_emptyOrWithoutBreaking_isTheDefault() {
    assertThat(ConfigFile.parse("", "x")).isEqualTo(CompatConfig.defaults());
    assertThat(ConfigFile.parse("version: v1\nlint:\n  use: [DEFAULT]\n", "x")).isEqualTo(CompatConfig.defaults());
  }

  @Test
  void parse_semverSection_setsTheZeroMajorPolicy() {
    assertThat(ConfigFile.parse("semver:\n  zero_major_anything_goes: true\n", "x").zeroMajorAnythingGoes()).isTrue();
  }

  @Test
  void parse_badInput_namesTheFileAndTheKey() {
    assertThatThrownBy(() -> ConfigFile.parse("breaking:\n  excepts: [FILE]\n", "c.yaml"))
        .hasMessage("c.yaml: unknown key breaking.excepts (known: [disable_builtin, except, ignore, ignore_only,"
            + " ignore_unstable_packages, use])");
    assertThatThrownBy(() -> ConfigFile.parse("breaking:\n  use: FILE\n", "c.yaml"))
        .hasMessage("c.yaml: breaking.use must be a list, was \"FILE\"");
    assertThatThrownBy(() -> ConfigFile.parse("breaking:\n  use: [FIEL]\n", "c.yaml"))
        .hasMessageStartingWith("c.yaml: use: \"FIEL\" is neither a rule id nor a category");
    assertThatThrownBy(() -> ConfigFile.parse("breaking: [\n", "c.yaml")).hasMessageStartingWith("c.yaml: not valid YAML");
    assertThatThrownBy(() -> ConfigFile.parse("semver:\n  zero_major_anything_goes: maybe\n", "c.yaml"))
        .hasMessageContaining("must be true or false");
  }

  @Test
  void selectedRules_categoriesAndIds_resolveLikeBuf() {
    assertThat(CompatConfig.defaults().selectedRules()).hasSize(51);
    assertThat(CompatConfig.defaults().withUse(List.of("WIRE")).selectedRules()).hasSize(15);
    assertThat(CompatConfig.defaults().withUse(List.of("wire", "FIELD_SAME_NAME")).selectedRules())
        .contains("FIELD_SAME_NAME").hasSize(16);
    assertThat(CompatConfig.defaults().withExcept(List.of("PACKAGE")).selectedRules())
        .containsExactlyInAnyOrder("ENUM_NO_DELETE", "EXTENSION_NO_DELETE", "FILE_NO_DELETE", "MESSAGE_NO_DELETE",
            "SERVICE_NO_DELETE");
  }
}
