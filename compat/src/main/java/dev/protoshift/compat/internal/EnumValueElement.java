package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;

/** One value of an enum. */
record EnumValueElement(EnumElement parent, EnumValueDescriptorProto proto, int[] path) {

  String name() {
    return proto.getName();
  }

  int number() {
    return proto.getNumber();
  }
}
