package dev.protoshift.compat.cli;

import dev.protoshift.compat.Compat;
import dev.protoshift.compat.CompatReport;
import dev.protoshift.compat.Finding;
import java.util.List;

/**
 * The {@code check} command's output formats, for tools that run the check in their own process
 * (protoshift-maven-plugin writes its reports with it), so that their JSON, JUnit XML and SARIF are
 * the CLI's, byte for byte. Stateless and thread-safe.
 */
public final class CheckReports {

  private CheckReports() {}

  /**
   * Renders a report as {@code check --format FORMAT} prints it.
   *
   * @param format {@code text}, {@code json}, {@code github-actions}, {@code junit} or {@code sarif}
   * @param report the check's report
   * @param findings the report's findings with the paths to show (e.g. paths in the repository)
   * @param versionPath the file that declares the current {@code protocol_version}, where version
   *     problems are located, or null to report them without a place
   * @param versionLine its 1-based line (ignored when {@code versionPath} is null)
   * @param versionColumn its 1-based column (ignored when {@code versionPath} is null)
   * @throws IllegalArgumentException naming the format and the known ones if it is unknown
   */
  public static String render(String format, CompatReport report, List<Finding> findings, String versionPath,
      int versionLine, int versionColumn) {
    Reports.VersionSite site = versionPath == null ? null : new Reports.VersionSite(versionPath, versionLine,
        versionColumn);
    return Reports.render(Format.parse(format), report, findings, Compat.rules(), site);
  }
}
