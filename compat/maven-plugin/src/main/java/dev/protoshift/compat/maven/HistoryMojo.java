package dev.protoshift.compat.maven;

import dev.protoshift.proto.DescriptorSets;
import dev.protoshift.proto.ReleaseHistory;
import dev.protoshift.proto.ReleaseHistoryCheck;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Compiles the current schema and every frozen release to descriptor sets (imports and source info
 * included) and packs them into the jar, where {@code ReleaseHistory.load(schemaName)} finds them:
 *
 * <pre>
 * META-INF/protoshift/schemas/&lt;schemaName&gt;/descriptor.binpb          the current schema
 * META-INF/protoshift/schemas/&lt;schemaName&gt;/history/&lt;version&gt;.binpb  each frozen release
 * META-INF/protoshift/schemas/&lt;schemaName&gt;/history/versions.txt      the releases, oldest first
 * </pre>
 *
 * <p>Fails, naming each problem, when a release was edited: a frozen release declares another
 * version than its folder's name, or the current schema declares a released version but differs
 * from that release, or declares a version older than the newest release.
 */
@Mojo(name = "history", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.COMPILE)
public class HistoryMojo extends AbstractSchemaMojo {

  /** Where the descriptor sets go (inside the jar's classes by default). */
  @Parameter(defaultValue = "${project.build.outputDirectory}/META-INF/protoshift/schemas")
  File outputDirectory;

  /**
   * Also attaches the current schema's descriptor set to the build, as {@code
   * GROUP:ARTIFACT:binpb:descriptor:VERSION}, for tools that want the schema without the jar.
   */
  @Parameter(property = "protoshift.attachDescriptor", defaultValue = "false")
  boolean attachDescriptor;

  @Inject
  MavenProjectHelper projectHelper;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped("history")) {
      return;
    }
    Schemas schemas = schemas();
    Path out = outputDirectory.toPath().resolve(schemaName);
    List<HistoryFolder.Release> releases;
    try {
      releases = schemas.history().releases();
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot list " + historyDirectory + ": " + e.getMessage(), e);
    }
    byte[] current = schemas.compiler().compile(schemas.protoDirectory(), "the schema");
    Map<String, FileDescriptorSet> sets = new LinkedHashMap<>();
    try {
      DependencyProtos.deleteTree(out);
      Files.createDirectories(out.resolve("history"));
      Files.write(out.resolve("descriptor.binpb"), current);
      for (HistoryFolder.Release release : releases) {
        byte[] set = schemas.compiler().compile(release.directory(), "release " + release.version());
        Files.write(out.resolve("history").resolve(release.version() + ".binpb"), set);
        sets.put(release.version(), DescriptorSets.parse(set));
      }
      StringBuilder index = new StringBuilder();
      releases.forEach(r -> index.append(r.version()).append('\n'));
      Files.writeString(out.resolve("history/versions.txt"), index, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the descriptor sets to " + out + ": " + e.getMessage(), e);
    }
    List<String> problems = ReleaseHistoryCheck.problems(ReleaseHistory.of(schemaName, sets),
        DescriptorSets.parse(current));
    if (!problems.isEmpty()) {
      problems.forEach(p -> getLog().error("protoshift: " + p));
      throw new MojoFailureException("the release history of " + schemas.compiler().display(schemas.protoDirectory())
          + " (" + schemas.compiler().display(schemas.history().directory()) + ") has " + problems.size() + " problem"
          + (problems.size() == 1 ? "" : "s") + ":" + System.lineSeparator() + String.join(System.lineSeparator(), problems));
    }
    if (attachDescriptor) {
      projectHelper.attachArtifact(project, "binpb", "descriptor", out.resolve("descriptor.binpb").toFile());
    }
    getLog().info("protoshift: schema " + schemaName + " and its releases " + sets.keySet() + " packed in "
        + Paths.display(topDirectory(), out) + "; none edited");
  }
}
