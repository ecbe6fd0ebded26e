package dev.protoshift.compat.maven;

import dev.protoshift.compat.internal.ProtoCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * protoc for a build, without the user installing it: {@code $PROTOSHIFT_PROTOC} if set (as the CLI),
 * else {@code com.google.protobuf:protoc:<version>:exe:<os>-<arch>} resolved the way Maven resolves any
 * artifact (the session's local repository, then the project's repositories, mirrors, proxies and
 * offline mode honoured), copied under the build directory and made executable there.
 */
final class Protoc {

  static final String CENTRAL = "https://repo.maven.apache.org/maven2";

  private Protoc() {}

  /**
   * A compiler whose protoc and well-known imports live under {@code workDirectory}.
   *
   * @throws MojoExecutionException naming the artifact and what to do if protoc cannot be had
   */
  static ProtoCompiler compiler(RepositorySystem system, RepositorySystemSession session,
      List<RemoteRepository> repositories, Path workDirectory) throws MojoExecutionException {
    Path cache = workDirectory.resolve("protoc-cache");
    Path local = session.getLocalRepository().getBasedir().toPath();
    String remote = repositories.isEmpty() ? CENTRAL : repositories.get(0).getUrl();
    String explicit = System.getenv("PROTOSHIFT_PROTOC");
    if (explicit != null && !explicit.isBlank()) {
      return new ProtoCompiler(cache, Path.of(explicit), local, remote);
    }
    String classifier = classifier(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    DefaultArtifact artifact = new DefaultArtifact("com.google.protobuf", "protoc", classifier, "exe",
        ProtoCompiler.PROTOC_VERSION);
    Path resolved;
    try {
      resolved = system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null)).getArtifact()
          .getFile().toPath();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("cannot resolve protoc (" + artifact + "): " + e.getMessage()
          + "; set PROTOSHIFT_PROTOC to a protoc " + ProtoCompiler.PROTOC_VERSION + " binary to build without it", e);
    }
    try {
      return new ProtoCompiler(cache, executableCopy(resolved, workDirectory.resolve("protoc")), local, remote);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot make an executable copy of " + resolved + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code resolved} copied into {@code dir} and made executable: once, and again whenever the copy's
   * size or modification time differs from the artifact's (a new artifact, or a copy changed since).
   */
  static Path executableCopy(Path resolved, Path dir) throws IOException {
    Path copy = dir.resolve(resolved.getFileName());
    if (Files.isExecutable(copy) && Files.size(copy) == Files.size(resolved)
        && Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(resolved))) {
      return copy;
    }
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "protoc", ".tmp");
    Files.copy(resolved, tmp, StandardCopyOption.REPLACE_EXISTING);
    if (!tmp.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + tmp + " executable");
    }
    Files.setLastModifiedTime(tmp, Files.getLastModifiedTime(resolved));
    Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return copy;
  }

  /**
   * protoc's Maven classifier for an OS and architecture as Java names them, e.g. {@code linux-x86_64}.
   *
   * @throws MojoExecutionException naming both if protoc is not published for them
   */
  static String classifier(String osName, String osArch) throws MojoExecutionException {
    String os = osName.toLowerCase(Locale.ROOT);
    String o = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "osx"
        : os.contains("windows") ? "windows" : null;
    String a = switch (osArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch_64";
      case "x86", "i386", "i686" -> "x86_32";
      case "ppc64le" -> "ppcle_64";
      case "s390x" -> "s390_64";
      default -> null;
    };
    if (o == null || a == null) {
      throw new MojoExecutionException("protoc " + ProtoCompiler.PROTOC_VERSION + " is not published for " + osName
          + "/" + osArch + "; set PROTOSHIFT_PROTOC to a protoc binary");
    }
    return o + "-" + a;
  }
}
