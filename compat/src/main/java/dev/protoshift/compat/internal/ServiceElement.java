package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import java.util.LinkedHashMap;
import java.util.Map;

/** A service and its methods, keyed by name. */
final class ServiceElement {

  final FileElement file;
  final ServiceDescriptorProto proto;
  final String fullName;
  final int[] path;
  final Map<String, MethodElement> methods = new LinkedHashMap<>();

  ServiceElement(FileElement file, ServiceDescriptorProto proto, String fullName, int[] path) {
    this.file = file;
    this.proto = proto;
    this.fullName = fullName;
    this.path = path;
    for (int i = 0; i < proto.getMethodCount(); i++) {
      MethodDescriptorProto method = proto.getMethod(i);
      methods.putIfAbsent(method.getName(),
          new MethodElement(this, method, Paths.append(path, Paths.SERVICE_METHOD, i)));
    }
  }

  String name() {
    return proto.getName();
  }

  Location location() {
    return file.at(path);
  }
}
