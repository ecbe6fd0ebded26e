package dev.protoshift.compat.internal;

import static dev.protoshift.compat.internal.Categories.CFP;
import static dev.protoshift.compat.internal.Categories.CFPJ;
import static dev.protoshift.compat.internal.Categories.CFPJW;
import static dev.protoshift.compat.internal.Categories.CJ;
import static dev.protoshift.compat.internal.Categories.CJW;
import static dev.protoshift.compat.internal.Categories.FP;

import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FeatureSet.JsonFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rules over a pair of enums and their values. */
final class EnumRules {

  private static final int FEATURE_ENUM_TYPE = 2;
  private static final int FEATURE_JSON_FORMAT = 6;

  private EnumRules() {}

  static List<Rule> all() {
    return List.of(
        Rule.enumNumber("ENUM_VALUE_SAME_NAME", "Enum values keep their name.", CFPJ, (p, c, out) -> {
          if (p.values().size() == 1 && c.values().size() == 1
              && p.values().get(0).name().equals(c.values().get(0).name())) {
            return; // the common case: one value, same name
          }
          // Every previous name must still be there: adding an alias is fine, dropping one is not.
          List<String> after = names(c);
          if (new HashSet<>(after).containsAll(names(p))) {
            return;
          }
          String suffix = p.values().size() > 1 && c.values().size() > 1 ? "s" : "";
          for (EnumValueElement value : c.values()) {
            EnumValueElement previous = p.values().stream().filter(v -> v.name().equals(value.name()))
                .findFirst().orElse(null);
            out.report(c.parent().file.at(Paths.append(value.path(), Paths.ENUM_VALUE_NUMBER), value.path()),
                previous == null ? null : p.parent().file.at(Paths.append(previous.path(), Paths.ENUM_VALUE_NUMBER)),
                "Enum value \"" + c.number() + "\" on enum " + Text.quote(c.parent().name()) + " changed name" + suffix
                    + " from " + Text.quoteAll(names(p)) + " to " + Text.quoteAll(after) + ".");
          }
        }),
        Rule.enumType("ENUM_VALUE_NO_DELETE", "Enum values are not deleted from an enum.", CFP,
            (p, c, out) -> valueDeletions(p, c, out, false, false)),
        Rule.enumType("ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED",
            "Enum values are not deleted from an enum unless their name is reserved.", CJ,
            (p, c, out) -> valueDeletions(p, c, out, false, true)),
        Rule.enumType("ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED",
            "Enum values are not deleted from an enum unless their number is reserved.", CJW,
            (p, c, out) -> valueDeletions(p, c, out, true, false)),
        Rule.enumType("RESERVED_ENUM_NO_DELETE", "Reserved ranges and names are not deleted from an enum.", CFPJW,
            (p, c, out) -> {
              TagRanges.check(reserved(p.proto), reserved(c.proto), TagRanges.ENUM_MAX, "reserved", "enum", c.name(),
                  c.location(), p.location(), out);
              MessageRules.reservedNames(p.proto.getReservedNameList(), c.proto.getReservedNameList(), "enum", c.name(),
                  c.location(), p.location(), out);
            }),
        Rule.enumType("ENUM_SAME_TYPE", "Enums stay open or closed.", FP, (p, c, out) -> {
          if (p.isClosed() != c.isClosed()) {
            out.report(featureLocation(c, FEATURE_ENUM_TYPE), featureLocation(p, FEATURE_ENUM_TYPE),
                "Enum " + Text.quote(c.name()) + " changed from " + (p.isClosed() ? "closed to open" : "open to closed")
                    + ".");
          }
        }),
        Rule.enumType("ENUM_SAME_JSON_FORMAT", "Enums keep their JSON format support.", CFPJ, (p, c, out) -> {
          JsonFormat before = p.features.jsonFormat();
          JsonFormat after = c.features.jsonFormat();
          if (before == JsonFormat.ALLOW && after != JsonFormat.ALLOW) {
            out.report(featureLocation(c, FEATURE_JSON_FORMAT), featureLocation(p, FEATURE_JSON_FORMAT),
                "Enum " + Text.quote(c.name()) + " JSON format support changed from " + before + " to " + after + ".");
          }
        }));
  }

  private static Location featureLocation(EnumElement e, int feature) {
    return e.file.at(Paths.append(e.path, Paths.ENUM_OPTIONS, Paths.FEATURES_IN_ENUM_OPTIONS, feature), e.path);
  }

  private static List<String> names(Rule.EnumNumber number) {
    return number.values().stream().map(EnumValueElement::name).sorted().toList();
  }

  private static void valueDeletions(EnumElement p, EnumElement c, Reporter out, boolean unlessNumberReserved,
      boolean unlessNameReserved) {
    p.valuesByNumber.forEach((number, values) -> {
      if (c.valuesByNumber.containsKey(number)) {
        return;
      }
      String suffix = "";
      if (unlessNumberReserved) {
        if (MessageRules.contains(reserved(c.proto), number)) {
          return;
        }
        suffix = " without reserving the number \"" + number + "\"";
      }
      if (unlessNameReserved) {
        List<String> names = values.stream().map(EnumValueElement::name).sorted().toList();
        if (c.proto.getReservedNameList().containsAll(names)) {
          return;
        }
        suffix = " without reserving the name" + (names.size() > 1 ? "s " : " ") + Text.quoteAll(names);
      }
      out.report(c.location(), p.location(), "Previously present enum value \"" + number + "\" on enum "
          + Text.quote(c.name()) + " was deleted" + suffix + ".");
    });
  }

  /** Reserved ranges (inclusive, as enum ranges are written). */
  private static List<TagRanges.Range> reserved(EnumDescriptorProto e) {
    return e.getReservedRangeList().stream().map(r -> new TagRanges.Range(r.getStart(), r.getEnd())).toList();
  }
}
