package dev.protoshift.compat.maven;

import dev.protoshift.compat.Compat;
import dev.protoshift.compat.CompatReport;
import dev.protoshift.compat.DeclaredVersion;
import dev.protoshift.compat.DescriptorImage;
import dev.protoshift.compat.Finding;
import dev.protoshift.compat.cli.CheckReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A check's report as a build shows it: findings with paths under the build's top directory,
 * printed like compiler errors ({@code path:line:column: RULE_ID: message}), a summary line, and the
 * CLI's JSON, SARIF, JUnit XML and text reports for CI.
 */
final class CheckOutput {

  /** File names of the reports, in the reports directory. */
  static final String JSON = "compat.json";
  static final String SARIF = "compat.sarif";
  static final String JUNIT = "TEST-protoshift-compat.xml";
  static final String TEXT = "compat.txt";

  private final CompatReport report;
  private final List<Finding> findings;
  private final String versionPath;
  private final int versionLine;
  private final int versionColumn;

  /**
   * @param prefix what makes the current schema's file names paths under the top directory, e.g.
   *     {@code src/main/proto/}; a file only the previous schema has keeps its schema name
   */
  CheckOutput(CompatReport report, DescriptorImage current, String prefix) {
    this.report = report;
    Set<String> currentFiles = new HashSet<>();
    current.files().getFileList().forEach(f -> currentFiles.add(f.getName()));
    this.findings = report.findings().stream().map(f -> new Finding(f.rule(), f.category(),
        (currentFiles.contains(f.path()) ? prefix : "") + f.path(), f.line(), f.column(), f.message(),
        f.previousPath(), f.previousLine(), f.previousColumn(), f.ignored(), f.ignoreReason())).sorted().toList();
    String path = null;
    int line = 1;
    int column = 1;
    for (var file : current.files().getFileList()) {
      if (Compat.CHECKED_FILES.test(file.getName()) && DeclaredVersion.of(file).isPresent()) {
        path = prefix + file.getName();
        for (var location : current.sourceCodeInfo(file).getLocationList()) {
          if (location.getPathCount() == 2 && location.getPath(0) == 8
              && location.getPath(1) == DeclaredVersion.FIELD_NUMBER && location.getSpanCount() >= 2) {
            line = location.getSpan(0) + 1;
            column = location.getSpan(1) + 1;
          }
        }
        break;
      }
    }
    this.versionPath = path;
    this.versionLine = line;
    this.versionColumn = column;
  }

  CompatReport report() {
    return report;
  }

  /** Every finding, ignored ones included, with its path under the top directory. */
  List<Finding> findings() {
    return findings;
  }

  /** One line per breaking change and per version problem: {@code path:line:column: RULE_ID: message}. */
  List<String> errorLines() {
    List<String> lines = new ArrayList<>();
    for (Finding f : findings) {
      if (!f.ignored()) {
        lines.add(f.path() + ":" + f.line() + ":" + f.column() + ": " + f.rule() + ": " + f.message());
      }
    }
    for (String problem : report.versionProblems()) {
      lines.add((versionPath == null ? "" : versionPath + ":" + versionLine + ":" + versionColumn + ": ")
          + "PROTOCOL_VERSION: " + problem);
    }
    return lines;
  }

  /** One line: how many breaking changes, the bump the change needs, the declared versions. */
  String summary(String against) {
    long breaking = report.breaking().size();
    long ignored = report.findings().size() - breaking;
    StringBuilder text = new StringBuilder("against ").append(against).append(": ");
    text.append(breaking == 0 ? "no breaking changes" : breaking + " breaking change" + (breaking == 1 ? "" : "s"));
    if (ignored > 0) {
      text.append(" (").append(ignored).append(" ignored)");
    }
    text.append("; the change needs a ").append(report.requiredBump()).append(" bump");
    if (report.previousVersion().isPresent() || report.currentVersion().isPresent()) {
      text.append("; declared ").append(report.previousVersion().map(Object::toString).orElse("none")).append(" -> ")
          .append(report.currentVersion().map(Object::toString).orElse("none"));
    }
    return text.toString();
  }

  /** The CLI's output in {@code format}: text, json, github-actions, junit or sarif. */
  String render(String format) {
    return CheckReports.render(format, report, findings, versionPath, versionLine, versionColumn);
  }

  /**
   * Writes the JSON, SARIF, JUnit XML and text reports into {@code directory}.
   *
   * @return the directory
   */
  Path writeReports(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(JSON), render("json"), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve(SARIF), render("sarif"), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve(JUNIT), render("junit"), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve(TEXT), render("text"), StandardCharsets.UTF_8);
    return directory;
  }
}
