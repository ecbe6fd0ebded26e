package dev.protoshift.compat.internal;

import static dev.protoshift.compat.internal.Categories.CFP;
import static dev.protoshift.compat.internal.Categories.CFPJ;
import static dev.protoshift.compat.internal.Categories.CFPJW;
import static dev.protoshift.compat.internal.Categories.CJ;
import static dev.protoshift.compat.internal.Categories.CJW;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FeatureSet.JsonFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Rules over a pair of messages: their fields, oneofs, reserved and extension ranges. */
final class MessageRules {

  private MessageRules() {}

  static List<Rule> all() {
    return List.of(
        Rule.message("FIELD_NO_DELETE", "Fields are not deleted from a message.", CFP,
            (p, c, out) -> fieldDeletions(p, c, out, false, false)),
        Rule.message("FIELD_NO_DELETE_UNLESS_NAME_RESERVED",
            "Fields are not deleted from a message unless their name is reserved.", CJ,
            (p, c, out) -> fieldDeletions(p, c, out, false, true)),
        Rule.message("FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED",
            "Fields are not deleted from a message unless their number is reserved.", CJW,
            (p, c, out) -> fieldDeletions(p, c, out, true, false)),
        Rule.message("ONEOF_NO_DELETE", "Oneofs are not deleted from a message.", CFP, (p, c, out) -> {
          Set<String> now = new HashSet<>();
          c.oneofs.forEach(o -> now.add(o.name()));
          for (OneofElement oneof : p.oneofs) {
            if (!oneof.isSynthetic() && !now.contains(oneof.name())) {
              out.report(c.location(), p.location(), "Previously present oneof " + Text.quote(oneof.name())
                  + " on message " + Text.quote(c.name()) + " was deleted.");
            }
          }
        }),
        Rule.message("RESERVED_MESSAGE_NO_DELETE", "Reserved ranges and names are not deleted from a message.",
            CFPJW, (p, c, out) -> {
              TagRanges.check(reserved(p.proto), reserved(c.proto), max(c), "reserved", "message", c.name(),
                  c.location(), p.location(), out);
              reservedNames(p.proto.getReservedNameList(), c.proto.getReservedNameList(), "message", c.name(),
                  c.location(), p.location(), out);
            }),
        Rule.message("EXTENSION_MESSAGE_NO_DELETE", "Extension ranges are not deleted from a message.", CFP,
            (p, c, out) -> TagRanges.check(extensionRanges(p.proto), extensionRanges(c.proto), max(c), "extension",
                "message", c.name(), c.location(), p.location(), out)),
        Rule.message("MESSAGE_SAME_REQUIRED_FIELDS", "Messages neither gain nor lose required fields.", CFPJW,
            (p, c, out) -> {
              for (FieldElement field : p.fieldsByNumber.values()) {
                FieldElement now = c.fieldsByNumber.get(field.number());
                if (field.isRequired() && (now == null || !now.isRequired())) {
                  out.report(c.location(), p.location(), "Message " + Text.quote(p.name()) + " had required field \""
                      + field.number() + "\" deleted. " + REQUIRED_NOTE);
                }
              }
              for (FieldElement field : c.fieldsByNumber.values()) {
                FieldElement before = p.fieldsByNumber.get(field.number());
                if (field.isRequired() && (before == null || !before.isRequired())) {
                  out.report(field.location(), null, "Message " + Text.quote(c.name()) + " had required field \""
                      + field.number() + "\" added. " + REQUIRED_NOTE);
                }
              }
            }),
        Rule.message("MESSAGE_SAME_JSON_FORMAT", "Messages keep their JSON format support.", CFPJ,
            (p, c, out) -> {
              JsonFormat before = p.features.jsonFormat();
              JsonFormat after = c.features.jsonFormat();
              if (before == JsonFormat.ALLOW && after != JsonFormat.ALLOW) {
                out.report(c.file.at(Paths.append(c.path, Paths.MESSAGE_OPTIONS, Paths.FEATURES_IN_MESSAGE_OPTIONS, 6),
                        c.path),
                    p.file.at(Paths.append(p.path, Paths.MESSAGE_OPTIONS, Paths.FEATURES_IN_MESSAGE_OPTIONS, 6), p.path),
                    "Message " + Text.quote(c.name()) + " JSON format support changed from " + before + " to "
                        + after + ".");
              }
            }),
        Rule.message("MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR",
            "Messages do not turn on no_standard_descriptor_accessor.", CFP, (p, c, out) -> {
              boolean before = p.proto.getOptions().getNoStandardDescriptorAccessor();
              boolean after = c.proto.getOptions().getNoStandardDescriptorAccessor();
              if (!before && after) {
                int[] option = {Paths.MESSAGE_OPTIONS, 2};
                out.report(c.file.at(Paths.append(c.path, option)), p.file.at(Paths.append(p.path, option)),
                    "Message option \"no_standard_descriptor_accessor\" changed from \"false\" to \"true\".");
              }
            }));
  }

  private static final String REQUIRED_NOTE = "Required fields must always be sent, so if one side does not know "
      + "about the required field, this will result in a breakage.";

  private static void fieldDeletions(MessageElement p, MessageElement c, Reporter out, boolean unlessNumberReserved,
      boolean unlessNameReserved) {
    for (FieldElement field : p.fieldsByNumber.values()) {
      if (c.fieldsByNumber.containsKey(field.number())) {
        continue;
      }
      String suffix = "";
      if (unlessNumberReserved) {
        if (contains(reserved(c.proto), field.number())) {
          continue;
        }
        suffix = " without reserving the number \"" + field.number() + "\"";
      }
      if (unlessNameReserved) {
        if (c.proto.getReservedNameList().contains(field.name())) {
          continue;
        }
        suffix = " without reserving the name " + Text.quote(field.name());
      }
      String description = field.description();
      description = description.substring(0, 1).toLowerCase(Locale.ROOT) + description.substring(1);
      out.report(c.location(), p.location(), "Previously present " + description + " was deleted" + suffix + ".");
    }
  }

  static boolean contains(List<TagRanges.Range> ranges, int number) {
    for (TagRanges.Range r : ranges) {
      if (number >= r.start() && number <= r.end()) {
        return true;
      }
    }
    return false;
  }

  static void reservedNames(List<String> before, List<String> after, String kind, String name, Location current,
      Location previous, Reporter out) {
    if (before.isEmpty()) {
      return;
    }
    Set<String> now = new HashSet<>(after);
    for (String reservedName : new java.util.LinkedHashSet<>(before)) {
      if (!now.contains(reservedName)) {
        out.report(current, previous, "Previously present reserved name " + Text.quote(reservedName) + " on " + kind
            + " " + Text.quote(name) + " was deleted.");
      }
    }
  }

  private static int max(MessageElement message) {
    return message.proto.getOptions().getMessageSetWireFormat() ? TagRanges.MESSAGE_SET_MAX : TagRanges.MESSAGE_MAX;
  }

  /** Reserved ranges, inclusive (the descriptor's end is exclusive). */
  static List<TagRanges.Range> reserved(DescriptorProto message) {
    return message.getReservedRangeList().stream().map(r -> new TagRanges.Range(r.getStart(), r.getEnd() - 1)).toList();
  }

  private static List<TagRanges.Range> extensionRanges(DescriptorProto message) {
    return message.getExtensionRangeList().stream().map(r -> new TagRanges.Range(r.getStart(), r.getEnd() - 1)).toList();
  }
}
