package dev.protoshift.compat.cli;

import dev.protoshift.compat.Compat;
import dev.protoshift.compat.CompatReport;
import dev.protoshift.compat.Finding;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code check [CURRENT] --against PREVIOUS}: the CI gate. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Compares CURRENT with PREVIOUS: lists breaking changes, the bump the change needs, and checks "
        + "the declared protocol_version against it.",
        "Text output: path:line:column:RULE_ID:message, one finding a line."},
    footer = {"", "Exit codes: 0 compatible, 1 breaking changes or a declared bump too small, 2 usage or input error.",
        "", "Example: check proto/src/main/proto --against git:origin/main:proto/src/main/proto --format github-actions"})
final class CheckCommand extends SchemaOptions implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = {"--format", "--error-format"}, defaultValue = "text", paramLabel = "FORMAT",
      description = "text, json, github-actions, junit or sarif (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    Format chosen;
    try {
      chosen = Format.parse(format);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return Main.ERROR;
    }
    Compared compared;
    try {
      compared = compare();
    } catch (InputException e) {
      err.println("error: " + e.getMessage());
      return Main.ERROR;
    }
    CompatReport report = compared.report();
    List<Finding> findings = withRepositoryPaths(report.findings(), compared);
    out.print(Reports.render(chosen, report, findings, Compat.rules(), versionSite(compared)));
    out.flush();
    err.println(summary(report));
    return report.isCompatible() ? Main.COMPATIBLE : Main.BREAKING;
  }

  /** The {@code option (protoshift.protocol_version)} line of the current schema, if it has source info. */
  static Reports.VersionSite versionSite(Compared compared) {
    for (var file : compared.current().set().files().getFileList()) {
      if (!Compat.CHECKED_FILES.test(file.getName()) || dev.protoshift.compat.DeclaredVersion.of(file).isEmpty()) {
        continue;
      }
      for (var location : compared.current().set().sourceCodeInfo(file).getLocationList()) {
        if (location.getPathCount() == 2 && location.getPath(0) == 8
            && location.getPath(1) == dev.protoshift.compat.DeclaredVersion.FIELD_NUMBER && location.getSpanCount() >= 2) {
          return new Reports.VersionSite(compared.current().pathPrefix() + file.getName(), location.getSpan(0) + 1,
              location.getSpan(1) + 1);
        }
      }
      return new Reports.VersionSite(compared.current().pathPrefix() + file.getName(), 1, 1);
    }
    return null;
  }

  static String summary(CompatReport report) {
    long breaking = report.breaking().size();
    long ignored = report.findings().size() - breaking;
    StringBuilder text = new StringBuilder("protoshift-compat: ");
    text.append(breaking == 0 ? "no breaking changes" : breaking + " breaking change" + (breaking == 1 ? "" : "s"));
    if (ignored > 0) {
      text.append(" (").append(ignored).append(" ignored)");
    }
    text.append("; the change needs a ").append(report.requiredBump()).append(" bump");
    if (report.previousVersion().isPresent() || report.currentVersion().isPresent()) {
      text.append("; declared ").append(report.previousVersion().map(Object::toString).orElse("none")).append(" -> ")
          .append(report.currentVersion().map(Object::toString).orElse("none"));
      report.declaredBump().ifPresent(b -> text.append(" (").append(b).append(")"));
    }
    report.versionProblems().forEach(p -> text.append("\n  protocol_version: ").append(p));
    return text.toString();
  }

  /**
   * Finding paths as the user reads them: a place in a file of the current schema behind the current
   * input's directory (a path in the repository, where annotations land); a place only the previous
   * schema has (a deleted file) and every previous location relative to the input root, as an
   * {@code import} names the file, whatever directory, ref or artifact the previous side came from.
   */
  static List<Finding> withRepositoryPaths(List<Finding> findings, Compared compared) {
    String currentPrefix = compared.current().pathPrefix();
    if (currentPrefix.isEmpty()) {
      return findings;
    }
    Set<String> currentFiles = new HashSet<>();
    compared.current().set().files().getFileList().forEach(f -> currentFiles.add(f.getName()));
    return findings.stream().map(f -> new Finding(f.rule(), f.category(),
        (currentFiles.contains(f.path()) ? currentPrefix : "") + f.path(), f.line(), f.column(),
        f.message(), f.previousPath(), f.previousLine(), f.previousColumn(), f.ignored(), f.ignoreReason()))
        .sorted().toList();
  }
}
