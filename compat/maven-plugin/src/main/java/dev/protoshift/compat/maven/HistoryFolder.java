package dev.protoshift.compat.maven;

import dev.protoshift.versioning.ProtocolVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A project's frozen releases on disk: one folder per released version, named {@code
 * MAJOR.MINOR.PATCH}, holding the proto tree as it was released. Regular files beside the folders
 * (a README) and hidden folders are allowed; a folder with another name is an error, so a typo never
 * hides a release.
 */
final class HistoryFolder {

  private static final Pattern RELEASE = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");

  /** One frozen release: its version and its folder. */
  record Release(String version, Path directory) {}

  private final Path directory;

  HistoryFolder(Path directory) {
    this.directory = directory;
  }

  Path directory() {
    return directory;
  }

  /**
   * The releases, oldest first (by semantic version); none if the folder does not exist.
   *
   * @throws IllegalArgumentException naming the folder if one is not named MAJOR.MINOR.PATCH
   * @throws IOException if the folder cannot be listed
   */
  List<Release> releases() throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Release> releases = new ArrayList<>();
    try (Stream<Path> children = Files.list(directory)) {
      for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
        String name = child.getFileName().toString();
        if (name.startsWith(".")) {
          continue; // hidden: a tool's, or a release being written
        }
        if (!RELEASE.matcher(name).matches()) {
          throw new IllegalArgumentException(child + ": a frozen release's folder is named by its version,"
              + " MAJOR.MINOR.PATCH (e.g. 1.2.0), was \"" + name + "\"");
        }
        releases.add(new Release(name, child));
      }
    }
    releases.sort(Comparator.comparing(r -> ProtocolVersion.parse(r.version())));
    return releases;
  }

  /** The newest release, if there is one. */
  Optional<Release> newest() throws IOException {
    List<Release> all = releases();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * The release named {@code version}.
   *
   * @throws IllegalArgumentException naming the released versions if there is none
   */
  Release release(String version) throws IOException {
    for (Release r : releases()) {
      if (r.version().equals(version)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no frozen release " + version + " in " + directory + "; released: "
        + releases().stream().map(Release::version).toList());
  }

  /** True if {@code version} is MAJOR.MINOR.PATCH (no pre-release, no build). */
  static boolean isRelease(String version) {
    return version != null && RELEASE.matcher(version).matches();
  }

}
