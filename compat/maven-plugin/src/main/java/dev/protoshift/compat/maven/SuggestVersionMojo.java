package dev.protoshift.compat.maven;

import dev.protoshift.compat.CompatReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Says which {@code protocol_version} the schema should declare: the previous release's version with
 * the bump the change needs (MAJOR for a breaking change, MINOR for additions, PATCH for other edits,
 * unchanged when nothing changed). Writes it to {@code target/protoshift/suggested-version.txt}.
 */
@Mojo(name = "suggest-version", threadSafe = true, requiresDependencyResolution = ResolutionScope.COMPILE)
public class SuggestVersionMojo extends AbstractCompareMojo {

  /** Prints only the version on standard output (for scripts: {@code mvn -q ... -Dprotoshift.forceStdout}). */
  @Parameter(property = "protoshift.forceStdout", defaultValue = "false")
  boolean forceStdout;

  @Override
  public void execute() throws MojoExecutionException {
    if (skipped("suggest-version")) {
      return;
    }
    Schemas schemas = schemas();
    Comparison comparison = compare(schemas, parsedAgainst());
    if (comparison.previous().isEmpty()) {
      throw new MojoExecutionException("no frozen release in " + schemas.compiler().display(schemas.history().directory())
          + " yet: the first release may declare any version (1.0.0, or 0.1.0 while the schema is young);"
          + " mvn protoshift:release freezes it");
    }
    CompatReport report = comparison.report();
    String label = comparison.previous().get().label();
    if (report.suggestedVersion().isEmpty()) {
      throw new MojoExecutionException(label + " declares no protocol_version (option (protoshift.protocol_version)),"
          + " so there is nothing to bump; the change needs a " + report.requiredBump() + " bump");
    }
    String suggested = report.suggestedVersion().get().toString();
    Path file = workDirectory().resolve("suggested-version.txt");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, suggested + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + file + ": " + e.getMessage(), e);
    }
    if (forceStdout) {
      System.out.println(suggested);
      System.out.flush();
      return;
    }
    String declared = report.currentVersion().map(Object::toString).orElse("none");
    getLog().info("protoshift: declare " + suggested + ": the change needs a " + report.requiredBump() + " bump from "
        + label + "; the schema declares " + declared + (report.versionProblems().isEmpty() ? ", which fits"
        : ", which does not fit"));
  }
}
