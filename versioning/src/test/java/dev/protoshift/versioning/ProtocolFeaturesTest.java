package dev.protoshift.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProtocolFeaturesTest {

  private static final ProtocolFeatures GAME = ProtocolFeatures.builder()
      .add("story", "1.1.0").add("dag", "1.1.0").add("inventory", "1.1.0").add("replay", "1.3.0").build();

  @Test
  void availableAt_hasFeaturesIntroducedAtOrBefore_sorted() {
    assertThat(GAME.availableAt(ProtocolVersion.parse("1.0.0"))).isEmpty();
    assertThat(GAME.availableAt(ProtocolVersion.parse("1.2.0"))).containsExactly("dag", "inventory", "story");
    assertThat(GAME.availableAt(ProtocolVersion.parse("1.3.0"))).containsExactly("dag", "inventory", "replay", "story");
  }

  @Test
  void availableAt_preReleaseOfTheIntroducingVersion_doesNotHaveIt() {
    assertThat(GAME.availableAt(ProtocolVersion.parse("1.1.0-beta.2"))).isEmpty();
  }

  @Test
  void add_badOrDuplicateName_isRefused() {
    assertThatThrownBy(() -> ProtocolFeatures.builder().add("Dag", "1.0.0"))
        .hasMessage("feature name must match [a-z0-9][a-z0-9_.-]{0,63}, was \"Dag\"");
    assertThatThrownBy(() -> ProtocolFeatures.builder().add("dag", "1.0.0").add("dag", "1.1.0"))
        .hasMessage("feature \"dag\" added twice");
  }
}
