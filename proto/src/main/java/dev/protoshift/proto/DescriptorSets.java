package dev.protoshift.proto;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading and linking {@code FileDescriptorSet}s, the form in which protoshift ships
 * schemas (see docs/schema.md).
 *
 * <p>Linking turns the plain descriptor protos of a set into {@link FileDescriptor}s, which
 * is what {@link com.google.protobuf.DynamicMessage} needs to decode bytes with a schema
 * that has no generated classes, such as a frozen release.
 */
public final class DescriptorSets {

  private static final ExtensionRegistry OPTIONS_REGISTRY = newOptionsRegistry();

  private DescriptorSets() {}

  /**
   * Parses a serialized {@code FileDescriptorSet}, recognising protoshift's options.
   *
   * @throws IllegalArgumentException if the bytes are not a descriptor set
   */
  public static FileDescriptorSet parse(byte[] bytes) {
    try {
      return FileDescriptorSet.parseFrom(bytes, OPTIONS_REGISTRY);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not a FileDescriptorSet: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a serialized {@code FileDescriptorSet} from a stream (which stays open).
   *
   * @throws UncheckedIOException if the stream cannot be read
   * @throws IllegalArgumentException if the bytes are not a descriptor set
   */
  public static FileDescriptorSet read(InputStream in) {
    try {
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read descriptor set", e);
    }
  }

  /**
   * Links every file of a self-contained set (one written with imports included).
   *
   * @return the linked files by path, in the order of the set
   * @throws IllegalArgumentException naming the file when an import is missing from the set,
   *     imports form a cycle, or a file does not validate
   */
  public static Map<String, FileDescriptor> link(FileDescriptorSet set) {
    Map<String, FileDescriptorProto> byName = new LinkedHashMap<>();
    for (FileDescriptorProto file : set.getFileList()) {
      byName.put(file.getName(), file);
    }
    Map<String, FileDescriptor> linked = new LinkedHashMap<>();
    for (String name : byName.keySet()) {
      link(name, byName, linked, new ArrayList<>());
    }
    return Collections.unmodifiableMap(linked);
  }

  /**
   * The protocol version a file declares with {@code option (protoshift.protocol_version)}.
   */
  public static Optional<String> declaredProtocolVersion(FileDescriptorProto file) {
    FileOptions options = file.getOptions();
    if (options.hasExtension(ProtoshiftOptions.protocolVersion)) {
      return Optional.of(options.getExtension(ProtoshiftOptions.protocolVersion));
    }
    // Parsed without protoshift's registry: the option is still there, as an unknown field.
    var field = options.getUnknownFields().getField(ProtoshiftOptions.PROTOCOL_VERSION_FIELD_NUMBER);
    if (field == null || field.getLengthDelimitedList().isEmpty()) {
      return Optional.empty();
    }
    List<com.google.protobuf.ByteString> values = field.getLengthDelimitedList();
    return Optional.of(values.get(values.size() - 1).toStringUtf8());
  }

  private static FileDescriptor link(
      String name,
      Map<String, FileDescriptorProto> byName,
      Map<String, FileDescriptor> linked,
      List<String> path) {
    FileDescriptor done = linked.get(name);
    if (done != null) {
      return done;
    }
    if (path.contains(name)) {
      throw new IllegalArgumentException("import cycle: " + String.join(" -> ", path) + " -> " + name);
    }
    FileDescriptorProto proto = byName.get(name);
    if (proto == null) {
      throw new IllegalArgumentException(
          "\"" + path.get(path.size() - 1) + "\" imports \"" + name
              + "\", which is not in the descriptor set (was it written with imports included?)");
    }
    path.add(name);
    List<FileDescriptor> dependencies = new ArrayList<>();
    for (String dependency : proto.getDependencyList()) {
      dependencies.add(link(dependency, byName, linked, path));
    }
    path.remove(path.size() - 1);
    try {
      FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies.toArray(new FileDescriptor[0]));
      linked.put(name, file);
      return file;
    } catch (DescriptorValidationException e) {
      throw new IllegalArgumentException("\"" + name + "\" does not link: " + e.getMessage(), e);
    }
  }

  private static ExtensionRegistry newOptionsRegistry() {
    ExtensionRegistry registry = ExtensionRegistry.newInstance();
    ProtoshiftOptions.registerAllExtensions(registry);
    return registry.getUnmodifiable();
  }
}
