package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One side of a comparison: the files of a descriptor set, indexed the way the rules pair them
 * (files by path, messages, enums and services by full name, extensions by extendee and number).
 *
 * <p>Only <em>checked</em> files take part in pairing; the others (by default the well-known
 * {@code google/protobuf/*.proto} files, which protobuf versions and the user does not) are
 * still indexed for type look-ups.
 */
public final class Schema {

  final Map<String, FileElement> files = new LinkedHashMap<>();
  final Map<String, MessageElement> messages = new LinkedHashMap<>();
  final Map<String, EnumElement> enums = new LinkedHashMap<>();
  final Map<String, ServiceElement> services = new LinkedHashMap<>();
  /** extendee full name -> number -> extension. */
  final Map<String, Map<Integer, FieldElement>> extensions = new LinkedHashMap<>();
  private final Map<String, MessageElement> allMessages = new HashMap<>();
  private final Map<String, EnumElement> allEnums = new HashMap<>();

  private Schema() {}

  /**
   * Indexes a descriptor set.
   *
   * @param checked which file paths take part in the comparison
   * @throws IllegalArgumentException naming the path if the set holds one file twice
   */
  public static Schema of(FileDescriptorSet set, Predicate<String> checked) {
    return of(dev.protoshift.compat.DescriptorImage.of(set), checked);
  }

  /**
   * Indexes a descriptor image (source code info parsed only where needed).
   *
   * @throws IllegalArgumentException naming the path if the image holds one file twice
   */
  public static Schema of(dev.protoshift.compat.DescriptorImage image, Predicate<String> checked) {
    FileDescriptorSet set = image.files();
    Schema schema = new Schema();
    List<FieldElement> fields = new ArrayList<>();
    Map<String, Boolean> seen = new HashMap<>();
    for (FileDescriptorProto proto : set.getFileList()) {
      if (seen.put(proto.getName(), Boolean.TRUE) != null) {
        throw new IllegalArgumentException("the descriptor set holds \"" + proto.getName() + "\" twice");
      }
      FileElement file = new FileElement(proto, new SourceInfo(image.rawSourceCodeInfo(proto.getName()).orElse(null),
          () -> image.sourceCodeInfo(proto)));
      boolean isChecked = checked.test(file.path) && !isBufImport(proto);
      String scope = file.pkg;
      for (int i = 0; i < proto.getMessageTypeCount(); i++) {
        schema.addMessage(file, proto.getMessageType(i), scope, new int[] {Paths.FILE_MESSAGE, i}, file.features, fields);
      }
      for (int i = 0; i < proto.getEnumTypeCount(); i++) {
        schema.addEnum(file, proto.getEnumType(i), scope, new int[] {Paths.FILE_ENUM, i}, file.features);
      }
      for (int i = 0; i < proto.getServiceCount(); i++) {
        String name = qualify(scope, proto.getService(i).getName());
        file.services.add(new ServiceElement(file, proto.getService(i), name, new int[] {Paths.FILE_SERVICE, i}));
      }
      for (int i = 0; i < proto.getExtensionCount(); i++) {
        FieldElement ext = new FieldElement(file, proto.getExtension(i), null, scope,
            new int[] {Paths.FILE_EXTENSION, i}, file.features);
        file.extensions.add(ext);
        fields.add(ext);
      }
      if (isChecked) {
        schema.files.put(file.path, file);
        file.messages.forEach(m -> schema.messages.putIfAbsent(m.fullName, m));
        file.enums.forEach(e -> schema.enums.putIfAbsent(e.fullName, e));
        file.services.forEach(s -> schema.services.putIfAbsent(s.fullName, s));
        for (FieldElement ext : file.extensions) {
          schema.extensions.computeIfAbsent(ext.extendee, k -> new LinkedHashMap<>()).putIfAbsent(ext.number(), ext);
        }
      }
      file.messages.forEach(m -> schema.allMessages.putIfAbsent(m.fullName, m));
      file.enums.forEach(e -> schema.allEnums.putIfAbsent(e.fullName, e));
    }
    for (FieldElement field : fields) {
      String type = field.typeName();
      if (!type.isEmpty()) {
        MessageElement message = schema.allMessages.get(type);
        field.mapEntryType = message != null && message.isMapEntry() && field.isRepeated();
        if (field.mapEntryType && message.file == field.file) {
          message.mapFieldPath = field.path;
        }
        field.enumType = schema.allEnums.get(type);
      }
    }
    return schema;
  }

  private void addMessage(FileElement file, DescriptorProto proto, String scope, int[] path,
      Features parentFeatures, List<FieldElement> fields) {
    String fullName = qualify(scope, proto.getName());
    MessageElement message = new MessageElement(file, proto, fullName, path, parentFeatures);
    file.messages.add(message);
    for (int i = 0; i < proto.getOneofDeclCount(); i++) {
      message.oneofs.add(new OneofElement(message, proto.getOneofDecl(i), i));
    }
    for (int i = 0; i < proto.getFieldCount(); i++) {
      FieldDescriptorProto fieldProto = proto.getField(i);
      Features scopeFeatures = message.features;
      OneofElement oneof = null;
      if (fieldProto.hasOneofIndex() && fieldProto.getOneofIndex() < message.oneofs.size()) {
        oneof = message.oneofs.get(fieldProto.getOneofIndex());
        scopeFeatures = scopeFeatures.with(oneof.proto.getOptions().getFeatures());
      }
      FieldElement field = new FieldElement(file, fieldProto, message, fullName,
          Paths.append(path, Paths.MESSAGE_FIELD, i), scopeFeatures);
      field.oneof = oneof;
      if (oneof != null) {
        oneof.fields.add(field);
      }
      message.fieldsByNumber.putIfAbsent(field.number(), field);
      fields.add(field);
    }
    for (int i = 0; i < proto.getNestedTypeCount(); i++) {
      addMessage(file, proto.getNestedType(i), fullName, Paths.append(path, Paths.MESSAGE_NESTED, i),
          message.features, fields);
    }
    for (int i = 0; i < proto.getEnumTypeCount(); i++) {
      addEnum(file, proto.getEnumType(i), fullName, Paths.append(path, Paths.MESSAGE_ENUM, i), message.features);
    }
    for (int i = 0; i < proto.getExtensionCount(); i++) {
      FieldElement ext = new FieldElement(file, proto.getExtension(i), message, fullName,
          Paths.append(path, Paths.MESSAGE_EXTENSION, i), message.features);
      file.extensions.add(ext);
      fields.add(ext);
    }
  }

  private void addEnum(FileElement file, EnumDescriptorProto proto, String scope, int[] path, Features parent) {
    file.enums.add(new EnumElement(file, proto, qualify(scope, proto.getName()), path, parent));
  }

  private static String qualify(String scope, String name) {
    return scope.isEmpty() ? name : scope + "." + name;
  }

  /**
   * True for a file that a buf image ({@code buf build -o image.binpb}) marks as an import: buf
   * stores {@code ImageFileExtension} as field 8042 of each file, {@code is_import} as its field 1.
   * Imports are dependencies of the schema, not the schema, so they are not compared (as in buf).
   */
  static boolean isBufImport(FileDescriptorProto proto) {
    var extension = proto.getUnknownFields().getField(BUF_IMAGE_EXTENSION);
    if (extension == null) {
      return false;
    }
    for (var bytes : extension.getLengthDelimitedList()) {
      try {
        var isImport = com.google.protobuf.UnknownFieldSet.parseFrom(bytes).getField(1);
        if (isImport != null && !isImport.getVarintList().isEmpty()
            && isImport.getVarintList().get(isImport.getVarintList().size() - 1) != 0) {
          return true;
        }
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        return false; // not buf's extension after all
      }
    }
    return false;
  }

  static final int BUF_IMAGE_EXTENSION = 8042;

  /** Any message of the set by full name (checked or not), or null. */
  MessageElement message(String fullName) {
    return allMessages.get(fullName);
  }

  /** Any enum of the set by full name (checked or not), or null. */
  EnumElement anyEnum(String fullName) {
    return allEnums.get(fullName);
  }

  /** The number of files that take part in the comparison. */
  public int fileCount() {
    return files.size();
  }
}
