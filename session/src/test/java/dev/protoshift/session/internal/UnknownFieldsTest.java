package dev.protoshift.session.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.protoshift.session.testgame.Court;
import dev.protoshift.session.testgame.Paddle;
import dev.protoshift.session.testgame.PongMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shadow check's walk of protobuf bytes against a release's schema, against a parse with that schema. */
class UnknownFieldsTest {

  /** PongMessage as a release without the named fields (e.g. Paddle.y) would decode it. */
  static Descriptor releaseWithout(String... fields) throws DescriptorValidationException {
    FileDescriptorProto.Builder file = PongMessage.getDescriptor().getFile().toProto().toBuilder();
    for (DescriptorProto.Builder m : file.getMessageTypeBuilderList()) {
      for (int i = m.getFieldCount() - 1; i >= 0; i--) {
        for (String f : fields) {
          if ((m.getName() + "." + m.getField(i).getName()).equals(f)) {
            m.removeField(i);
          }
        }
      }
    }
    return FileDescriptor.buildFrom(file.build(), new FileDescriptor[0]).findMessageTypeByName("PongMessage");
  }

  static byte[] court(int... ys) {
    Court.Builder c = Court.newBuilder().setTick(7);
    for (int i = 0; i < ys.length; i++) {
      c.addPaddles(Paddle.newBuilder().setId("p" + i).setY(ys[i]));
    }
    return PongMessage.newBuilder().setCourt(c).build().toByteArray();
  }

  @Test
  void find_aFieldTheReleaseLacks_namesItsPath() throws Exception {
    assertThat(UnknownFields.find(releaseWithout("Paddle.y"), court(0, 5)))
        .contains("court.paddles[1] field 2");
    assertThat(UnknownFields.find(releaseWithout("Court.tick"), court(1))).contains("court field 1");
  }

  @Test
  void find_framesTheReleaseKnows_findsNothing() throws Exception {
    assertThat(UnknownFields.find(releaseWithout(), court(1, 2, 3))).isEmpty();
    assertThat(UnknownFields.find(releaseWithout("Paddle.y"), court(0, 0))).as("y = 0 is not on the wire").isEmpty();
  }

  @Test
  void find_aKnownNumberWithAnotherWireType_isUnknown_asTheClientsParserKeepsIt() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeFixed64(1, 99); // Court.tick is a varint
    out.flush();
    byte[] court = bytes.toByteArray();
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    CodedOutputStream w = CodedOutputStream.newInstance(whole);
    w.writeByteArray(1, court);
    w.flush();

    assertThat(UnknownFields.find(releaseWithout(), whole.toByteArray())).contains("court field 1");
    assertThat(reflectively(releaseWithout(), whole.toByteArray())).isPresent();
  }

  @Test
  void find_bytesThatAreNoMessage_throwInvalidProtocolBuffer() throws Exception {
    byte[] whole = court(1, 2);
    assertThatThrownBy(() -> UnknownFields.find(releaseWithout(), java.util.Arrays.copyOf(whole, whole.length - 3)))
        .isInstanceOf(InvalidProtocolBufferException.class);
    assertThatThrownBy(() -> UnknownFields.find(releaseWithout(), new byte[] {(byte) 0x80}))
        .isInstanceOf(InvalidProtocolBufferException.class);
  }

  @Test
  void property_agreesWithAParseByTheReleasesSchema_onRandomCourts() throws Exception {
    Map<String, Descriptor> releases = Map.of("all", releaseWithout(), "no y", releaseWithout("Paddle.y"),
        "no tick", releaseWithout("Court.tick"), "no paddles", releaseWithout("Court.paddles"));
    qt().forAll(lists().of(integers().between(-3, 3)).ofSizeBetween(0, 6), arbitrary().pick(List.copyOf(releases.keySet())))
        .checkAssert((ys, release) -> {
          byte[] bytes = court(ys.stream().mapToInt(Integer::intValue).toArray());
          try {
            assertThat(UnknownFields.find(releases.get(release), bytes).isPresent())
                .isEqualTo(reflectively(releases.get(release), bytes).isPresent());
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void property_arbitraryBytes_giveAnAnswerOrInvalidProtocolBuffer_never_anythingElse() throws Exception {
    Descriptor release = releaseWithout("Paddle.y");
    qt().forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 64)).checkAssert(list -> {
      byte[] bytes = new byte[list.size()];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) (int) list.get(i);
      }
      try {
        UnknownFields.find(release, bytes);
      } catch (InvalidProtocolBufferException e) {
        // a clear refusal: the shadow check reports it as a frame the release cannot decode
      }
    });
  }

  /** The oracle: parse with the release's schema, then look for unknown fields anywhere. */
  static Optional<String> reflectively(Descriptor release, byte[] bytes) throws InvalidProtocolBufferException {
    return unknownIn(DynamicMessage.parseFrom(release, bytes));
  }

  static Optional<String> unknownIn(Message m) {
    if (!m.getUnknownFields().asMap().isEmpty()) {
      return Optional.of(m.getUnknownFields().asMap().keySet().toString());
    }
    for (var e : m.getAllFields().entrySet()) {
      if (e.getKey().getJavaType() != com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      List<?> values = e.getKey().isRepeated() ? (List<?>) e.getValue() : List.of(e.getValue());
      for (Object v : values) {
        Optional<String> found = unknownIn((Message) v);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
