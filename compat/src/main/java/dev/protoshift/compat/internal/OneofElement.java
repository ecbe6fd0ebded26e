package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import java.util.ArrayList;
import java.util.List;

/** A oneof; synthetic when it only wraps one proto3 {@code optional} field. */
final class OneofElement {

  final MessageElement message;
  final OneofDescriptorProto proto;
  final int index;
  final List<FieldElement> fields = new ArrayList<>();

  OneofElement(MessageElement message, OneofDescriptorProto proto, int index) {
    this.message = message;
    this.proto = proto;
    this.index = index;
  }

  String name() {
    return proto.getName();
  }

  boolean isSynthetic() {
    return !fields.isEmpty() && fields.stream().allMatch(f -> f.proto.getProto3Optional());
  }
}
