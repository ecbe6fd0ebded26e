package dev.protoshift.compat.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compares the project's schema with the previous one (by default the newest frozen release) using
 * buf's breaking rules, and checks the declared {@code protocol_version} against the bump the change
 * needs: the CLI's {@code check}. Runs before compilation, so a deleted field is named by its rule,
 * not by javac. Prints each problem like a compiler error, {@code path:line:column: RULE_ID: message},
 * and writes JSON, SARIF, JUnit XML and text reports to reportsDirectory.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.PROCESS_SOURCES, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.COMPILE)
public class CheckMojo extends AbstractCompareMojo {

  /** Fails the build on a breaking change or a declared version that does not fit; else only warns. */
  @Parameter(property = "protoshift.failOnBreaking", defaultValue = "true")
  boolean failOnBreaking;

  /** Where the reports go: compat.json, compat.sarif, TEST-protoshift-compat.xml, compat.txt. */
  @Parameter(property = "protoshift.reportsDirectory", defaultValue = "${project.build.directory}/protoshift")
  File reportsDirectory;

  /**
   * Also prints each problem as a GitHub Actions {@code ::error} command, which annotates the pull
   * request's diff. Default: on when the build runs in GitHub Actions ({@code GITHUB_ACTIONS=true}).
   */
  @Parameter(property = "protoshift.githubAnnotations")
  Boolean githubAnnotations;

  /**
   * Also compares each frozen release with the one before it, with the same rules (a history with
   * a deliberate break, such as a 2.0.0 that deleted a field, leaves this off).
   */
  @Parameter(property = "protoshift.checkReleases", defaultValue = "false")
  boolean checkReleases;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped("check")) {
      return;
    }
    Against what = parsedAgainst();
    Schemas schemas = schemas();
    if (checkReleases) {
      checkReleases(schemas);
    }
    Comparison comparison = compare(schemas, what);
    if (comparison.previous().isEmpty()) {
      getLog().info("protoshift: no frozen release in " + schemas.compiler().display(schemas.history().directory())
          + " yet, nothing to compare with (mvn protoshift:release freezes the current schema)");
      return;
    }
    String label = comparison.previous().get().label();
    CheckOutput output = new CheckOutput(comparison.report(), comparison.current().image(),
        Paths.prefix(topDirectory(), schemas.protoDirectory()));
    Path reports;
    try {
      reports = output.writeReports(reportsDirectory.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the reports to " + reportsDirectory + ": " + e.getMessage(), e);
    }
    if (githubAnnotations != null ? githubAnnotations : "true".equals(System.getenv("GITHUB_ACTIONS"))) {
      System.out.print(output.render("github-actions"));
      System.out.flush();
    }
    String summary = "protoshift: " + output.summary(label) + " (reports: " + Paths.display(topDirectory(), reports)
        + ")";
    if (comparison.report().isCompatible()) {
      getLog().info(summary);
      return;
    }
    for (String line : output.errorLines()) {
      if (failOnBreaking) {
        getLog().error(line);
      } else {
        getLog().warn(line);
      }
    }
    if (!failOnBreaking) {
      getLog().warn(summary);
      return;
    }
    getLog().error(summary);
    throw new MojoFailureException("the schema breaks clients of " + label + " or declares a version that does not fit:"
        + System.lineSeparator() + String.join(System.lineSeparator(), output.errorLines())
        + System.lineSeparator() + "Fix the schema, or ignore a safe change with a reason:"
        + " https://github.com/protoshift/protoshift/blob/main/docs/proto-update-workflow.md");
  }

  /** Each frozen release against the one before it; fails naming the first pair that does not fit. */
  private void checkReleases(Schemas schemas) throws MojoExecutionException, MojoFailureException {
    java.util.List<HistoryFolder.Release> releases;
    try {
      releases = schemas.history().releases();
    } catch (IOException | IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    var config = config();
    Schemas.Side before = null;
    for (HistoryFolder.Release release : releases) {
      Schemas.Side side = schemas.previous(new Against.History(release.version())).orElseThrow();
      if (before != null) {
        var report = dev.protoshift.compat.Compat.check(before.image(), side.image(), config);
        CheckOutput output = new CheckOutput(report, side.image(), Paths.prefix(topDirectory(), release.directory()));
        if (!report.isCompatible()) {
          output.errorLines().forEach(getLog()::error);
          throw new MojoFailureException(side.label() + " does not fit " + before.label() + ": "
              + output.summary(before.label()));
        }
      }
      before = side;
    }
    if (releases.size() > 1) {
      getLog().info("protoshift: each release fits the one before it: " + releases.stream()
          .map(HistoryFolder.Release::version).toList());
    }
  }
}
