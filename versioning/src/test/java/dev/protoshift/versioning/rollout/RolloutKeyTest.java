package dev.protoshift.versioning.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutKeyTest {

  @Test
  void names_followTheSeed() {
    assertThat(RolloutKey.ENABLED.path()).isEqualTo("protobuf.enabled");
    assertThat(RolloutKey.ENABLED.envVar()).isEqualTo("PROTOBUF_ENABLED");
    assertThat(RolloutKey.FORCE_DISABLE_ROOMS.envVar()).isEqualTo("PROTOBUF_FORCE_DISABLE_ROOMS");
    assertThat(RolloutKey.fromKey("rollout_percentage")).hasValue(RolloutKey.ROLLOUT_PERCENTAGE);
    assertThat(RolloutKey.fromKey("ROLLOUT_PERCENTAGE")).isEmpty();
  }

  @Test
  void docsConfigurationTable_listsEveryKeyWithItsVariableAndDefault() {
    List<List<String>> rows = DocsPages.table("configuration.md", "config-keys");

    assertThat(rows).extracting(r -> DocsPages.code(r.get(0)))
        .containsExactlyElementsOf(Arrays.stream(RolloutKey.values()).map(RolloutKey::key).toList());
    for (List<String> row : rows) {
      RolloutKey key = RolloutKey.fromKey(DocsPages.code(row.get(0))).orElseThrow();
      assertThat(DocsPages.code(row.get(1))).as(key.key()).isEqualTo(key.envVar());
      assertThat(DocsPages.code(row.get(2))).as(key.key()).isEqualTo(key.defaultText());
    }
  }
}
