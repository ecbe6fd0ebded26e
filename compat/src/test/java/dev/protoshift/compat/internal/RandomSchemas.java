package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random multi-file schemas for property tests, as descriptors: proto2 and proto3 files in a few
 * packages, whose fields name messages and enums of their own and of other files (with the
 * imports), map fields, oneofs, proto3 optional fields, defaults, reserved ranges, extensions and
 * services. Not always valid: the check must not care. {@link SchemaEdits} changes them.
 */
final class RandomSchemas {

  static final String[] PACKAGES = {"a", "a.v1", "b"};
  static final Type[] SCALARS = {Type.TYPE_INT32, Type.TYPE_INT64, Type.TYPE_UINT32, Type.TYPE_SINT64,
      Type.TYPE_STRING, Type.TYPE_BYTES, Type.TYPE_BOOL, Type.TYPE_DOUBLE, Type.TYPE_FIXED32};

  private RandomSchemas() {}

  /** A schema of 3 to 7 files made from {@code seed}. */
  static List<FileDescriptorProto.Builder> generate(long seed) {
    Random r = new Random(seed);
    int count = 3 + r.nextInt(5);
    List<FileDescriptorProto.Builder> files = new ArrayList<>();
    List<String[]> types = new ArrayList<>(); // {file, full name with dot, "m" or "e"}
    for (int f = 0; f < count; f++) {
      String pkg = PACKAGES[r.nextInt(PACKAGES.length)];
      boolean proto2 = r.nextBoolean();
      FileDescriptorProto.Builder file = FileDescriptorProto.newBuilder()
          .setName((r.nextBoolean() ? "p/" : "") + "f" + f + ".proto").setPackage(pkg)
          .setSyntax(proto2 ? "proto2" : "proto3");
      if (r.nextInt(3) == 0) {
        file.getOptionsBuilder().setJavaPackage("dev.example." + pkg);
      }
      for (int e = 0, enums = r.nextInt(3); e < enums; e++) {
        String name = "E" + f + e;
        file.addEnumType(enumType(r, name, proto2));
        types.add(new String[] {file.getName(), "." + pkg + "." + name, "e"});
      }
      List<String[]> own = new ArrayList<>();
      for (int m = 0, messages = 1 + r.nextInt(3); m < messages; m++) {
        String name = "M" + f + m;
        file.addMessageType(message(r, name, "." + pkg + "." + name, proto2, types, file));
        own.add(new String[] {file.getName(), "." + pkg + "." + name, "m"});
      }
      types.addAll(own);
      if (r.nextInt(3) == 0) {
        ServiceDescriptorProto.Builder service = ServiceDescriptorProto.newBuilder().setName("S" + f);
        for (int i = 0, methods = 1 + r.nextInt(2); i < methods; i++) {
          service.addMethod(MethodDescriptorProto.newBuilder().setName("Call" + i)
              .setInputType(pick(r, own)).setOutputType(pick(r, own)).setServerStreaming(r.nextInt(4) == 0));
        }
        file.addService(service);
      }
      if (proto2 && r.nextInt(3) == 0) {
        String target = own.get(0)[1];
        file.getMessageTypeBuilder(0).addExtensionRangeBuilder().setStart(100).setEnd(200);
        file.addExtension(scalar(r, "ext" + f, 100 + r.nextInt(5), true).setExtendee(target));
      }
      files.add(file);
    }
    return files;
  }

  private static String pick(Random r, List<String[]> types) {
    return types.get(r.nextInt(types.size()))[1];
  }

  static EnumDescriptorProto enumType(Random r, String name, boolean proto2) {
    EnumDescriptorProto.Builder e = EnumDescriptorProto.newBuilder().setName(name);
    int start = proto2 ? r.nextInt(3) : 0;
    for (int v = 0, values = 2 + r.nextInt(3); v < values; v++) {
      e.addValue(EnumValueDescriptorProto.newBuilder().setName(name + "_V" + v).setNumber(start + v));
    }
    if (r.nextInt(4) == 0) {
      e.addReservedRangeBuilder().setStart(50).setEnd(60);
    }
    return e.build();
  }

