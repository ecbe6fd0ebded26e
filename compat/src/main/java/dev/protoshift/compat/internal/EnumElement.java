package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An enum; its values are grouped by number (aliases share one). */
final class EnumElement {

  final FileElement file;
  final EnumDescriptorProto proto;
  final String fullName;
  final String nestedName;
  final int[] path;
  final Features features;
  final Map<Integer, List<EnumValueElement>> valuesByNumber = new LinkedHashMap<>();

  EnumElement(FileElement file, EnumDescriptorProto proto, String fullName, int[] path, Features parent) {
    this.file = file;
    this.proto = proto;
    this.fullName = fullName;
    this.nestedName = file.nestedName(fullName);
    this.path = path;
    this.features = parent.with(proto.getOptions().getFeatures());
    for (int i = 0; i < proto.getValueCount(); i++) {
      EnumValueDescriptorProto value = proto.getValue(i);
      valuesByNumber.computeIfAbsent(value.getNumber(), n -> new ArrayList<>())
          .add(new EnumValueElement(this, value, Paths.append(path, Paths.ENUM_VALUE, i)));
    }
  }

  String name() {
    return proto.getName();
  }

  boolean isClosed() {
    return features.enumType() == com.google.protobuf.DescriptorProtos.FeatureSet.EnumType.CLOSED;
  }

  Location location() {
    return file.at(path);
  }

  /** The number of the value named {@code name}, or null. */
  Integer numberOf(String name) {
    for (EnumValueDescriptorProto value : proto.getValueList()) {
      if (value.getName().equals(name)) {
        return value.getNumber();
      }
    }
    return null;
  }

  /** True if every value (name and number) of {@code other} is also a value of this enum. */
  boolean containsAllOf(EnumElement other) {
    for (EnumValueDescriptorProto value : other.proto.getValueList()) {
      Integer number = numberOf(value.getName());
      if (number == null || number != value.getNumber()) {
        return false;
      }
    }
    return true;
  }
}
