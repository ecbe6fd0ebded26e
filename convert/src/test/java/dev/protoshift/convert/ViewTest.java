package dev.protoshift.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.ProtocolVersion;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ViewTest {

  private static final VersionClass LATEST = new VersionClass(ProtocolVersion.parse("1.1.0"), null);

  @Test
  void label_isTheClassThenSortedFeatures() {
    assertThat(View.of(LATEST, Set.of("story", "dag")).label()).isEqualTo("1.1.0+dag+story");
    assertThat(View.of(LATEST, Set.of()).label()).isEqualTo("1.1.0");
  }

  @Test
  void equality_ignoresTheOrderFeaturesCameIn() {
    assertThat(View.of(LATEST, Set.of("story", "dag"))).isEqualTo(View.of(LATEST, Set.of("dag", "story")));
    assertThat(new Cohort(Protocol.JSON, View.of(LATEST, Set.of("dag"))).label()).isEqualTo("json/1.1.0+dag");
  }
}
