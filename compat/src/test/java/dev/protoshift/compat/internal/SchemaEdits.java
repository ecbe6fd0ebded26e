package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Edits of a {@link RandomSchemas} schema, each chosen by one integer: the kinds of change a schema
 * goes through (deletions, renames, renumbering, type and label changes, a referenced enum whose
 * first value changes, a message that becomes a map entry, files moved, reordered or re-packaged,
 * comments and ignore directives), and source info written from the result.
 */
final class SchemaEdits {

  static final int KINDS = 24;

  private final List<FileDescriptorProto.Builder> files;
  /** Leading comments of messages, by file name and message index. */
  final Map<String, String> comments = new TreeMap<>();

  SchemaEdits(List<FileDescriptorProto> files, Map<String, String> comments) {
    this.files = new ArrayList<>();
    files.forEach(f -> this.files.add(f.toBuilder()));
    this.comments.putAll(comments);
  }

  /** Applies the edit {@code code} names (its kind, then its targets); an edit that has no target does nothing. */
  void apply(int code) {
    Random r = new Random(code);
    int kind = Math.floorMod(code, KINDS);
    FileDescriptorProto.Builder file = files.isEmpty() ? null : files.get(r.nextInt(files.size()));
    if (file == null) {
      return;
    }
    int mi = file.getMessageTypeCount() == 0 ? -1 : r.nextInt(file.getMessageTypeCount());
    DescriptorProto.Builder message = mi < 0 ? null : file.getMessageTypeBuilder(mi);
    int fi = message == null || message.getFieldCount() == 0 ? -1 : r.nextInt(message.getFieldCount());
    FieldDescriptorProto.Builder field = fi < 0 ? null : message.getFieldBuilder(fi);
    int ei = file.getEnumTypeCount() == 0 ? -1 : r.nextInt(file.getEnumTypeCount());
    EnumDescriptorProto.Builder enumType = ei < 0 || file.getEnumType(ei).getValueCount() == 0 ? null
        : file.getEnumTypeBuilder(ei);
    switch (kind) {
      case 0 -> files.remove(file);
      case 1 -> { if (message != null) file.removeMessageType(mi); }
      case 2 -> { if (field != null) message.removeField(fi); }
      case 3 -> { if (field != null && field.getTypeName().isEmpty()) field.setType(RandomSchemas.SCALARS[r.nextInt(9)])
          .clearDefaultValue(); }
      case 4 -> { if (field != null) field.setName(field.getName() + "_renamed"); }
      case 5 -> { if (field != null) field.setNumber(field.getNumber() + 10); }
      case 6 -> { if (message != null) message.addField(RandomSchemas.scalar(r, "added", 30 + r.nextInt(5), true)); }
      case 7 -> { if (enumType != null) enumType.addValue(enumType.getValue(0)).removeValue(0); } // first value moves
      case 8 -> { if (enumType != null && enumType.getValueCount() > 1) enumType.removeValue(1); }
      case 9 -> { if (enumType != null) enumType.getValueBuilder(0).setName(enumType.getValue(0).getName() + "_X"); }
      case 10 -> file.setPackage(RandomSchemas.PACKAGES[r.nextInt(RandomSchemas.PACKAGES.length)]);
      case 11 -> {
        if (message != null && files.size() > 1) {
          FileDescriptorProto.Builder other = files.get(r.nextInt(files.size()));
          DescriptorProto moved = message.build();
          file.removeMessageType(mi);
          other.addMessageType(moved);
        }
      }
      case 12 -> { if (message != null) message.getOptionsBuilder().setMapEntry(!message.getOptions().getMapEntry()); }
      case 13 -> { if (field != null && field.getTypeName().isEmpty()) field.setDefaultValue("7"); }
      case 14 -> file.setSyntax("proto2".equals(file.getSyntax()) ? "proto3" : "proto2");
      case 15 -> { if (field != null) field.setOneofIndex(0).clearProto3Optional(); }
      case 16 -> comments.put(file.getName() + "#" + r.nextInt(3), r.nextBoolean() ? "edited comment"
          : "protoshift:ignore FIELD_NO_DELETE,FIELD_SAME_TYPE,FIELD_SAME_DEFAULT reason " + r.nextInt(9));
      case 17 -> { if (files.size() > 1) Collections.swap(files, 0, files.size() - 1); }
      case 18 -> { if (message != null) files.get(r.nextInt(files.size())).addMessageType(message.build()); }
      case 19 -> { if (enumType != null) enumType.setName(enumType.getName() + "X"); }
      case 20 -> { if (field != null) field.setLabel(field.getLabel() == Label.LABEL_REPEATED ? Label.LABEL_OPTIONAL
          : Label.LABEL_REPEATED); }
      case 21 -> {
        if (file.getServiceCount() > 0 && file.getService(0).getMethodCount() > 0) {
          file.getServiceBuilder(0).removeMethod(0);
        }
      }
      case 22 -> file.getOptionsBuilder().setJavaPackage("dev.edited");
      default -> { if (message != null) message.setName(message.getName() + "X"); }
    }
  }

