package dev.protoshift.convert;

import com.google.protobuf.Message;
import dev.protoshift.convert.internal.ChainHistory;
import dev.protoshift.proto.ReleaseHistory;
import dev.protoshift.versioning.Agreement;
import dev.protoshift.versioning.Handshake;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.ProtocolFeatures;
import dev.protoshift.versioning.ProtocolVersion;
import dev.protoshift.versioning.SupportedVersions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every change clients can see, release by release, in one place (after Cadwyn's
 * {@code VersionBundle}): the chain converts a message for any client version and derives the
 * version classes, the optional features and the changelog from the same list.
 *
 * <p>Converting for a client with view {@code v} applies every change that is newer than the
 * client's version class, or that adds a feature the client did not negotiate: newest first on
 * the way out ({@link #downgrade}), oldest first on the way in ({@link #upgrade}).
 *
 * <pre>{@code
 * VersionChain<WsEnvelope.Builder> chain = VersionChain.<WsEnvelope.Builder>startingAt("1.0.0", "...")
 *     .release("1.1.0", new RouteBecameWaypoints(), new StoryAdded())
 *     .release("1.2.0")                    // a release nothing changed in, for the changelog
 *     .build();
 * }</pre>
 *
 * <p>With the schema's {@linkplain Builder#history release history}, the chain strips by itself
 * what a client's release does not have (fields, enum values, oneof cases), so version changes are
 * needed only for meaning (fill a deprecated field from its replacement, a rename, a split), and
 * {@link #checkHistory()} tells a test what the chain still gets wrong. See docs/history-downgrades.md.
 *
 * <p>Immutable and thread-safe if its changes are.
 *
 * @param <M> the mutable message type the changes work on
 */
public final class VersionChain<M> {

  /**
   * One release of the chain and the changes it introduced (none for a release that changed
   * nothing clients can see), in the order they apply on the way in. With a release history, the
   * first is the step derived from it (title "Schema additions") if the release added anything
   * reachable from the root; the declared changes follow, so on the way down they run before it and
   * can still read what the release added.
   */
  public record Release<M>(ProtocolVersion version, List<VersionChange<M>> changes) {
    public Release {
      Objects.requireNonNull(version, "version");
      changes = List.copyOf(changes);
    }
  }

  private record Step<M>(ProtocolVersion version, VersionChange<M> change, String feature) {}

  private final ProtocolVersion baseline;
  private final String baselineDescription;
  private final List<Release<M>> releases;
  private final List<Step<M>> steps;
  private final List<VersionClass> classes;
  private final ChainHistory history;

  private VersionChain(ProtocolVersion baseline, String baselineDescription, List<Release<M>> releases,
      ChainHistory history) {
    this.history = history;
    this.baseline = baseline;
    this.baselineDescription = baselineDescription;
    this.releases = List.copyOf(releases);
    List<Step<M>> steps = new ArrayList<>();
    List<ProtocolVersion> starts = new ArrayList<>(List.of(baseline));
    for (Release<M> release : releases) {
      for (VersionChange<M> change : release.changes()) {
        steps.add(new Step<>(release.version(), change, change.feature().orElse(null)));
      }
      if (!release.changes().isEmpty()) {
        starts.add(release.version());
      }
    }
    this.steps = List.copyOf(steps);
    List<VersionClass> classes = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      classes.add(new VersionClass(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : null));
    }
    this.classes = List.copyOf(classes);
  }

  /**
   * Starts a chain at its oldest release: the oldest version it can serve.
   *
   * @param baseline the oldest release, e.g. {@code 1.0.0}
   * @param description what the baseline release gives clients (Markdown), for the changelog
   * @throws dev.protoshift.versioning.InvalidVersionException if {@code baseline} is not a version
   * @throws IllegalArgumentException if {@code baseline} is a pre-release
   */
  public static <M> Builder<M> startingAt(String baseline, String description) {
    return new Builder<>(parseRelease(baseline), Objects.requireNonNull(description, "description"));
  }

  /** The oldest release the chain serves. */
  public ProtocolVersion baseline() {
    return baseline;
  }

  /** What the baseline release gives clients (Markdown). */
  public String baselineDescription() {
    return baselineDescription;
  }

  /** The newest release declared in the chain. */
  public ProtocolVersion latest() {
    return releases.isEmpty() ? baseline : releases.get(releases.size() - 1).version();
  }

  /** Every release after the baseline, oldest first, with the changes each introduced. */
  public List<Release<M>> releases() {
    return releases;
  }

  /** The version classes, oldest first; the first starts at the baseline. */
  public List<VersionClass> classes() {
    return classes;
  }

  /** Every optional feature the chain knows, in the order their changes were declared. */
  public Set<String> features() {
    Set<String> features = new LinkedHashSet<>();
    steps.forEach(s -> {
      if (s.feature() != null) {
        features.add(s.feature());
      }
    });
    return features;
  }

  /**
   * The optional features for versioning's {@code Negotiator}, each with the release that
   * introduced it: {@code Negotiator.builder(chain.supportedVersions()).features(chain.protocolFeatures())}.
   * The chain is the one place features are declared.
   */
  public ProtocolFeatures protocolFeatures() {
    ProtocolFeatures.Builder features = ProtocolFeatures.builder();
    for (Step<M> step : steps) {
      if (step.feature() != null) {
        features.add(step.feature(), step.version());
      }
    }
    return features.build();
  }

  /**
   * The versions a server on this chain speaks: from the {@link #baseline()} to the {@link
   * #latest()} release, for versioning's {@code Negotiator}.
   */
  public SupportedVersions supportedVersions() {
    return SupportedVersions.between(baseline, latest());
  }

  /**
   * The view of a negotiated connection: its agreed version and features. A legacy connection
   * that declared no version (handshake {@code NONE}) gets the {@link #baselineView()}.
   *
   * @throws IllegalArgumentException if the agreed version is older than the {@link #baseline()}
   */
  public View viewFor(Agreement agreement) {
    Objects.requireNonNull(agreement, "agreement");
    return view(agreement.version().orElse(null),
        agreement.handshake() == Handshake.NONE ? null : agreement.features());
  }

  /**
   * The cohort of a negotiated connection: the protocol the rollout decided and its {@link
   * #viewFor view}.
   *
   * @throws IllegalArgumentException if the agreed version is older than the {@link #baseline()}
   */
  public Cohort cohortFor(Agreement agreement) {
    return new Cohort(agreement.protocol(), viewFor(agreement));
  }

  /**
   * Like {@link #cohortFor(Agreement)} with another protocol, e.g. JSON for a connection
   * downgraded after decode errors.
   */
  public Cohort cohortFor(Agreement agreement, Protocol protocol) {
    return new Cohort(protocol, viewFor(agreement));
  }

  /**
   * The version class of a client on {@code version}. A version newer than every release gets the
   * newest class: the server cannot send anything newer.
   *
   * @throws IllegalArgumentException if {@code version} is older than the {@link #baseline()}
   */
  public VersionClass classOf(ProtocolVersion version) {
    Objects.requireNonNull(version, "version");
    if (version.isOlderThan(baseline)) {
      throw new IllegalArgumentException("client version " + version + " is older than " + baseline
          + ", the oldest version this chain serves");
    }
    for (int i = classes.size() - 1; i >= 0; i--) {
      if (classes.get(i).contains(version)) {
        return classes.get(i);
      }
    }
    throw new IllegalStateException("no version class contains " + version + ": " + classes);
  }

  /**
   * The view of a client: its version class and the optional features it negotiated that exist
   * in that class. Feature names the chain does not know are ignored.
   *
   * @param version the client's protocol version; {@code null} for a client that declared none,
   *     which gets the {@link #baseline()} view
   * @param features the features the client negotiated; {@code null} if it negotiated none
   *     explicitly, which means every feature of its class
   * @throws IllegalArgumentException if {@code version} is older than the {@link #baseline()}
   */
  public View view(ProtocolVersion version, Collection<String> features) {
    VersionClass versionClass = version == null ? classes.get(0) : classOf(version);
    Set<String> available = new TreeSet<>();
    for (Step<M> step : steps) {
      if (step.feature() != null && !step.version().isNewerThan(versionClass.since())) {
        available.add(step.feature());
      }
    }
    if (features != null) {
      available.retainAll(Set.copyOf(features));
    }
    return View.of(versionClass, available);
  }

  /** The newest view, with every feature. */
  public View latestView() {
    return view(latest(), null);
  }

  /** The view of clients on the baseline version (and JSON clients that declared no version). */
  public View baselineView() {
    return view(null, null);
  }

  /**
   * The changes converting for {@code view} applies, oldest first.
   *
   * @throws IllegalArgumentException if the view's version class is not one of this chain's
   */
  public List<VersionChange<M>> changesFor(View view) {
    requireOwn(view);
    List<VersionChange<M>> applied = new ArrayList<>();
    for (Step<M> step : steps) {
      if (applies(step, view)) {
        applied.add(step.change());
      }
    }
    return applied;
  }

  /**
   * Converts a message of the newest representation into what clients with {@code view}
   * expect, applying changes newest first.
   *
   * @throws IllegalArgumentException if the view is not one of this chain's, or a change cannot
   *     express the message for that view
   */
  public M downgrade(M message, View view) {
    requireOwn(view);
    M current = message;
    for (int i = steps.size() - 1; i >= 0; i--) {
      Step<M> step = steps.get(i);
      if (applies(step, view)) {
        current = step.change().downgrade(current);
      }
    }
    return current;
  }

  /**
   * Converts a message from a client with {@code view} into the newest representation,
   * applying changes oldest first.
   *
   * @throws DecodeException if a change finds a value it cannot convert
   * @throws IllegalArgumentException if the view is not one of this chain's
   */
  public M upgrade(M message, View view) throws DecodeException {
    requireOwn(view);
    M current = message;
    for (Step<M> step : steps) {
      if (applies(step, view)) {
        current = step.change().upgrade(current);
      }
    }
    return current;
  }

  /**
   * Checks the chain against its release history, for a test to hold it to ({@code
   * assertThat(chain.checkHistory()).isEmpty()}). For every released version the chain serves,
   * sample messages of the root type (every non-deprecated field set, every oneof case in turn,
   * newest enum values; seeded, so reproducible) are downgraded to that release's view with every
   * feature, and:
   *
   * <ul>
   *   <li>encoded and parsed with the release's frozen descriptor, as its clients do, nothing may
   *       be unknown to it: a field or enum value it does not have means a version change set it
   *       after the derived strip, or the current schema added it without a newer release declared;
   *   <li>every field the release has that the current schema deprecated since must not be empty:
   *       its clients still read it, so a version change of the release that deprecated it must fill
   *       it (e.g. {@code body_json} from {@code body}).
   * </ul>
   *
   * <p>Samples a change refuses ({@link IllegalArgumentException}, e.g. a root oneof case the
   * release lacks) are skipped; if every sample is refused the release is reported as not checked.
   *
   * @return the problems, each naming the release and the element, oldest release first; empty if none
   * @throws IllegalStateException if the chain was built without a {@linkplain Builder#history history}
   */
  @SuppressWarnings("unchecked")
  public List<HistoryProblem> checkHistory() {
    if (history == null) {
      throw new IllegalStateException("checkHistory needs the schema's release history: build the chain with"
          + " .history(ReleaseHistory.load(\"<schema>\"), <Root>.getDefaultInstance())");
    }
    return history.check(version -> {
      View view = view(version, null);
      return builder -> (Message.Builder) downgrade((M) builder, view);
    });
  }

  private static boolean applies(Step<?> step, View view) {
    return step.version().isNewerThan(view.versionClass().since())
        || (step.feature() != null && !view.has(step.feature()));
  }

  private void requireOwn(View view) {
    Objects.requireNonNull(view, "view");
    if (!classes.contains(view.versionClass())) {
      throw new IllegalArgumentException("view " + view + " is not one of this chain's classes " + classes);
    }
  }

  private static ProtocolVersion parseRelease(String version) {
    ProtocolVersion parsed = ProtocolVersion.parse(version);
    if (parsed.isPreRelease()) {
      throw new IllegalArgumentException("a chain's releases must be releases, was " + version);
    }
    return parsed;
  }

  /** Builds a chain, release by release, oldest first. */
  public static final class Builder<M> {
    private final ProtocolVersion baseline;
    private final String description;
    private final List<Release<M>> releases = new ArrayList<>();
    private ReleaseHistory history;
    private Message prototype;

    private Builder(ProtocolVersion baseline, String description) {
      this.baseline = baseline;
      this.description = description;
    }

    /**
     * Declares the next release and the changes it introduced, in the order they apply on the
     * way in (none: a release clients see no change in, kept for the changelog).
     *
     * @throws IllegalArgumentException if the version is not newer than the previous release, is
     *     a pre-release, two changes add the same feature, or a feature name is not one the
     *     negotiator accepts ({@code ProtocolFeatures.NAME})
     */
    @SafeVarargs
    public final Builder<M> release(String version, VersionChange<M>... changes) {
      ProtocolVersion parsed = parseRelease(version);
      ProtocolVersion previous = releases.isEmpty() ? baseline : releases.get(releases.size() - 1).version();
      if (!parsed.isNewerThan(previous)) {
        throw new IllegalArgumentException("releases must be declared oldest first: " + version
            + " is not newer than " + previous);
      }
      Set<String> features = new LinkedHashSet<>();
      releases.forEach(r -> r.changes().forEach(c -> c.feature().ifPresent(features::add)));
      List<VersionChange<M>> list = new ArrayList<>(changes.length);
      for (VersionChange<M> change : changes) {
        list.add(Objects.requireNonNull(change, "change"));
        change.feature().ifPresent(f -> ProtocolFeatures.builder().add(f, parsed)); // the negotiator's name rule
        if (change.feature().isPresent() && !features.add(change.feature().get())) {
          throw new IllegalArgumentException("feature \"" + change.feature().get() + "\" is added twice");
        }
      }
      releases.add(new Release<>(parsed, list));
      return this;
    }

    /**
     * Derives downgrades from the schema's frozen releases: for each declared release R, the chain
     * adds a step that strips from a message what R added since the release before it (fields,
     * enum values, oneof cases, anywhere under the root), so version changes are needed only for
     * meaning. On the way down R's declared changes run first (they may read what R added), then
     * the strip; on the way up it does nothing. A release that added something starts a version
     * class, as one with changes does.
     *
     * <p>The chain then works on builders of {@code prototype}'s type: {@code M} must be that
     * builder type (e.g. {@code Frame.Builder} with {@code Frame.getDefaultInstance()}, or {@code
     * DynamicMessage.Builder} with a {@code DynamicMessage} prototype), and every message passed to
     * {@link VersionChain#downgrade} a builder of exactly that descriptor.
     *
     * <p>Elements are matched as the compatibility rules pair them: messages and enums by full name,
     * fields and enum values by number; a field whose message or enum type a release lacks is
     * absent from it. A singular enum field holding a value the older release lacks is cleared to
     * its default; such values are removed from repeated fields and their entries from maps. A set
     * oneof case of the root itself that the release lacks cannot be expressed for its clients:
     * {@link VersionChain#downgrade} throws {@link IllegalArgumentException} naming the case and
     * the release. Unknown fields and extensions are left alone.
     *
     * <p>{@link #build()} checks that the chain covers the history: every released version not
     * older than the baseline must be the baseline or a declared release, and only the newest
     * declared release (the current schema) may be unreleased.
     *
     * @param history the schema's frozen releases, e.g. {@code ReleaseHistory.load("arena")}
     * @param prototype the default instance of the chain's root message, current schema
     * @throws NullPointerException if an argument is null
     */
    public Builder<M> history(ReleaseHistory history, Message prototype) {
      this.history = Objects.requireNonNull(history, "history");
      this.prototype = Objects.requireNonNull(prototype, "prototype");
      return this;
    }

    /**
     * The chain.
     *
     * @throws IllegalArgumentException with a {@linkplain #history history}: naming the version and
     *     the released and declared versions if a release of the history is not declared or a
     *     declared release other than the newest was never released; if a release lacks the root
     *     message or its descriptor set does not link
     */
    public VersionChain<M> build() {
      if (history == null) {
        return new VersionChain<>(baseline, description, releases, null);
      }
      List<ProtocolVersion> declared = new ArrayList<>(List.of(baseline));
      releases.forEach(r -> declared.add(r.version()));
      ChainHistory chainHistory = ChainHistory.of(history, prototype, declared);
      List<Release<M>> derived = new ArrayList<>();
      for (int i = 0; i < releases.size(); i++) {
        Optional<VersionChange<M>> strip = chainHistory.strip(i + 1);
        List<VersionChange<M>> changes = new ArrayList<>();
        strip.ifPresent(changes::add);
        changes.addAll(releases.get(i).changes());
        derived.add(new Release<>(releases.get(i).version(), changes));
      }
      return new VersionChain<>(baseline, description, derived, chainHistory);
    }
  }
}
