package dev.protoshift.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.versioning.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionLabelsTest {

  @Test
  void oldestFirst_noneThenSemverOrderThenOther() {
    List<String> labels = new ArrayList<>(List.of("1.1.0", "other", "1.0.10", "none", "1.1.0-rc.1", "1.0.2", "2.0.0"));
    labels.sort(VersionLabels.OLDEST_FIRST);

    assertThat(labels).containsExactly("none", "1.0.2", "1.0.10", "1.1.0-rc.1", "1.1.0", "2.0.0", "other");
  }

  @Test
  void label_beyondTheCapacity_isOther_andKeptLabelsStay() {
    VersionLabels labels = new VersionLabels();
    for (int i = 0; i < VersionLabels.CAPACITY; i++) {
      assertThat(labels.label(Optional.of(ProtocolVersion.of(1, 0, i)))).isEqualTo("1.0." + i);
    }

    assertThat(labels.label(Optional.of(ProtocolVersion.of(1, 1, 0)))).isEqualTo(VersionLabels.OTHER);
    assertThat(labels.label(Optional.of(ProtocolVersion.of(1, 0, 3)))).isEqualTo("1.0.3");
    assertThat(labels.label(Optional.empty())).isEqualTo(VersionLabels.NONE);
  }
}
