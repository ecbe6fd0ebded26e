package dev.protoshift.convert.internal;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.protoshift.convert.HistoryProblem;
import dev.protoshift.convert.VersionChange;
import dev.protoshift.proto.ReleaseHistory;
import dev.protoshift.versioning.ProtocolVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A version chain's view of its schema's release history: which declared release has which
 * schema, the steps derived from them, and the check of downgrades against the frozen releases.
 *
 * <p>Releases older than the chain's baseline are ignored: the chain no longer serves them, and a
 * history is never edited. Immutable and thread-safe.
 */
public final class ChainHistory {

  private final ReleaseHistory history;
  private final Message prototype;
  private final Descriptor root;
  private final SchemaIndex current;
  private final List<ProtocolVersion> declared;
  private final Map<ProtocolVersion, SchemaIndex> released = new LinkedHashMap<>();

  private ChainHistory(ReleaseHistory history, Message prototype, List<ProtocolVersion> declared) {
    this.history = history;
    this.prototype = prototype;
    this.root = prototype.getDescriptorForType();
    this.current = SchemaIndex.of(root.getFile());
    this.declared = List.copyOf(declared);
  }

  /**
   * Checks that the chain covers the history and reads the schema of every declared release.
   *
   * @param declared the chain's baseline and then every declared release, oldest first
   * @throws IllegalArgumentException naming the version and both version lists if a release of the
   *     history (not older than the baseline) is not declared, a declared release other than the
   *     newest was never released, a release lacks the root message, or a descriptor set does not link
   */
  public static ChainHistory of(ReleaseHistory history, Message prototype, List<ProtocolVersion> declared) {
    ChainHistory chain = new ChainHistory(Objects.requireNonNull(history, "history"),
        Objects.requireNonNull(prototype, "prototype"), declared);
    ProtocolVersion baseline = declared.get(0);
    ProtocolVersion newest = declared.get(declared.size() - 1);
    String lists = " (released in schema " + history.schema() + ": " + history.versions() + "; declared in the chain: "
        + declared + ")";
    for (String version : history.versions()) {
      ProtocolVersion release = ProtocolVersion.parse(version);
      if (!release.isOlderThan(baseline) && !declared.contains(release)) {
        throw new IllegalArgumentException("release " + version + " is in the release history but not declared in"
            + " the chain: declare it with .release(\"" + version + "\", ...) even if it changed nothing" + lists);
      }
    }
    for (ProtocolVersion version : declared) {
      if (history.isReleased(version.toString())) {
        chain.released.put(version, SchemaIndex.of(history.files(version.toString()).values()));
        if (history.message(version.toString(), chain.root.getFullName()).isEmpty()) {
          throw new IllegalArgumentException("release " + version + " of schema " + history.schema()
              + " has no message " + chain.root.getFullName() + ", the chain's root");
        }
      } else if (!version.equals(newest)) {
        throw new IllegalArgumentException("release " + version + " is declared in the chain but was never released;"
            + " only the chain's newest release (" + newest + ", the current schema) may be unreleased" + lists);
      }
    }
    return chain;
  }

  /** The root message type. */
  public Descriptor root() {
    return root;
  }

  /**
   * The step derived for the {@code index}-th declared release (1 for the first after the
   * baseline): what it added, or empty if it added nothing reachable from the root.
   */
  public <M> Optional<VersionChange<M>> strip(int index) {
    ProtocolVersion release = declared.get(index);
    return HistoryStrip.<M>plan(root, schema(declared.get(index - 1)), schema(release), release.toString())
        .map(strip -> strip);
  }

  /** The schema of a declared release: its frozen one, or the current one for the unreleased newest. */
  private SchemaIndex schema(ProtocolVersion version) {
    return released.getOrDefault(version, current);
  }

  /**
   * Checks the downgrades of sample messages for every released version the chain serves.
   *
   * @param downgradeFor the chain's downgrade for the view of a release (every feature it has)
   */
  public List<HistoryProblem> check(Function<ProtocolVersion, UnaryOperator<Message.Builder>> downgradeFor) {
    List<Message> samples = SampleMessages.of(prototype);
    List<HistoryProblem> problems = new ArrayList<>();
    for (Map.Entry<ProtocolVersion, SchemaIndex> release : released.entrySet()) {
      String version = release.getKey().toString();
      Descriptor releaseRoot = history.message(version, root.getFullName()).orElseThrow();
      problems.addAll(new HistoryChecker(current, release.getKey(), release.getValue(), releaseRoot, this::deprecatedSince)
          .check(samples, downgradeFor.apply(release.getKey())));
    }
    return List.copyOf(problems);
  }

  /** The first declared release after {@code release} whose schema deprecates {@code field}, or null. */
  private ProtocolVersion deprecatedSince(FieldDescriptor field, ProtocolVersion release) {
    for (ProtocolVersion version : declared) {
      if (version.isNewerThan(release)) {
        FieldDescriptor theirs = schema(version).field(field);
        if (theirs != null && theirs.getOptions().getDeprecated()) {
          return version;
        }
      }
    }
    return null;
  }
}
