package dev.protoshift.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.FileOptions;
import org.junit.jupiter.api.Test;

class DescriptorSetsTest {

  @Test
  void link_missingImport_namesImporterAndImport() {
    FileDescriptorSet set = FileDescriptorSet.newBuilder()
        .addFile(FileDescriptorProto.newBuilder().setName("a.proto").addDependency("b.proto"))
        .build();

    assertThatThrownBy(() -> DescriptorSets.link(set))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"a.proto\" imports \"b.proto\", which is not in the descriptor set");
  }

  @Test
  void link_importCycle_isAnErrorNotAStackOverflow() {
    FileDescriptorSet set = FileDescriptorSet.newBuilder()
        .addFile(FileDescriptorProto.newBuilder().setName("a.proto").addDependency("b.proto"))
        .addFile(FileDescriptorProto.newBuilder().setName("b.proto").addDependency("a.proto"))
        .build();

    assertThatThrownBy(() -> DescriptorSets.link(set))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("import cycle: a.proto -> b.proto -> a.proto");
  }

  @Test
  void link_invalidFile_namesIt() {
    FileDescriptorSet set = FileDescriptorSet.newBuilder()
        .addFile(FileDescriptorProto.newBuilder().setName("bad.proto")
            .addMessageType(DescriptorProto.newBuilder().setName("A"))
            .addMessageType(DescriptorProto.newBuilder().setName("A")))
        .build();

    assertThatThrownBy(() -> DescriptorSets.link(set))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("\"bad.proto\" does not link");
  }

  @Test
  void parse_garbage_isIllegalArgument() {
    assertThatThrownBy(() -> DescriptorSets.parse(new byte[] {(byte) 0xFF, 0x01, 0x02}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a FileDescriptorSet");
  }

  @Test
  void declaredProtocolVersion_readsTheOptionEvenWhenParsedWithoutRegistry() throws Exception {
    FileDescriptorProto withOption = FileDescriptorProto.newBuilder().setName("x.proto")
        .setOptions(FileOptions.newBuilder().setExtension(ProtoshiftOptions.protocolVersion, "3.4.5"))
        .build();
    FileDescriptorProto plain = FileDescriptorProto.parseFrom(withOption.toByteArray());

    assertThat(plain.getOptions().getUnknownFields().asMap()).isNotEmpty();
    assertThat(DescriptorSets.declaredProtocolVersion(plain)).contains("3.4.5");
    assertThat(DescriptorSets.declaredProtocolVersion(withOption)).contains("3.4.5");
    assertThat(DescriptorSets.declaredProtocolVersion(FileDescriptorProto.getDefaultInstance())).isEmpty();
  }
}
