package dev.protoshift.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.versioning.Protocol;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CohortFrameTest {

  static final Cohort PROTO = BoardGame.cohort(Protocol.PROTOBUF, "1.1.0");
  static final Cohort JSON = BoardGame.cohort(Protocol.JSON, "1.0.0");

  @Test
  void of_shared_givesEveryMemberTheSameBytes_andGoesOutInTheCohortsFrameType() {
    byte[] bytes = {1, 2, 3};
    CohortFrame frame = CohortFrame.of(PROTO, bytes);

    assertThat(frame.cohort()).isEqualTo(PROTO);
    assertThat(frame.shared()).isSameAs(bytes);
    assertThat(frame.forRecipient("p1")).isSameAs(bytes);
    assertThat(frame.forRecipient(null)).isSameAs(bytes);
    assertThat(frame.binary()).isTrue();
    assertThat(CohortFrame.of(JSON, "{}".getBytes(StandardCharsets.UTF_8)).binary()).isFalse();
  }

  @Test
  void of_withAStep_assemblesEachMembersFrame_andGivesAMemberWithoutAnIdTheSharedOne() {
    byte[] shared = {9};
    CohortFrame frame = CohortFrame.of(PROTO, shared, id -> {
      if (!id.startsWith("p")) {
        throw new IllegalArgumentException("no member " + id);
      }
      return (id + "!").getBytes(StandardCharsets.UTF_8);
    });

    assertThat(frame.shared()).isSameAs(shared);
    assertThat(frame.forRecipient(null)).isSameAs(shared);
    assertThat(new String(frame.forRecipient("p7"), StandardCharsets.UTF_8)).isEqualTo("p7!");
    assertThatThrownBy(() -> frame.forRecipient("x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no member x");
  }

  @Test
  void of_refusesNulls() {
    assertThatThrownBy(() -> CohortFrame.of(null, new byte[0])).isInstanceOf(NullPointerException.class)
        .hasMessage("cohort");
    assertThatThrownBy(() -> CohortFrame.of(PROTO, null)).hasMessage("shared");
    assertThatThrownBy(() -> CohortFrame.of(PROTO, new byte[0], null)).hasMessage("forRecipient");
  }
}
