package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A message (nested or not); its fields are keyed by number, its oneofs listed in order. */
final class MessageElement {

  final FileElement file;
  final DescriptorProto proto;
  final String fullName;
  final String nestedName;
  final int[] path;
  final Features features;
  final Map<Integer, FieldElement> fieldsByNumber = new LinkedHashMap<>();
  /** For a map entry: the path of the map field that declares it (entries have no source of their own). */
  int[] mapFieldPath;
  final List<OneofElement> oneofs = new ArrayList<>();

  MessageElement(FileElement file, DescriptorProto proto, String fullName, int[] path, Features parent) {
    this.file = file;
    this.proto = proto;
    this.fullName = fullName;
    this.nestedName = file.nestedName(fullName);
    this.path = path;
    this.features = parent.with(proto.getOptions().getFeatures());
  }

  String name() {
    return proto.getName();
  }

  boolean isMapEntry() {
    return proto.getOptions().getMapEntry();
  }

  Location location() {
    return file.at(path);
  }
}
