package dev.protoshift.compat.internal;

import static dev.protoshift.compat.internal.Categories.CF;
import static dev.protoshift.compat.internal.Categories.CFP;
import static dev.protoshift.compat.internal.Categories.CFPJW;
import static dev.protoshift.compat.internal.Categories.F;
import static dev.protoshift.compat.internal.Categories.FP;

import com.google.protobuf.DescriptorProtos.FileOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Rules over a pair of files: what a file declares and its file-level settings. */
final class FileRules {

  private FileRules() {}

  static List<Rule> all() {
    List<Rule> rules = new ArrayList<>(List.of(
        Rule.file("MESSAGE_NO_DELETE", "Messages are not deleted from a file.", CF,
            (p, c, out) -> fileDeletions(p, c, out, "message", f -> f.messages.stream().map(m -> m.nestedName).toList(),
                f -> f.messages.stream().map(MessageElement::location).toList())),
        Rule.file("ENUM_NO_DELETE", "Enums are not deleted from a file.", CF,
            (p, c, out) -> fileDeletions(p, c, out, "enum", f -> f.enums.stream().map(e -> e.nestedName).toList(),
                f -> f.enums.stream().map(EnumElement::location).toList())),
        Rule.file("EXTENSION_NO_DELETE", "Extensions are not deleted from a file.", F,
            (p, c, out) -> fileDeletions(p, c, out, "extension",
                f -> f.extensions.stream().map(e -> f.nestedName(e.fullName)).toList(),
                f -> f.extensions.stream().map(e -> e.location()).toList())),
        Rule.file("SERVICE_NO_DELETE", "Services are not deleted from a file.", F, (p, c, out) -> {
          Set<String> now = new HashSet<>();
          c.services.forEach(s -> now.add(s.name()));
          for (ServiceElement service : p.services) {
            if (!now.contains(service.name())) {
              out.report(c.at(), service.location(),
                  "Previously present service " + Text.quote(service.name()) + " was deleted from file.");
            }
          }
        }),
        Rule.file("FILE_SAME_PACKAGE", "Files keep their package.", CFPJW,
            (p, c, out) -> same(p.pkg, c.pkg, p, c, out, Paths.FILE_PACKAGE, "package")),
        Rule.file("FILE_SAME_SYNTAX", "Files keep their syntax (proto2, proto3 or editions).", CFP,
            (p, c, out) -> same(p.syntax(), c.syntax(), p, c, out, Paths.FILE_SYNTAX, "syntax"))));
    rules.add(option("FILE_SAME_CC_ENABLE_ARENAS", "cc_enable_arenas", 31, o -> Boolean.toString(o.getCcEnableArenas())));
    rules.add(option("FILE_SAME_CC_GENERIC_SERVICES", "cc_generic_services", 16,
        o -> Boolean.toString(o.getCcGenericServices())));
    rules.add(option("FILE_SAME_CSHARP_NAMESPACE", "csharp_namespace", 37, FileOptions::getCsharpNamespace));
    rules.add(option("FILE_SAME_GO_PACKAGE", "go_package", 11, FileOptions::getGoPackage));
    rules.add(option("FILE_SAME_JAVA_GENERIC_SERVICES", "java_generic_services", 17,
        o -> Boolean.toString(o.getJavaGenericServices())));
    rules.add(option("FILE_SAME_JAVA_MULTIPLE_FILES", "java_multiple_files", 10,
        o -> Boolean.toString(o.getJavaMultipleFiles())));
    rules.add(option("FILE_SAME_JAVA_OUTER_CLASSNAME", "java_outer_classname", 8, FileOptions::getJavaOuterClassname));
    rules.add(option("FILE_SAME_JAVA_PACKAGE", "java_package", 1, FileOptions::getJavaPackage));
    rules.add(option("FILE_SAME_OBJC_CLASS_PREFIX", "objc_class_prefix", 36, FileOptions::getObjcClassPrefix));
    rules.add(option("FILE_SAME_OPTIMIZE_FOR", "optimize_for", 9, o -> o.getOptimizeFor().name()));
    rules.add(option("FILE_SAME_PHP_CLASS_PREFIX", "php_class_prefix", 40, FileOptions::getPhpClassPrefix));
    rules.add(option("FILE_SAME_PHP_METADATA_NAMESPACE", "php_metadata_namespace", 44,
        FileOptions::getPhpMetadataNamespace));
    rules.add(option("FILE_SAME_PHP_NAMESPACE", "php_namespace", 41, FileOptions::getPhpNamespace));
    rules.add(option("FILE_SAME_PY_GENERIC_SERVICES", "py_generic_services", 18,
        o -> Boolean.toString(o.getPyGenericServices())));
    rules.add(option("FILE_SAME_RUBY_PACKAGE", "ruby_package", 45, FileOptions::getRubyPackage));
    rules.add(option("FILE_SAME_SWIFT_PREFIX", "swift_prefix", 39, FileOptions::getSwiftPrefix));
    return rules;
  }

  private static Rule option(String id, String option, int number, Function<FileOptions, String> value) {
    return Rule.file(id, "Files keep the value of option " + option + ".", FP,
        (p, c, out) -> {
          String before = value.apply(p.proto.getOptions());
          String after = value.apply(c.proto.getOptions());
          if (!before.equals(after)) {
            out.report(c.at(new int[] {Paths.FILE_OPTIONS, number}), p.at(new int[] {Paths.FILE_OPTIONS, number}),
                "File option " + Text.quote(option) + " changed from " + Text.quote(before) + " to "
                    + Text.quote(after) + ".");
          }
        });
  }

  private static void same(String before, String after, FileElement p, FileElement c, Reporter out, int path,
      String what) {
    if (!before.equals(after)) {
      out.report(c.at(new int[] {path}), p.at(new int[] {path}),
          "File " + what + " changed from " + Text.quote(before) + " to " + Text.quote(after) + ".");
    }
  }

  private static void fileDeletions(FileElement p, FileElement c, Reporter out, String kind,
      Function<FileElement, List<String>> names, Function<FileElement, List<Location>> locations) {
    Set<String> now = new HashSet<>(names.apply(c));
    List<String> before = names.apply(p);
    List<Location> where = locations.apply(p);
    for (int i = 0; i < before.size(); i++) {
      String name = before.get(i);
      if (!now.contains(name)) {
        out.report(nearestEnclosing(c, name), where.get(i),
            "Previously present " + kind + " " + Text.quote(name) + " was deleted from file.");
      }
    }
  }

  /**
   * Where to point at a deleted element named {@code nestedName} in the current file: the
   * innermost message that still encloses it, else the file itself.
   */
  static Location nearestEnclosing(FileElement file, String nestedName) {
    String name = nestedName;
    int dot;
    while ((dot = name.lastIndexOf('.')) > 0) {
      name = name.substring(0, dot);
      for (MessageElement message : file.messages) {
        if (message.nestedName.equals(name)) {
          return message.location();
        }
      }
    }
    return file.at();
  }
}
