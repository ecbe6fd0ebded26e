package dev.protoshift.compat.maven;

import dev.protoshift.compat.DescriptorImage;
import dev.protoshift.proto.ReleaseHistory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.version.Version;

/**
 * Released schemas in Maven repositories: resolves a schema's jar the way Maven resolves any
 * dependency (local repository, the project's repositories, mirrors, offline mode) and reads the
 * descriptor set the history goal packed into it.
 */
class Artifacts {

  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;

  Artifacts(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
    this.system = system;
    this.session = session;
    this.repositories = repositories;
  }

  /**
   * The jar of {@code groupId:artifactId:version}.
   *
   * @throws MojoExecutionException naming the coordinates if it cannot be resolved
   */
  Path jar(String groupId, String artifactId, String version) throws MojoExecutionException {
    DefaultArtifact artifact = new DefaultArtifact(groupId, artifactId, "jar", version);
    try {
      return system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null)).getArtifact().getFile()
          .toPath();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("cannot resolve " + artifact + " to compare with: " + e.getMessage(), e);
    }
  }

  /**
   * The newest release (not a SNAPSHOT) of {@code groupId:artifactId} before {@code version}.
   *
   * @throws MojoExecutionException if the repositories cannot be asked
   */
  Optional<String> latestReleaseBefore(String groupId, String artifactId, String version)
      throws MojoExecutionException {
    DefaultArtifact range = new DefaultArtifact(groupId, artifactId, "jar", "(," + version + ")");
    List<Version> versions;
    try {
      versions = system.resolveVersionRange(session, new VersionRangeRequest(range, repositories, null)).getVersions();
    } catch (VersionRangeResolutionException e) {
      throw new MojoExecutionException("cannot list the versions of " + groupId + ":" + artifactId + ": "
          + e.getMessage(), e);
    }
    return versions.stream().map(Version::toString).filter(v -> !v.endsWith("-SNAPSHOT")).reduce((a, b) -> b);
  }

  /**
   * The descriptor set of schema {@code schemaName} in a jar: {@code
   * META-INF/protoshift/schemas/<schemaName>/descriptor.binpb}, else the jar's only schema.
   *
   * @param label names the jar in errors
   * @throws MojoExecutionException naming the jar and the schemas it holds if there is no such set,
   *     or it cannot be read
   */
  static DescriptorImage schema(Path jar, String schemaName, String label) throws MojoExecutionException {
    String wanted = ReleaseHistory.currentResource(schemaName);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(wanted);
      if (entry == null) {
        List<String> schemas = zip.stream().map(ZipEntry::getName)
            .filter(n -> n.matches("META-INF/protoshift/schemas/[^/]+/descriptor\\.binpb")).toList();
        if (schemas.size() != 1) {
          throw new MojoExecutionException(label + " (" + jar + ") has no " + wanted + (schemas.isEmpty()
              ? ": was it built with protoshift-maven-plugin's history goal?"
              : "; it holds " + schemas + ": set schemaName to one of them"));
        }
        entry = zip.getEntry(schemas.get(0));
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return DescriptorImage.parse(in.readAllBytes());
      } catch (IllegalArgumentException e) {
        throw new MojoExecutionException(label + ": " + entry.getName() + " is not a descriptor set: " + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw new MojoExecutionException(label + ": cannot read " + jar + ": " + e.getMessage(), e);
    }
  }
}
