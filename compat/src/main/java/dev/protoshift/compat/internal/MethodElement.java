package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;

/** An RPC of a service. */
record MethodElement(ServiceElement service, MethodDescriptorProto proto, int[] path) {

  String name() {
    return proto.getName();
  }

  String inputType() {
    return FieldElement.stripDot(proto.getInputType());
  }

  String outputType() {
    return FieldElement.stripDot(proto.getOutputType());
  }

  Location location(int... part) {
    return part.length == 0 ? service.file.at(path) : service.file.at(Paths.append(path, part), path);
  }
}
