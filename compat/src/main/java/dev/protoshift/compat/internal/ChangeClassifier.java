package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.UnknownFieldSet;
import dev.protoshift.compat.Bump;
import java.util.HashSet;
import java.util.Set;

/**
 * The bump a change needs apart from breaking findings: MINOR for additions (file, message, field,
 * extension, enum, enum value, service, method, oneof), PATCH for any other difference (comments,
 * options), NONE when the schemas are the same. The declared protocol version itself is left out:
 * bumping it is not a change that needs a bump; so is the bookkeeping a buf image adds to files.
 */
final class ChangeClassifier {

  static final int PROTOCOL_VERSION_FIELD = 51200;

  private ChangeClassifier() {}

  static Bump classify(Schema previous, Schema current) {
    return classify(previous, current, Unchanged.NONE);
  }

  /** Classifies, not comparing again what {@code unchanged} knows to be the same on both sides. */
  static Bump classify(Schema previous, Schema current, Unchanged unchanged) {
    if (hasAdditions(previous, current, unchanged)) {
      return Bump.MINOR;
    }
    if (!previous.files.keySet().equals(current.files.keySet())) {
      return Bump.PATCH; // files went away: breaking rules decide whether that is MAJOR
    }
    for (FileElement file : current.files.values()) {
      FileElement before = previous.files.get(file.path);
      if (unchanged.file(file.path)) {
        continue;
      }
      if (!normalized(before.proto).equals(normalized(file.proto)) || !sameComments(before, file)) {
        return Bump.PATCH;
      }
    }
    return Bump.NONE;
  }

  private static boolean hasAdditions(Schema p, Schema c, Unchanged unchanged) {
    if (!p.files.keySet().containsAll(c.files.keySet()) || !p.messages.keySet().containsAll(c.messages.keySet())
        || !p.enums.keySet().containsAll(c.enums.keySet()) || !p.services.keySet().containsAll(c.services.keySet())) {
      return true;
    }
    for (MessageElement message : c.messages.values()) {
      MessageElement before = p.messages.get(message.fullName);
      if (unchanged.files(before.file, message.file)) {
        continue;
      }
      if (!before.fieldsByNumber.keySet().containsAll(message.fieldsByNumber.keySet())) {
        return true;
      }
      Set<String> oneofs = new HashSet<>();
      before.oneofs.stream().filter(o -> !o.isSynthetic()).forEach(o -> oneofs.add(o.name()));
      if (message.oneofs.stream().anyMatch(o -> !o.isSynthetic() && !oneofs.contains(o.name()))) {
        return true;
      }
    }
    for (var entry : c.extensions.entrySet()) {
      var before = p.extensions.get(entry.getKey());
      if (before == null || !before.keySet().containsAll(entry.getValue().keySet())) {
        return true;
      }
    }
    for (EnumElement e : c.enums.values()) {
      EnumElement before = p.enums.get(e.fullName);
      if (unchanged.files(before.file, e.file)) {
        continue;
      }
      if (!before.valuesByNumber.keySet().containsAll(e.valuesByNumber.keySet())) {
        return true;
      }
      Set<String> names = new HashSet<>();
      before.proto.getValueList().forEach(v -> names.add(v.getName()));
      if (e.proto.getValueList().stream().anyMatch(v -> !names.contains(v.getName()))) {
        return true;
      }
    }
    for (ServiceElement s : c.services.values()) {
      if (!p.services.get(s.fullName).methods.keySet().containsAll(s.methods.keySet())) {
        return true;
      }
    }
    return false;
  }

  /** The file without source info and without the protocol_version option. */
  static FileDescriptorProto normalized(FileDescriptorProto file) {
    FileDescriptorProto.Builder builder = file.toBuilder().clearSourceCodeInfo();
    if (file.getUnknownFields().hasField(Schema.BUF_IMAGE_EXTENSION)) {
      builder.setUnknownFields(UnknownFieldSet.newBuilder(file.getUnknownFields())
          .clearField(Schema.BUF_IMAGE_EXTENSION).build());
    }
    FileOptions options = file.getOptions();
    if (hasVersionOption(options)) {
      FileOptions.Builder o = options.toBuilder();
      o.setUnknownFields(UnknownFieldSet.newBuilder(options.getUnknownFields()).clearField(PROTOCOL_VERSION_FIELD)
          .build());
      for (FieldDescriptor field : options.getAllFields().keySet()) {
        if (field.isExtension() && field.getNumber() == PROTOCOL_VERSION_FIELD) {
          o.clearField(field);
        }
      }
      builder.setOptions(o);
      if (builder.getOptions().equals(FileOptions.getDefaultInstance())) {
        builder.clearOptions();
      }
    }
    return builder.build();
  }

  private static boolean hasVersionOption(FileOptions options) {
    return options.getUnknownFields().hasField(PROTOCOL_VERSION_FIELD)
        || options.getAllFields().keySet().stream().anyMatch(f -> f.isExtension() && f.getNumber() == PROTOCOL_VERSION_FIELD);
  }

  private static boolean sameComments(FileElement before, FileElement after) {
    if (before.source.isEmpty() || after.source.isEmpty()) {
      return true; // nothing to compare: a set written without source info
    }
    return before.source.sameCommentsAs(after.source);
  }
}
