package dev.protoshift.session;

import dev.protoshift.convert.Cohort;
import dev.protoshift.versioning.Agreement;
import dev.protoshift.versioning.DecisionReason;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.RolloutDecision;
import java.util.Objects;
import java.util.Optional;

/**
 * A session's protocol state: the agreement in force, the cohort it gives, the gauge the session
 * counts in, and the changes that move it. Not thread-safe: the session guards it with its lock.
 */
final class SessionState {

  /** Something that changes what a session is served. */
  sealed interface Change {
    /** The same hello_ack again, after everything queued before it. */
    Change REPEAT_ACK = new Fixed("repeat_ack");
    /** The rollout decision again, under the config in force. */
    Change REDECIDE = new Fixed("redecide");
    /** JSON for good: the session's protobuf frames kept failing to decode. */
    Change DOWNGRADE = new Fixed("downgrade");

    /** A hello agreed on {@code agreement}: install it and acknowledge. */
    static Change hello(Agreement agreement) {
      return new Hello(agreement);
    }
  }

  private record Fixed(String name) implements Change {}

  private record Hello(Agreement agreement) implements Change {
    Hello {
      Objects.requireNonNull(agreement, "agreement");
    }
  }

  private static final String NO_VERSION = "none";

  private final Sessions<?> owner;
  private final ConnectionIds ids;
  private Agreement agreement;
  private Cohort cohort;
  private String gaugeProtocol;
  private String gaugeVersion;
  private long lastTick;

  SessionState(Sessions<?> owner, ConnectionIds ids, Agreement agreement) {
    this.owner = owner;
    this.ids = ids;
    this.agreement = agreement;
    this.cohort = cohortOf(agreement);
  }

  Agreement agreement() {
    return agreement;
  }

  Cohort cohort() {
    return cohort;
  }

  /** The reason for the protocol in force, or {@code rejected}. */
  String reason() {
    return agreement == null ? "rejected" : agreement.decision().reason().code();
  }

  /** The version tag of metrics: the version class served (e.g. {@code 1.0.0}), {@code none} if refused. */
  String versionTag() {
    return agreement == null ? NO_VERSION : cohort.view().versionClass().label();
  }

  /** The tick a change applied outside a room takes effect from: the one after the last state sent. */
  long nextTick() {
    return lastTick + 1;
  }

  void sentTick(long tick) {
    lastTick = Math.max(lastTick, tick);
  }

  /**
   * Applies {@code change} before the state of {@code tick}.
   *
   * @return the control message to queue, if any
   */
  Optional<String> apply(Change change, long tick) {
    if (agreement == null) {
      return Optional.empty();
    }
    if (change instanceof Hello hello) {
      install(hello.agreement(), "hello");
      return Optional.of(agreement.helloAck());
    }
    if (change == Change.REPEAT_ACK) {
      return Optional.of(agreement.helloAck());
    }
    if (agreement.decision().reason() == DecisionReason.DECODE_ERRORS) {
      return Optional.empty(); // sticky for the connection's life
    }
    RolloutDecision decision = change == Change.DOWNGRADE
        ? RolloutDecision.of(DecisionReason.DECODE_ERRORS)
        : owner.decide(ids, agreement.client());
    if (decision.equals(agreement.decision())) {
      return Optional.empty();
    }
    owner.metrics().decision(decision.protocol().code(), decision.reason().code());
    Protocol before = cohort.protocol();
    install(agreement.withDecision(decision), decision.reason().code());
    if (before == cohort.protocol()) {
      return Optional.empty(); // a new reason for the same protocol: nothing changes on the wire
    }
    return Optional.of(new ProtocolSwitch(cohort.protocol(), agreement.version(), decision.reason().code(), tick)
        .toJson());
  }

  private void install(Agreement next, String reason) {
    Protocol before = cohort.protocol();
    agreement = next;
    cohort = cohortOf(next);
    if (before != cohort.protocol()) {
      owner.metrics().switched(before.code(), cohort.protocol().code(), reason);
    }
    if (gaugeProtocol != null && !(gaugeProtocol.equals(cohort.protocol().code()) && gaugeVersion.equals(versionTag()))) {
      leaveGauge();
      enterGauge();
    }
  }

  void enterGauge() {
    if (gaugeProtocol == null) {
      gaugeProtocol = cohort.protocol().code();
      gaugeVersion = versionTag();
      owner.metrics().connectionEntered(gaugeProtocol, gaugeVersion);
    }
  }

  void leaveGauge() {
    if (gaugeProtocol != null) {
      owner.metrics().connectionLeft(gaugeProtocol, gaugeVersion);
      gaugeProtocol = null;
      gaugeVersion = null;
    }
  }

  private Cohort cohortOf(Agreement a) {
    return a == null ? owner.refusedCohort() : owner.chain().cohortFor(a);
  }
}
