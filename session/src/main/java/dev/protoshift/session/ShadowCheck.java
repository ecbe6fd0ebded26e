package dev.protoshift.session;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.StateEncoder;
import dev.protoshift.convert.CohortFrame;
import dev.protoshift.proto.ReleaseHistory;
import dev.protoshift.session.internal.UnknownFields;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shadow verification (the seed's "zero data loss or corruption during rollout"): on a sample of
 * ticks, what a cohort was actually sent is checked against what its view must contain, and a
 * difference is counted ({@link SessionMetrics#shadowMismatch}) and logged with the tick; nothing
 * is ever thrown at a client.
 *
 * <p>For one member of the cohort, the frame it was sent (spliced, cached, encoded once for the
 * cohort) is compared with a fresh per-connection encoding of its own message (the chain's
 * conversion for its view, {@link StateEncoder#encodeForRecipient}). With the schema's {@link
 * ReleaseHistory}, a protobuf frame is also decoded with the frozen schema of the view's release,
 * as that client decodes it: it must have no field the release does not know, and must decode to
 * the same message. Off unless configured; a sampled check costs one conversion and encoding.
 *
 * <p>Thread-safe.
 */
public final class ShadowCheck {

  private static final System.Logger LOG = System.getLogger(ShadowCheck.class.getName());

  private final int oneIn;
  private final ReleaseHistory history;
  private final String rootMessage;
  private final AtomicLong checks = new AtomicLong();
  private final AtomicLong mismatches = new AtomicLong();

  private ShadowCheck(int oneIn, ReleaseHistory history, String rootMessage) {
    this.oneIn = oneIn;
    this.history = history;
    this.rootMessage = rootMessage;
  }

  /**
   * Checks one cohort broadcast in {@code oneIn}, chosen at random (100: 1% of ticks per cohort).
   *
   * @throws IllegalArgumentException if {@code oneIn} is less than 1
   */
  public static ShadowCheck sampling(int oneIn) {
    if (oneIn < 1) {
      throw new IllegalArgumentException("shadow sampling must be 1 in at least 1, was 1 in " + oneIn);
    }
    return new ShadowCheck(oneIn, null, null);
  }

  /**
   * Also decodes protobuf frames with the frozen schema of each view's release.
   *
   * @param rootMessage the full name of the frames' message, e.g. {@code arena.v1.ArenaMessage}
   */
  public ShadowCheck withHistory(ReleaseHistory history, String rootMessage) {
    return new ShadowCheck(oneIn, Objects.requireNonNull(history, "history"), Objects.requireNonNull(rootMessage,
        "rootMessage"));
  }

  /** Checks run so far. */
  public long checks() {
    return checks.get();
  }

  /** Mismatches found so far. */
  public long mismatches() {
    return mismatches.get();
  }

  <S> void maybeCheck(long tick, S state, Cohort cohort, CohortFrame frame, String recipientId,
      StateEncoder<S> encoder, SessionMetrics metrics) {
    if (oneIn > 1 && ThreadLocalRandom.current().nextInt(oneIn) != 0) {
      return;
    }
    String protocol = cohort.protocol().code();
    String version = cohort.view().versionClass().label();
    Optional<String> problem;
    try {
      byte[] sent = frame.forRecipient(recipientId);
      byte[] expected = encoder.encodeForRecipient(state, cohort, recipientId);
      problem = compare(cohort, sent, expected);
    } catch (RuntimeException e) {
      problem = Optional.of("checking failed: " + e);
    }
    checks.incrementAndGet();
    metrics.shadowChecked(protocol, version);
    if (problem.isPresent()) {
      mismatches.incrementAndGet();
      metrics.shadowMismatch(protocol, version);
      LOG.log(Level.WARNING, "shadow check: tick " + tick + ", cohort " + cohort + ", recipient " + recipientId
          + ": " + problem.get());
    }
  }

  private Optional<String> compare(Cohort cohort, byte[] sent, byte[] expected) {
    Optional<Descriptor> release = cohort.protocol().isBinary() && history != null
        ? releaseMessage(cohort.view().versionClass().since().toString()) : Optional.empty();
    boolean sameBytes = Arrays.equals(sent, expected);
    if (release.isEmpty()) {
      return sameBytes ? Optional.empty()
          : Optional.of("sent " + sent.length + " bytes differ from the " + expected.length + " the view's conversion gives");
    }
    Optional<String> unknown;
    try {
      unknown = UnknownFields.find(release.get(), sent);
    } catch (InvalidProtocolBufferException e) {
      return Optional.of("the release's schema cannot decode the frame: " + e.getMessage());
    }
    if (unknown.isPresent()) {
      return Optional.of("a field release " + cohort.view().versionClass().since() + " does not know reached it: "
          + unknown.get());
    }
    if (sameBytes) {
      return Optional.empty(); // the usual case: no message built, no reflective comparison
    }
    DynamicMessage got;
    try {
      got = DynamicMessage.parseFrom(release.get(), sent);
    } catch (InvalidProtocolBufferException e) {
      return Optional.of("the release's schema cannot decode the frame: " + e.getMessage());
    }
    DynamicMessage want;
    try {
      want = DynamicMessage.parseFrom(release.get(), expected);
    } catch (InvalidProtocolBufferException e) {
      return Optional.of("the release's schema cannot decode the view's own conversion: " + e.getMessage());
    }
    return got.equals(want) ? Optional.empty()
        : Optional.of("decoded with release " + cohort.view().versionClass().since()
            + "'s schema, the frame differs from the view's conversion");
  }

  private Optional<Descriptor> releaseMessage(String version) {
    return history.isReleased(version) ? history.message(version, rootMessage) : Optional.empty();
  }
}
