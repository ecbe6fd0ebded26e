package dev.protoshift.compat.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.protoshift.compat.Compat;
import dev.protoshift.compat.CompatConfig;
import org.junit.jupiter.api.Test;

/** Default values as the library reads them from sets nobody linked. */
class DefaultsTest {

  private static FileDescriptorSet withDefault(Type type, String value) {
    return FileDescriptorSet.newBuilder().addFile(FileDescriptorProto.newBuilder().setName("m.proto")
        .setPackage("p").setSyntax("proto2").addMessageType(DescriptorProto.newBuilder().setName("M")
            .addField(FieldDescriptorProto.newBuilder().setName("a").setNumber(1).setLabel(Label.LABEL_OPTIONAL)
                .setType(type).setDefaultValue(value)))).build();
  }

  @Test
  void check_malformedNumericDefault_isAnInputErrorNamingTheField() {
    assertThatThrownBy(() -> Compat.check(withDefault(Type.TYPE_INT32, "1"), withDefault(Type.TYPE_INT32, "d1"),
        CompatConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("m.proto: field p.M.a: default value \"d1\" is not a valid int32");
    assertThatThrownBy(() -> Compat.check(withDefault(Type.TYPE_DOUBLE, "x"), withDefault(Type.TYPE_DOUBLE, "1.5"),
        CompatConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("m.proto: field p.M.a: default value \"x\" is not a valid double");
  }
}
