package dev.protoshift.compat.maven;

import dev.protoshift.compat.Compat;
import dev.protoshift.compat.CompatConfig;
import dev.protoshift.compat.CompatReport;
import dev.protoshift.compat.ConfigFile;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that compare the schema with a previous one: the CLI's rules, config and ignores. */
abstract class AbstractCompareMojo extends AbstractSchemaMojo {

  /**
   * What to compare with: {@code history} (the newest frozen release in historyDirectory), {@code
   * history:VERSION}, {@code git:REF[:SUBDIR]} (SUBDIR relative to the repository's top directory;
   * by default protoDirectory's place in it), {@code maven:GROUP:ARTIFACT[:VERSION]} (a released jar
   * from the project's repositories; without VERSION the latest release before the project's
   * version) or {@code released} (the project's own latest release before its version).
   */
  @Parameter(property = "protoshift.against", defaultValue = "history")
  String against;

  /**
   * A YAML file whose {@code breaking} section reads like buf's ({@code use}, {@code except}, {@code
   * ignore}, {@code ignore_only}, {@code ignore_unstable_packages}; a {@code buf.yaml} works as it
   * is) and whose {@code semver} section may set {@code zero_major_anything_goes}.
   */
  @Parameter(property = "protoshift.config")
  File configFile;

  /** Rule ids or categories to run; replaces the config file's {@code use} (default: FILE). */
  @Parameter(property = "protoshift.use")
  List<String> use = new ArrayList<>();

  /** Rule ids or categories to leave out; replaces the config file's {@code except}. */
  @Parameter(property = "protoshift.except")
  List<String> except = new ArrayList<>();

  /**
   * While both declared versions are 0.x, accept any bump that moves the version (semver's initial
   * development); breaking changes still fail. The CLI's {@code --zero-major-anything-goes}.
   */
  @Parameter(property = "protoshift.zeroMajorAnythingGoes", defaultValue = "false")
  boolean zeroMajorAnythingGoes;

  /** A comparison: what was compared with (empty if nothing was released yet), the current schema, the report. */
  record Comparison(Optional<Schemas.Side> previous, Schemas.Side current, CompatReport report) {}

  /**
   * The selection, ignores and semver policy: the config file, then the parameters.
   *
   * @throws MojoExecutionException naming the file, key or rule if the configuration is wrong
   */
  CompatConfig config() throws MojoExecutionException {
    CompatConfig config = CompatConfig.defaults();
    try {
      if (configFile != null) {
        if (!configFile.isFile()) {
          throw new MojoExecutionException("configFile " + configFile + " is not a file");
        }
        config = ConfigFile.load(configFile.toPath());
      }
      if (!use.isEmpty()) {
        config = config.withUse(use);
      }
      if (!except.isEmpty()) {
        config = config.withExcept(except);
      }
      return zeroMajorAnythingGoes ? config.withZeroMajorAnythingGoes(true) : config;
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read configFile " + configFile + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("protoshift configuration: " + e.getMessage(), e);
    }
  }

  /**
   * Compares the current schema with what {@code against} names.
   *
   * @throws MojoExecutionException if an input or the configuration is wrong
   */
  Comparison compare(Schemas schemas, Against what) throws MojoExecutionException {
    CompatConfig config = config();
    Schemas.Side current = schemas.current();
    Optional<Schemas.Side> previous = schemas.previous(what);
    if (previous.isEmpty()) {
      return new Comparison(previous, current, null);
    }
    try {
      return new Comparison(previous, current, Compat.check(previous.get().image(), current.image(), config));
    } catch (IllegalArgumentException e) {
      // A malformed ignore comment names the file as the schema does: name it under the top directory.
      String message = String.valueOf(e.getMessage());
      for (var file : current.image().files().getFileList()) {
        if (message.startsWith(file.getName() + ":")) {
          message = Paths.prefix(topDirectory(), schemas.protoDirectory()) + message;
          break;
        }
      }
      throw new MojoExecutionException(message, e);
    }
  }

  Against parsedAgainst() throws MojoExecutionException {
    try {
      return Against.parse(against, project.getGroupId(), project.getArtifactId());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }
}
