package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CohortSelectorTest {

  private final LoadResults mixed = SyntheticRuns.mixed(3);

  @Test
  void parse_plainFile_selectsNothingYet() {
    CohortSelector s = CohortSelector.parse("runs/a.json");
    assertThat(s.file()).isEqualTo(Path.of("runs/a.json"));
    assertThat(s.unqualified()).isTrue();
  }

  @Test
  void parse_protocolAndVersion() {
    CohortSelector s = CohortSelector.parse("a.json#protobuf/1.2.0");
    assertThat(s.protocol()).contains("protobuf");
    assertThat(s.version()).contains("1.2.0");
    assertThat(s.describe()).isEqualTo("protobuf/1.2.0");
  }

  @Test
  void parse_all() {
    assertThat(CohortSelector.parse("a.json#all").all()).isTrue();
  }

  @Test
  void parse_unknownProtocol_isRefusedNamingIt() {
    assertThatThrownBy(() -> CohortSelector.parse("a.json#xml"))
        .hasMessageContaining("\"xml\"").hasMessageContaining("a.json#xml");
  }

  @Test
  void parse_emptyVersion_isRefused() {
    assertThatThrownBy(() -> CohortSelector.parse("a.json#json/")).hasMessageContaining("empty version");
  }

  @Test
  void select_mixedRunWithoutProtocol_asksForOne() {
    assertThatThrownBy(() -> CohortSelector.parse("a.json").select(mixed))
        .hasMessageContaining("both protocols")
        .hasMessageContaining("a.json#protobuf");
  }

  @Test
  void select_protocol_picksItsCohorts() {
    assertThat(CohortSelector.parse("a.json#json").select(mixed)).extracting(CohortResults::key)
        .containsExactly("json/none");
    assertThat(CohortSelector.parse("a.json#all").select(mixed)).hasSize(2);
  }

  @Test
  void select_missingVersion_listsWhatThereIs() {
    assertThatThrownBy(() -> CohortSelector.parse("a.json#protobuf/1.0.0").select(mixed))
        .hasMessageContaining("no cohort protobuf/1.0.0")
        .hasMessageContaining("[protobuf/1.2.0, json/none]");
  }

  @Test
  void select_singleProtocolRun_takesAllItsCohorts() {
    LoadResults json = LoadResults.of(mixed.run(), mixed.cohorts().subList(1, 2), null);
    assertThat(CohortSelector.parse("j.json").select(json)).hasSize(1);
  }

  @Test
  void withProtocol_keepsTheFile() {
    CohortSelector s = CohortSelector.parse("a.json").withProtocol("json");
    assertThat(s.protocol()).isEqualTo(Optional.of("json"));
    assertThat(s.file()).isEqualTo(Path.of("a.json"));
  }
}