  private static DescriptorProto message(Random r, String name, String fullName, boolean proto2, List<String[]> types,
      FileDescriptorProto.Builder file) {
    DescriptorProto.Builder m = DescriptorProto.newBuilder().setName(name);
    int fields = 1 + r.nextInt(5);
    for (int n = 1; n <= fields; n++) {
      FieldDescriptorProto.Builder field = scalar(r, "field_" + n, n, proto2);
      if (!types.isEmpty() && r.nextInt(3) == 0) {
        String[] type = types.get(r.nextInt(types.size()));
        field.setType(type[2].equals("e") ? Type.TYPE_ENUM : Type.TYPE_MESSAGE).setTypeName(type[1])
            .clearDefaultValue();
        if (type[2].equals("e") && proto2 && r.nextInt(3) == 0) {
          field.setDefaultValue(type[1].substring(type[1].lastIndexOf('.') + 1) + "_V1");
        }
        if (!type[0].equals(file.getName()) && !file.getDependencyList().contains(type[0])) {
          file.addDependency(type[0]);
        }
      }
      m.addField(field);
    }
    if (r.nextInt(3) == 0) {
      // A map field and its entry, or a repeated field of another file's message that is a map entry.
      DescriptorProto.Builder entry = DescriptorProto.newBuilder().setName("ValuesEntry")
          .setOptions(MessageOptions.newBuilder().setMapEntry(true))
          .addField(scalar(r, "key", 1, false).setType(Type.TYPE_STRING).setLabel(Label.LABEL_OPTIONAL))
          .addField(scalar(r, "value", 2, false).setLabel(Label.LABEL_OPTIONAL));
      m.addNestedType(entry);
      m.addField(FieldDescriptorProto.newBuilder().setName("values").setNumber(fields + 1)
          .setLabel(Label.LABEL_REPEATED).setType(Type.TYPE_MESSAGE).setTypeName(fullName + ".ValuesEntry"));
    }
    if (r.nextInt(3) == 0) {
      m.addNestedType(DescriptorProto.newBuilder().setName("Inner").addField(scalar(r, "x", 1, proto2)));
    }
    if (r.nextInt(3) == 0) {
      m.addEnumType(enumType(r, "Kind", proto2));
    }
    if (m.getFieldCount() >= 2 && r.nextInt(3) == 0) {
      m.addOneofDecl(OneofDescriptorProto.newBuilder().setName("choice"));
      for (int i = 0; i < 2; i++) {
        m.getFieldBuilder(i).setOneofIndex(m.getOneofDeclCount() - 1).setLabel(Label.LABEL_OPTIONAL)
            .clearProto3Optional();
      }
    } else if (!proto2 && r.nextInt(3) == 0 && m.getField(0).getLabel() == Label.LABEL_OPTIONAL) {
      m.addOneofDecl(OneofDescriptorProto.newBuilder().setName("_" + m.getField(0).getName()));
      m.getFieldBuilder(0).setProto3Optional(true).setOneofIndex(m.getOneofDeclCount() - 1);
    }
    if (r.nextInt(4) == 0) {
      m.addReservedRangeBuilder().setStart(20).setEnd(25);
      m.addReservedName("gone");
    }
    return m.build();
  }

  static FieldDescriptorProto.Builder scalar(Random r, String name, int number, boolean proto2) {
    Type type = SCALARS[r.nextInt(SCALARS.length)];
    Label label = switch (r.nextInt(proto2 ? 6 : 4)) {
      case 0 -> Label.LABEL_REPEATED;
      case 5 -> Label.LABEL_REQUIRED;
      default -> Label.LABEL_OPTIONAL;
    };
    FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
        .setLabel(label).setType(type);
    if (proto2 && label == Label.LABEL_OPTIONAL && r.nextInt(3) == 0) {
      field.setDefaultValue(switch (type) {
        case TYPE_STRING, TYPE_BYTES -> "d" + r.nextInt(3);
        case TYPE_BOOL -> "true";
        case TYPE_DOUBLE -> "1.5";
        default -> Integer.toString(r.nextInt(3));
      });
    }
    if (r.nextInt(8) == 0) {
      field.setJsonName("j" + name);
    }
    return field;
  }
}
