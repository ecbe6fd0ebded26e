package dev.protoshift.versioning.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutConfigTest {

  @Test
  void defaults_areSafe() {
    RolloutConfig d = RolloutConfig.defaults();

    assertThat(d.enabled()).isFalse();
    assertThat(d.rolloutBasisPoints()).isZero();
    assertThat(d.forceEnableRooms()).isEmpty();
    assertThat(d.forceDisableRooms()).isEmpty();
    assertThat(d.minClientVersion()).isEmpty();
    assertThat(d.bucketBy()).isEqualTo(BucketBy.ROOM);
    assertThat(d.salt()).isEqualTo("protoshift");
  }

  @Test
  void rolloutPercentage_isShownWithoutNeedlessDecimals() {
    assertThat(percent(5000)).isEqualTo("50");
    assertThat(percent(1250)).isEqualTo("12.5");
    assertThat(percent(1)).isEqualTo("0.01");
    assertThat(percent(0)).isEqualTo("0");
    assertThat(percent(10_000)).isEqualTo("100");
  }

  private static String percent(int bp) {
    return RolloutConfig.of(RolloutOverrides.builder().rolloutBasisPoints(bp).build()).rolloutPercentage().toPlainString();
  }

  @Test
  void toMap_listsEveryKeyInDocumentedOrder() {
    Map<String, Object> map = RolloutConfig.defaults().toMap();

    assertThat(map.keySet()).containsExactlyElementsOf(Arrays.stream(RolloutKey.values()).map(RolloutKey::key).toList());
    assertThat(map.get("force_enable_rooms")).isEqualTo(List.of());
    assertThat(map.get("min_client_version")).isNull();
  }

  @Test
  void defaultTexts_matchTheDefaults() {
    Map<String, Object> map = RolloutConfig.defaults().toMap();

    for (RolloutKey key : RolloutKey.values()) {
      Object value = map.get(key.key());
      String shown = value == null ? "none" : value instanceof List<?> l ? l.toString() : value.toString();
      assertThat(shown).as(key.key()).isEqualTo(key.defaultText());
    }
  }

  @Test
  void equality_isByValue() {
    RolloutOverrides o = RolloutOverrides.parseFile(RolloutOverridesTest.SEED_YAML, "f");

    assertThat(RolloutConfig.of(o)).isEqualTo(RolloutConfig.of(o)).hasSameHashCodeAs(RolloutConfig.of(o));
    assertThat(RolloutConfig.of(o)).isNotEqualTo(RolloutConfig.defaults());
  }
}
