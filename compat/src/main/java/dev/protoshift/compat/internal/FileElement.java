package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.Edition;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import java.util.ArrayList;
import java.util.List;

/** One {@code .proto} file of a schema, with every element it declares (nested ones included). */
final class FileElement {

  final FileDescriptorProto proto;
  final String path;
  final String pkg;
  final Edition edition;
  final Features features;
  final SourceInfo source;
  final List<MessageElement> messages = new ArrayList<>();
  final List<EnumElement> enums = new ArrayList<>();
  final List<ServiceElement> services = new ArrayList<>();
  final List<FieldElement> extensions = new ArrayList<>();

  FileElement(FileDescriptorProto proto, SourceInfo source) {
    this.proto = proto;
    this.path = proto.getName();
    this.pkg = proto.getPackage();
    this.edition = editionOf(proto);
    this.features = Features.defaults(edition).with(proto.getOptions().getFeatures());
    this.source = source;
  }

  static Edition editionOf(FileDescriptorProto proto) {
    return switch (proto.getSyntax()) {
      case "", "proto2" -> Edition.EDITION_PROTO2;
      case "proto3" -> Edition.EDITION_PROTO3;
      default -> proto.getEdition();
    };
  }

  boolean isEditions() {
    return "editions".equals(proto.getSyntax());
  }

  /** "proto2", "proto3" or "editions" (an empty syntax is proto2). */
  String syntax() {
    return proto.getSyntax().isEmpty() ? "proto2" : proto.getSyntax();
  }

  /** {@code name} relative to this file's package: the nested name buf reports. */
  String nestedName(String fullName) {
    return pkg.isEmpty() ? fullName : fullName.substring(pkg.length() + 1);
  }

  Location at(int[]... candidates) {
    return new Location(this, candidates);
  }
}
