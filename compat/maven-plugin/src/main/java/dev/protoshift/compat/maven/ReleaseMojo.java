package dev.protoshift.compat.maven;

import dev.protoshift.compat.CompatReport;
import dev.protoshift.compat.DeclaredVersion;
import dev.protoshift.compat.Compat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Freezes the current schema as a release: copies its {@code .proto} files into {@code
 * historyDirectory/<version>}, the version being the {@code protocol_version} it declares. Refuses
 * when that release exists already, or when the schema does not pass the check against the newest
 * release (a breaking change, or a declared bump smaller than the change needs). Run it when a
 * version ships, and commit the new folder.
 */
@Mojo(name = "release", threadSafe = true, requiresDependencyResolution = ResolutionScope.COMPILE)
public class ReleaseMojo extends AbstractCompareMojo {

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped("release")) {
      return;
    }
    Schemas schemas = schemas();
    HistoryFolder history = schemas.history();
    Comparison comparison = compare(schemas, new Against.History(null));
    String version = declaredVersion(comparison.current());
    Path target = history.directory().resolve(version);
    String shown = schemas.compiler().display(target);
    if (Files.exists(target)) {
      throw new MojoFailureException("release " + version + " exists already (" + shown + "): a release is frozen."
          + " Bump protocol_version (mvn protoshift:suggest-version says to what) and release that.");
    }
    if (comparison.previous().isPresent() && !comparison.report().isCompatible()) {
      CompatReport report = comparison.report();
      CheckOutput output = new CheckOutput(report, comparison.current().image(),
          Paths.prefix(topDirectory(), schemas.protoDirectory()));
      output.errorLines().forEach(getLog()::error);
      throw new MojoFailureException("not releasing " + version + ": " + output.summary(comparison.previous().get().label())
          + System.lineSeparator() + String.join(System.lineSeparator(), output.errorLines()));
    }
    int files;
    try {
      files = copyTree(schemas.protoDirectory(), target);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + shown + ": " + e.getMessage(), e);
    }
    getLog().info("protoshift: released " + version + ": " + files + " file" + (files == 1 ? "" : "s") + " of "
        + schemas.compiler().display(schemas.protoDirectory()) + " frozen in " + shown
        + comparison.previous().map(p -> " (after " + p.label() + ")").orElse(" (the first release)")
        + "; commit it");
  }

  /** The one version the current schema declares, which must be MAJOR.MINOR.PATCH. */
  private static String declaredVersion(Schemas.Side current) throws MojoFailureException {
    Optional<String> declared;
    try {
      declared = DeclaredVersion.of(current.image().files(), Compat.CHECKED_FILES).map(Object::toString);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(current.label() + ": " + e.getMessage(), e);
    }
    if (declared.isEmpty()) {
      throw new MojoFailureException(current.label() + " declares no protocol_version: a release is named by it."
          + " Add import \"protoshift/options.proto\"; and option (protoshift.protocol_version) = \"1.0.0\"; to a file.");
    }
    if (!HistoryFolder.isRelease(declared.get())) {
      throw new MojoFailureException(current.label() + " declares protocol_version " + declared.get()
          + ": a release is MAJOR.MINOR.PATCH, without pre-release or build");
    }
    return declared.get();
  }

  /** Copies the {@code .proto} files under {@code from} into a new {@code to}, all or nothing. */
  static int copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Path staging = Files.createTempDirectory(to.getParent(), "." + to.getFileName() + ".");
    List<Path> protos;
    try (Stream<Path> walk = Files.walk(from)) {
      protos = walk.filter(p -> p.getFileName().toString().endsWith(".proto") && Files.isRegularFile(p)).sorted()
          .toList();
    }
    try {
      for (Path proto : protos) {
        Path copy = staging.resolve(from.relativize(proto).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(proto, copy);
      }
      Files.move(staging, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      DependencyProtos.deleteTree(staging);
      throw e;
    }
    return protos.size();
  }
}
