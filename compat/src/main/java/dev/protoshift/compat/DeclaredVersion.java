package dev.protoshift.compat;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.UnknownFieldSet;
import dev.protoshift.versioning.InvalidVersionException;
import dev.protoshift.versioning.ProtocolVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The protocol version a schema declares with {@code option (protoshift.protocol_version) =
 * "1.2.0";}, field 51200 of {@code google.protobuf.FileOptions}. Read from unknown fields (a set
 * parsed without protoshift's registry) or from the extension (a set parsed with it).
 */
public final class DeclaredVersion {

  /** The field number of {@code (protoshift.protocol_version)}. */
  public static final int FIELD_NUMBER = 51200;

  private DeclaredVersion() {}

  /** The version one file declares, as written, if it declares one. */
  public static Optional<String> of(FileDescriptorProto file) {
    FileOptions options = file.getOptions();
    UnknownFieldSet.Field field = options.getUnknownFields().getField(FIELD_NUMBER);
    if (field != null && !field.getLengthDelimitedList().isEmpty()) {
      List<ByteString> values = field.getLengthDelimitedList();
      return Optional.of(values.get(values.size() - 1).toStringUtf8());
    }
    for (Map.Entry<FieldDescriptor, Object> entry : options.getAllFields().entrySet()) {
      if (entry.getKey().isExtension() && entry.getKey().getNumber() == FIELD_NUMBER) {
        return Optional.of(String.valueOf(entry.getValue()));
      }
    }
    return Optional.empty();
  }

  /**
   * The version a schema declares: the one value its files declare, if any does.
   *
   * @param checked the files to look at
   * @throws IllegalArgumentException naming the files if they declare different versions, or the
   *     file if its version is not a valid semantic version
   */
  public static Optional<ProtocolVersion> of(FileDescriptorSet set, Predicate<String> checked) {
    Map<String, String> byFile = new TreeMap<>();
    for (FileDescriptorProto file : set.getFileList()) {
      if (checked.test(file.getName())) {
        of(file).ifPresent(v -> byFile.put(file.getName(), v));
      }
    }
    if (byFile.isEmpty()) {
      return Optional.empty();
    }
    if (byFile.values().stream().distinct().count() > 1) {
      throw new IllegalArgumentException("files declare different protocol versions: " + byFile);
    }
    var first = byFile.entrySet().iterator().next();
    try {
      return Optional.of(ProtocolVersion.parse(first.getValue()));
    } catch (InvalidVersionException e) {
      throw new IllegalArgumentException(first.getKey() + ": protocol_version " + e.getMessage(), e);
    }
  }
}
