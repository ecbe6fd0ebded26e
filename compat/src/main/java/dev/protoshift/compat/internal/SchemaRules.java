package dev.protoshift.compat.internal;

import static dev.protoshift.compat.internal.Categories.CF;
import static dev.protoshift.compat.internal.Categories.P;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/** Rules over whole schemas: deleted files and deletions within a package. */
final class SchemaRules {

  private SchemaRules() {}

  static List<Rule> all() {
    return List.of(
        Rule.schema("FILE_NO_DELETE", "Files are not deleted.", CF, (p, c, out) -> {
          for (FileElement file : p.files.values()) {
            if (!c.files.containsKey(file.path)) {
              out.report(null, file.at(), "Previously present file " + Text.quote(file.path) + " was deleted.");
            }
          }
        }),
        Rule.schema("PACKAGE_NO_DELETE", "Packages are not deleted.", P, (p, c, out) -> {
          Map<String, TreeSet<String>> previous = filesByPackage(p);
          Map<String, TreeSet<String>> current = filesByPackage(c);
          previous.forEach((pkg, files) -> {
            if (!current.containsKey(pkg)) {
              out.report(null, p.files.get(files.first()).at(),
                  "Previously present package " + Text.quote(pkg) + " was deleted.");
            }
          });
        }),
        Rule.schema("PACKAGE_MESSAGE_NO_DELETE", "Messages are not deleted from a package.", P,
            (p, c, out) -> packageDeletions(p, c, out, "message",
                f -> f.messages.stream().map(m -> new Named(m.nestedName, m.location())).toList())),
        Rule.schema("PACKAGE_ENUM_NO_DELETE", "Enums are not deleted from a package.", P,
            (p, c, out) -> packageDeletions(p, c, out, "enum",
                f -> f.enums.stream().map(e -> new Named(e.nestedName, e.location())).toList())),
        Rule.schema("PACKAGE_EXTENSION_NO_DELETE", "Extensions are not deleted from a package.", P,
            (p, c, out) -> packageDeletions(p, c, out, "extension",
                f -> f.extensions.stream().map(e -> new Named(f.nestedName(e.fullName), e.location())).toList())),
        Rule.schema("PACKAGE_SERVICE_NO_DELETE", "Services are not deleted from a package.", P,
            (p, c, out) -> packageDeletions(p, c, out, "service",
                f -> f.services.stream().map(s -> new Named(s.name(), s.location())).toList())));
  }

  private record Named(String nestedName, Location location) {}

  private static Map<String, TreeSet<String>> filesByPackage(Schema schema) {
    Map<String, TreeSet<String>> byPackage = new TreeMap<>();
    for (FileElement file : schema.files.values()) {
      byPackage.computeIfAbsent(file.pkg, k -> new TreeSet<>()).add(file.path);
    }
    return byPackage;
  }

  private static void packageDeletions(Schema p, Schema c, Reporter out, String kind,
      Function<FileElement, List<Named>> elements) {
    Map<String, Map<String, Named>> previous = byPackage(p, elements);
    Map<String, Map<String, Named>> current = byPackage(c, elements);
    previous.forEach((pkg, named) -> {
      Map<String, Named> now = current.get(pkg);
      if (now == null) {
        return; // the whole package went: PACKAGE_NO_DELETE says so
      }
      named.forEach((name, element) -> {
        if (now.containsKey(name)) {
          return;
        }
        String message = "Previously present " + kind + " " + Text.quote(name) + " was deleted from package "
            + Text.quote(pkg) + ".";
        FileElement file = c.files.get(element.location().file().path);
        Location where = file == null ? null
            : "service".equals(kind) ? file.at() : FileRules.nearestEnclosing(file, name);
        out.report(where, element.location(), message);
      });
    });
  }

  private static Map<String, Map<String, Named>> byPackage(Schema schema,
      Function<FileElement, List<Named>> elements) {
    Map<String, Map<String, Named>> byPackage = new TreeMap<>();
    for (FileElement file : schema.files.values()) {
      Map<String, Named> named = byPackage.computeIfAbsent(file.pkg, k -> new TreeMap<>());
      for (Named element : elements.apply(file)) {
        named.putIfAbsent(element.nestedName(), element);
      }
    }
    return byPackage;
  }
}
