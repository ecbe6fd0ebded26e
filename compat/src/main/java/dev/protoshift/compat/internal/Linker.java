package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links a descriptor set read from a file, refusing one that protoc would never have written:
 * an import the set lacks, an import cycle, a name two files define, and everything protobuf-java's
 * {@link FileDescriptor#buildFrom} refuses (a type reference that resolves to nothing or to a file
 * that is not imported, a field number or a name used twice, an invalid number, ...).
 *
 * <p>{@code buildFrom} links a file against its imports only, so the names of files that do not
 * import each other are checked here, across the whole set.
 */
public final class Linker {

  /** A linked set, by file name: what linking the other side of a comparison can reuse. */
  public static final class Linked {
    private final Map<String, FileDescriptorProto> protos;
    private final Map<String, FileDescriptor> descriptors;

    private Linked(Map<String, FileDescriptorProto> protos, Map<String, FileDescriptor> descriptors) {
      this.protos = protos;
      this.descriptors = descriptors;
    }
  }

  private Linker() {}

  /**
   * Links every file of {@code set}. A file whose descriptor is the very object that {@code reuse}
   * linked (a file a {@linkplain dev.protoshift.compat.DescriptorImage#parse(byte[],
   * dev.protoshift.compat.DescriptorImage) parse} shared between the two sides), and whose imports
   * are all reused too, is not linked again: its links are the same.
   *
   * @param reuse the other side's linked set, or null
   * @throws IllegalArgumentException naming the file and the element, e.g. {@code game/v1/a.proto:
   *     game.v1.Main.ref: ".game.v1.Missing" is not defined.}
   */
  public static Linked link(FileDescriptorSet set, Linked reuse) {
    Map<String, FileDescriptorProto> byName = new LinkedHashMap<>();
    for (FileDescriptorProto file : set.getFileList()) {
      if (byName.putIfAbsent(file.getName(), file) != null) {
        throw new IllegalArgumentException("the descriptor set holds \"" + file.getName() + "\" twice");
      }
    }
    for (FileDescriptorProto file : byName.values()) {
      for (String dependency : file.getDependencyList()) {
        if (!byName.containsKey(dependency)) {
          throw new IllegalArgumentException(file.getName() + " imports " + dependency
              + ", which the set does not contain (write the set with its imports: protoc --include_imports)");
        }
      }
    }
    List<FileDescriptorProto> order = new ArrayList<>();
    Map<String, Boolean> done = new HashMap<>();
    for (FileDescriptorProto file : byName.values()) {
      visit(file, byName, done, new ArrayList<>(), order);
    }
    checkNames(order);
    Map<String, FileDescriptor> linked = new HashMap<>();
    for (FileDescriptorProto file : order) {
      FileDescriptor[] dependencies = new FileDescriptor[file.getDependencyCount()];
      boolean reusable = reuse != null && reuse.protos.get(file.getName()) == file;
      for (int i = 0; i < dependencies.length; i++) {
        dependencies[i] = linked.get(file.getDependency(i));
        reusable = reusable && dependencies[i] == reuse.descriptors.get(file.getDependency(i));
      }
      if (reusable) {
        linked.put(file.getName(), reuse.descriptors.get(file.getName()));
        continue;
      }
      try {
        linked.put(file.getName(), FileDescriptor.buildFrom(file, dependencies, false));
      } catch (DescriptorValidationException e) {
        throw new IllegalArgumentException(file.getName() + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        // buildFrom's own checks, e.g. of features and editions, throw unchecked exceptions too.
        throw new IllegalArgumentException(file.getName() + ": does not link: " + e.getMessage(), e);
      }
    }
    return new Linked(byName, linked);
  }

  /** Depth first, imports before importers; a file met again on the current path closes a cycle. */
  private static void visit(FileDescriptorProto file, Map<String, FileDescriptorProto> byName,
      Map<String, Boolean> done, List<String> path, List<FileDescriptorProto> order) {
    Boolean state = done.get(file.getName());
    if (Boolean.TRUE.equals(state)) {
      return;
    }
    if (Boolean.FALSE.equals(state)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(file.getName()), path.size()));
      cycle.add(file.getName());
      throw new IllegalArgumentException("import cycle: " + String.join(" -> ", cycle));
    }
    done.put(file.getName(), Boolean.FALSE);
    path.add(file.getName());
    for (String dependency : file.getDependencyList()) {
      visit(byName.get(dependency), byName, done, path, order);
    }
    path.remove(path.size() - 1);
    done.put(file.getName(), Boolean.TRUE);
    order.add(file);
  }

  /** Every message, enum, enum value, service and extension name is defined by one file only. */
  private static void checkNames(List<FileDescriptorProto> files) {
    Map<String, String> definedIn = new HashMap<>();
    for (FileDescriptorProto file : files) {
      Map<String, String> own = new HashMap<>();
      String scope = file.getPackage();
      file.getMessageTypeList().forEach(m -> messageNames(m, scope, own));
      file.getEnumTypeList().forEach(e -> enumNames(e, scope, own));
      file.getServiceList().forEach(s -> own.put(qualify(scope, s.getName()), ""));
      file.getExtensionList().forEach(x -> own.put(qualify(scope, x.getName()), ""));
      for (String name : own.keySet()) {
        String other = definedIn.putIfAbsent(name, file.getName());
        if (other != null) {
          throw new IllegalArgumentException(file.getName() + ": " + name + ": \"" + name
              + "\" is already defined in file \"" + other + "\".");
        }
      }
    }
  }

  private static void messageNames(DescriptorProto message, String scope, Map<String, String> out) {
    String name = qualify(scope, message.getName());
    out.put(name, "");
    message.getNestedTypeList().forEach(m -> messageNames(m, name, out));
    message.getEnumTypeList().forEach(e -> enumNames(e, name, out));
    for (FieldDescriptorProto extension : message.getExtensionList()) {
      out.put(qualify(name, extension.getName()), "");
    }
  }

  private static void enumNames(EnumDescriptorProto e, String scope, Map<String, String> out) {
    out.put(qualify(scope, e.getName()), "");
    // Enum values are siblings of their enum, as in C++.
    e.getValueList().forEach(v -> out.put(qualify(scope, v.getName()), ""));
  }

  private static String qualify(String scope, String name) {
    return scope.isEmpty() ? name : scope + "." + name;
  }
}
