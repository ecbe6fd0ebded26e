package dev.protoshift.compat.maven;

import dev.protoshift.compat.internal.ProtoCompiler;
import dev.protoshift.proto.ReleaseHistory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/** What every goal shares: where the schema and its releases are, and how they are compiled. */
abstract class AbstractSchemaMojo extends AbstractMojo {

  /** The current schema: the root of its {@code .proto} files (as protoc's import path). */
  @Parameter(property = "protoshift.protoDirectory", defaultValue = "${project.basedir}/src/main/proto")
  File protoDirectory;

  /**
   * The frozen releases: one folder per released version, named {@code MAJOR.MINOR.PATCH}, each the
   * proto tree as it was released (what the release goal writes).
   */
  @Parameter(property = "protoshift.historyDirectory", defaultValue = "${project.basedir}/src/main/proto-history")
  File historyDirectory;

  /**
   * The schema's name: the folder of its descriptor sets in the jar, {@code
   * META-INF/protoshift/schemas/<schemaName>/}, which {@code ReleaseHistory.load(schemaName)} reads.
   * Lowercase letters, digits, {@code . _ -}.
   */
  @Parameter(property = "protoshift.schemaName", defaultValue = "${project.artifactId}")
  String schemaName;

  /** More directories to resolve {@code import}s in, after the schema's own directory. */
  @Parameter
  List<File> importDirectories = new ArrayList<>();

  /** Skips the goal. */
  @Parameter(property = "protoshift.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Inject
  RepositorySystem repositorySystem;

  /** The build's top directory: paths in messages and reports are relative to it. */
  Path topDirectory() {
    File dir = session.getRequest().getMultiModuleProjectDirectory();
    return (dir != null ? dir : session.getTopLevelProject().getBasedir()).toPath();
  }

  Path workDirectory() {
    return Path.of(project.getBuild().getDirectory(), "protoshift");
  }

  /** True, after saying why, if the goal has nothing to do. */
  boolean skipped(String goal) {
    if (skip) {
      getLog().info("protoshift:" + goal + " skipped (protoshift.skip)");
      return true;
    }
    if (!Files.isDirectory(protoDirectory.toPath())) {
      getLog().info("protoshift:" + goal + ": no schema in " + Paths.display(topDirectory(), protoDirectory.toPath())
          + " (protoDirectory), nothing to do");
      return true;
    }
    return false;
  }

  /**
   * The project's schemas, compiled with protoc and the import paths of its compile dependencies.
   *
   * @throws MojoExecutionException if the schema name is invalid, protoc cannot be had, or a
   *     dependency's {@code .proto} files cannot be read
   */
  Schemas schemas() throws MojoExecutionException {
    if (!ReleaseHistory.SCHEMA_NAME.matcher(schemaName).matches()) {
      throw new MojoExecutionException("schemaName \"" + schemaName + "\" must match "
          + ReleaseHistory.SCHEMA_NAME.pattern() + " (it names a folder in the jar)");
    }
    var repositories = project.getRemoteProjectRepositories();
    var repositorySession = session.getRepositorySession();
    ProtoCompiler protoc = Protoc.compiler(repositorySystem, repositorySession, repositories, workDirectory());
    List<Path> includes = new ArrayList<>();
    for (File dir : importDirectories) {
      if (!dir.isDirectory()) {
        throw new MojoExecutionException("importDirectories: " + dir + " is not a directory");
      }
      includes.add(dir.toPath());
    }
    List<Path> dependencies = new ArrayList<>();
    for (Artifact artifact : project.getArtifacts()) {
      if (artifact.getFile() != null && artifact.getArtifactHandler().isAddedToClasspath()
          && !Artifact.SCOPE_TEST.equals(artifact.getScope())) {
        dependencies.add(artifact.getFile().toPath());
      }
    }
    try {
      includes.addAll(DependencyProtos.includes(dependencies, workDirectory().resolve("dependency-protos")));
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    SchemaCompiler compiler = new SchemaCompiler(protoc, includes, topDirectory());
    return new Schemas(compiler, protoDirectory.toPath(), new HistoryFolder(historyDirectory.toPath()),
        workDirectory(), new Artifacts(repositorySystem, repositorySession, repositories),
        new Schemas.Project(project.getGroupId(), project.getArtifactId(), project.getVersion()), schemaName);
  }
}
