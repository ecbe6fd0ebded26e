package dev.protoshift.convert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.protoshift.convert.testschema.history.Direction;
import dev.protoshift.convert.testschema.history.Event;
import dev.protoshift.convert.testschema.history.Frame;
import dev.protoshift.convert.testschema.history.Snake;
import dev.protoshift.convert.testschema.history.Trail;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleMessagesTest {

  private static final List<Frame> SAMPLES = SampleMessages.of(Frame.getDefaultInstance()).stream()
      .map(Frame.class::cast).toList();

  @Test
  void of_setsEveryOneofCaseInSomeSample() {
    assertThat(SAMPLES).extracting(Frame::getPayloadCase)
        .containsExactly(Frame.PayloadCase.STATE, Frame.PayloadCase.CHAT, Frame.PayloadCase.BOOST);
    assertThat(SAMPLES.get(0).getState().getLastEvent().getKindCase()).isEqualTo(Event.KindCase.DIED);
  }

  @Test
  @SuppressWarnings("deprecation")
  void of_setsEveryNonDeprecatedField_withTwoEntriesAndTheNewestEnumValues() {
    Snake snake = SAMPLES.get(0).getState().getSnakes(0);

    assertThat(SAMPLES.get(0).getState().getSnakesCount()).isEqualTo(2);
    assertThat(SAMPLES.get(0).getState().getByNameMap()).containsOnlyKeys("k0", "k1");
    assertThat(snake.getBodyJson()).isEmpty();
    assertThat(snake.getColor()).isNotEmpty();
    assertThat(snake.getBodyCount()).isEqualTo(2);
    assertThat(snake.getHeading()).isEqualTo(Direction.WARP);
    assertThat(snake.getTurnsList()).containsExactly(Direction.WARP, Direction.BOOST);
    assertThat(SAMPLES.get(0).hasMotd()).isTrue();
  }

  @Test
  void of_entersARecursiveTypeTwicePerPath() {
    Trail trail = SAMPLES.get(0).getState().getTrail();

    assertThat(trail.hasNext()).isTrue();
    assertThat(trail.getNext().hasNext()).isFalse();
  }

  @Test
  void of_isTheSameEveryTime() {
    List<Message> again = SampleMessages.of(Frame.getDefaultInstance());

    assertThat(again).isEqualTo(SAMPLES);
  }
}
