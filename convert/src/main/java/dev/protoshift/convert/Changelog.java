package dev.protoshift.convert;

import dev.protoshift.versioning.ProtocolVersion;
import java.util.List;
import java.util.Optional;

/**
 * Renders a {@link VersionChain} as a Markdown changelog for client developers: the version
 * classes, then every release newest first with the changes it introduced.
 *
 * <p>A project checks the rendered text in (e.g. {@code docs/changelog.md}) and keeps a test
 * that fails when the file differs from {@link #render}, so the changelog cannot go stale.
 */
public final class Changelog {

  private Changelog() {}

  /**
   * The changelog of {@code chain}.
   *
   * @param title the page title, without {@code #}
   * @param preamble Markdown placed under the title (what the page is, how it is generated)
   */
  public static String render(VersionChain<?> chain, String title, String preamble) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(title).append("\n\n").append(preamble.strip()).append("\n\n");
    md.append("## Views\n\n");
    md.append("A client gets the view of its version class: the newest release that changed "
        + "something and is not newer than the client. Pre-releases are older than their release "
        + "(`").append(example(chain)).append("`).\n\n");
    md.append("| client version | view | optional features |\n|---|---|---|\n");
    List<VersionClass> classes = chain.classes();
    for (VersionClass versionClass : classes) {
      View view = chain.view(versionClass.since(), null);
      md.append("| `>=").append(versionClass.since())
          .append(versionClass.end().map(u -> " <" + u).orElse("")).append("` | ")
          .append(versionClass.label()).append(" view | ")
          .append(view.features().isEmpty() ? "none" : "`" + String.join("`, `", view.features()) + "`")
          .append(" |\n");
    }
    List<? extends VersionChain.Release<?>> releases = chain.releases();
    for (int i = releases.size() - 1; i >= 0; i--) {
      VersionChain.Release<?> release = releases.get(i);
      md.append("\n## ").append(release.version()).append("\n\n");
      if (release.changes().isEmpty()) {
        md.append("No change clients can see: clients on ").append(release.version())
            .append(" get the ").append(chain.classOf(release.version()).label()).append(" view.\n");
        continue;
      }
      for (VersionChange<?> change : release.changes()) {
        Optional<String> feature = change.feature();
        md.append("### ").append(change.title())
            .append(feature.map(f -> " (optional feature `" + f + "`)").orElse("")).append("\n\n")
            .append(change.description().strip()).append("\n\n");
        md.append(feature.isPresent()
            ? "Applied for clients older than " + release.version() + ", and for clients that did not "
                + "negotiate `" + feature.get() + "`.\n\n"
            : "Applied for clients older than " + release.version() + ".\n\n");
      }
      md.setLength(md.length() - 1);
    }
    md.append("\n## ").append(chain.baseline()).append(" (baseline)\n\n")
        .append(chain.baselineDescription().strip()).append("\n");
    return md.toString();
  }

  private static String example(VersionChain<?> chain) {
    if (chain.classes().size() < 2) {
      return chain.baseline() + "-rc.1 is older than " + chain.baseline();
    }
    ProtocolVersion second = chain.classes().get(1).since();
    return second + "-beta.2 gets the " + chain.classes().get(0).label() + " view";
  }
}
