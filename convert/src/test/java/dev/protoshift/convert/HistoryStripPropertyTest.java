package dev.protoshift.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import dev.protoshift.convert.testschema.history.Frame;
import dev.protoshift.proto.ReleaseHistory;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The law of derived downgrades: for any older release made by removing elements from the current
 * schema, and any message, the downgrade for that release parses with the release's own descriptor
 * with nothing unknown, and keeps every value the release has. No declared changes take part.
 */
class HistoryStripPropertyTest {

  private static final String ROOT = Frame.getDescriptor().getFullName();

  @Test
  void downgrade_forARandomOlderRelease_isExactlyWhatThatReleaseHas() {
    qt().withExamples(300).forAll(longs().all(), longs().all())
        .checkAssert((schemaSeed, messageSeed) -> check(Frame.getDefaultInstance(), schemaSeed, messageSeed));
  }

  @Test
  void downgrade_ofDynamicMessages_forARandomOlderRelease_isExactlyWhatThatReleaseHas() {
    Message prototype = DynamicMessage.getDefaultInstance(Frame.getDescriptor());
    qt().withExamples(100).forAll(longs().all(), longs().all())
        .checkAssert((schemaSeed, messageSeed) -> check(prototype, schemaSeed, messageSeed));
  }

  private static void check(Message prototype, long schemaSeed, long messageSeed) {
    FileDescriptorSet older = SchemaEdit.randomOlder(Frame.getDescriptor().getFile(), ROOT, new SplittableRandom(schemaSeed));
    ReleaseHistory history = ReleaseHistory.of("random", Map.of("1.0.0", older));
    VersionChain<Message.Builder> chain = VersionChain.<Message.Builder>startingAt("1.0.0", "older")
        .history(history, prototype).release("2.0.0").build();
    Descriptor old = history.message("1.0.0", ROOT).orElseThrow();
    Message message = RandomMessages.of(prototype, new SplittableRandom(messageSeed));

    FieldDescriptor lostCase = rootCaseTheReleaseLacks(message, old);
    if (lostCase != null) {
      assertThatThrownBy(() -> chain.downgrade(message.toBuilder(), chain.baselineView()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(lostCase.getFullName());
      return;
    }
    Message downgraded = chain.downgrade(message.toBuilder(), chain.baselineView()).build();
    DynamicMessage read;
    try {
      read = DynamicMessage.parseFrom(old, downgraded.toByteString());
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
    String context = "release:\n" + older + "\nmessage:\n" + TextFormat.printer().printToString(message);
    assertThat(RandomMessages.unknownIn(read)).as(context).isNull();
    assertThat(read).as(context).isEqualTo(RandomMessages.project(message, old));
  }

  private static FieldDescriptor rootCaseTheReleaseLacks(Message message, Descriptor old) {
    for (FieldDescriptor field : message.getAllFields().keySet()) {
      if (field.getRealContainingOneof() != null && old.findFieldByNumber(field.getNumber()) == null) {
        return field;
      }
    }
    return null;
  }
}
