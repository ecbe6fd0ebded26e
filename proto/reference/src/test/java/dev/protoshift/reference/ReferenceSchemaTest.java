package dev.protoshift.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.protoshift.proto.DescriptorSets;
import dev.protoshift.proto.game.WsMessagesProto;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceSchemaTest {

  @Test
  void protocolVersion_isWhatTheJarsDescriptorSetDeclares() {
    FileDescriptorProto file = find(ReferenceSchema.descriptorSet(), ReferenceSchema.FILE);

    assertThat(DescriptorSets.declaredProtocolVersion(file)).contains(ReferenceSchema.protocolVersion());
    assertThat(ReferenceSchema.protocolVersion()).matches("\\d+\\.\\d+\\.\\d+");
  }

  @Test
  void descriptorSet_isSelfContainedWithSourceInfo() {
    FileDescriptorSet set = ReferenceSchema.descriptorSet();

    assertThat(set.getFileList()).extracting(FileDescriptorProto::getName)
        .contains("google/protobuf/descriptor.proto", "protoshift/options.proto", ReferenceSchema.FILE);
    assertThat(find(set, ReferenceSchema.FILE).getSourceCodeInfo().getLocationCount()).isPositive();
    assertThat(fields(DescriptorSets.link(set).get(ReferenceSchema.FILE)))
        .isNotEmpty()
        .isEqualTo(fields(WsMessagesProto.getDescriptor()));
  }

  @Test
  void releasedVersions_listsTheSeedsReleasesOldestFirst() {
    List<String> released = ReferenceSchema.releasedVersions();

    assertThat(released).startsWith("1.0.0", "1.1.0");
    assertThat(released).doesNotHaveDuplicates();
  }

  @Test
  void released_eachFrozenSchemaDeclaresItsOwnVersion() {
    for (String version : ReferenceSchema.releasedVersions()) {
      assertThat(DescriptorSets.declaredProtocolVersion(ReferenceSchema.released(version).toProto()))
          .as(version).contains(version);
    }
  }

  @Test
  void releasedMessage_1_0_0_hasRouteJsonButNoWaypoints() {
    var ghost = ReferenceSchema.releasedMessage("1.0.0", "Ghost");

    assertThat(ghost.findFieldByName("route_json").getNumber()).isEqualTo(100);
    assertThat(ghost.findFieldByName("waypoints")).isNull();
  }

  @Test
  void releasedMessage_unknownVersion_namesTheVersionAndTheReleases() {
    assertThatThrownBy(() -> ReferenceSchema.releasedMessage("0.9.0", "Ghost"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"0.9.0\" of schema reference was never released")
        .hasMessageContaining("1.0.0");
  }

  @Test
  void releasedMessage_unknownMessage_namesIt() {
    assertThatThrownBy(() -> ReferenceSchema.releasedMessage("1.0.0", "Dag"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("release 1.0.0 has no message Dag");
  }

  /** Every field as "Message.field=number:type", the part of a schema the wire depends on. */
  private static List<String> fields(FileDescriptor file) {
    return file.getMessageTypes().stream()
        .flatMap(m -> m.getFields().stream())
        .map(f -> f.getContainingType().getName() + "." + f.getName() + "=" + f.getNumber() + ":" + f.getType())
        .toList();
  }

  private static FileDescriptorProto find(FileDescriptorSet set, String name) {
    return set.getFileList().stream().filter(f -> f.getName().equals(name)).findFirst().orElseThrow();
  }
}