  /** The schema as a descriptor set, each file with source info: a line per element, the comments above. */
  FileDescriptorSet build() {
    FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
    for (FileDescriptorProto.Builder file : files) {
      FileDescriptorProto proto = file.clone().clearSourceCodeInfo().build();
      SourceCodeInfo.Builder info = SourceCodeInfo.newBuilder();
      int[] line = {0};
      add(info, line, List.of(12), null);
      add(info, line, List.of(2), null);
      for (int m = 0; m < proto.getMessageTypeCount(); m++) {
        message(info, line, List.of(4, m), proto.getMessageType(m), comments.get(proto.getName() + "#" + m));
      }
      for (int e = 0; e < proto.getEnumTypeCount(); e++) {
        enumType(info, line, List.of(5, e), proto.getEnumType(e));
      }
      for (int s = 0; s < proto.getServiceCount(); s++) {
        add(info, line, List.of(6, s), null);
        for (int i = 0; i < proto.getService(s).getMethodCount(); i++) {
          add(info, line, List.of(6, s, 2, i), null);
        }
      }
      for (int x = 0; x < proto.getExtensionCount(); x++) {
        add(info, line, List.of(7, x), null);
      }
      set.addFile(proto.toBuilder().setSourceCodeInfo(info));
    }
    return set.build();
  }

  private static void message(SourceCodeInfo.Builder info, int[] line, List<Integer> path, DescriptorProto message,
      String comment) {
    add(info, line, path, comment);
    for (int f = 0; f < message.getFieldCount(); f++) {
      List<Integer> field = append(path, 2, f);
      add(info, line, field, null);
      add(info, line, append(field, message.getField(f).getTypeName().isEmpty() ? 5 : 6), null);
      add(info, line, append(field, 1), null);
    }
    for (int n = 0; n < message.getNestedTypeCount(); n++) {
      message(info, line, append(path, 3, n), message.getNestedType(n), null);
    }
    for (int e = 0; e < message.getEnumTypeCount(); e++) {
      enumType(info, line, append(path, 4, e), message.getEnumType(e));
    }
  }

  private static void enumType(SourceCodeInfo.Builder info, int[] line, List<Integer> path, EnumDescriptorProto e) {
    add(info, line, path, null);
    for (int v = 0; v < e.getValueCount(); v++) {
      add(info, line, append(path, 2, v), null);
    }
  }

  private static void add(SourceCodeInfo.Builder info, int[] line, List<Integer> path, String comment) {
    SourceCodeInfo.Location.Builder location = info.addLocationBuilder().addAllPath(path)
        .addSpan(line[0]++).addSpan(2).addSpan(20);
    if (comment != null) {
      location.setLeadingComments(" " + comment + "\n");
    }
  }

  private static List<Integer> append(List<Integer> path, Integer... more) {
    List<Integer> out = new ArrayList<>(path);
    out.addAll(List.of(more));
    return out;
  }
}
