package dev.protoshift.compat.maven;

import dev.protoshift.compat.DescriptorImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * A project's schemas as the goals see them: the current one (the proto directory), its frozen
 * releases (the history folder), and whatever a check compares with ({@link Against}).
 */
final class Schemas {

  /** A compiled or loaded schema and the words that name it in messages. */
  record Side(DescriptorImage image, String label) {}

  /** The project's coordinates, for {@code released} and the latest release before its version. */
  record Project(String groupId, String artifactId, String version) {}

  private final SchemaCompiler compiler;
  private final Path protoDirectory;
  private final HistoryFolder history;
  private final Path workDirectory;
  private final Artifacts artifacts;
  private final Project project;
  private final String schemaName;

  Schemas(SchemaCompiler compiler, Path protoDirectory, HistoryFolder history, Path workDirectory,
      Artifacts artifacts, Project project, String schemaName) {
    this.compiler = compiler;
    this.protoDirectory = protoDirectory;
    this.history = history;
    this.workDirectory = workDirectory;
    this.artifacts = artifacts;
    this.project = project;
    this.schemaName = schemaName;
  }

  SchemaCompiler compiler() {
    return compiler;
  }

  HistoryFolder history() {
    return history;
  }

  Path protoDirectory() {
    return protoDirectory;
  }

  /** The current schema, compiled. */
  Side current() throws MojoExecutionException {
    return new Side(compiler.image(protoDirectory, "the schema"), compiler.display(protoDirectory));
  }

  /**
   * What {@code against} names; empty for {@code history} when nothing was released yet.
   *
   * @throws MojoExecutionException naming the input if it cannot be found, resolved or compiled
   */
  Optional<Side> previous(Against against) throws MojoExecutionException {
    try {
      if (against instanceof Against.History h) {
        Optional<HistoryFolder.Release> release = h.version() == null ? history.newest()
            : Optional.of(history.release(h.version()));
        if (release.isEmpty()) {
          return Optional.empty();
        }
        HistoryFolder.Release r = release.get();
        String label = "release " + r.version() + " (" + compiler.display(r.directory()) + ")";
        return Optional.of(new Side(compiler.image(r.directory(), "release " + r.version()), label));
      }
      if (against instanceof Against.Git g) {
        Path top = GitTree.topLevel(protoDirectory);
        String subdir = g.subdir() != null ? g.subdir() : Paths.display(top, protoDirectory);
        Path tree = workDirectory.resolve("git-tree");
        DependencyProtos.deleteTree(tree);
        GitTree.export(protoDirectory, g.ref(), subdir.equals(".") ? "" : subdir, tree);
        String label = "git:" + g.ref() + ":" + subdir;
        return Optional.of(new Side(compiler.image(tree, label), label));
      }
      Against.Artifact a = (Against.Artifact) against;
      String version = a.version();
      if (version == null) {
        version = artifacts.latestReleaseBefore(a.groupId(), a.artifactId(), project.version()).orElseThrow(
            () -> new MojoExecutionException("no release of " + a.groupId() + ":" + a.artifactId() + " before "
                + project.version() + " in the project's repositories to compare with"));
      }
      String label = a.groupId() + ":" + a.artifactId() + ":" + version;
      Path jar = artifacts.jar(a.groupId(), a.artifactId(), version);
      return Optional.of(new Side(Artifacts.schema(jar, schemaName, label), label));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read the schema to compare with (" + against + "): " + e.getMessage(), e);
    }
  }
}
