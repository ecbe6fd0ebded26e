package dev.protoshift.operations.internal;

import dev.protoshift.session.ForwardingSessionMetrics;
import dev.protoshift.session.SessionMetrics;
import dev.protoshift.versioning.DecisionReason;

/**
 * A {@link SessionMetrics} that passes every call on to another one and, on the way, counts the
 * events of {@link ProtocolEvents}: decoded messages and decode errors per protocol, and
 * protobuf connections switched to JSON by their decode errors. Thread-safe if the delegate is.
 */
public final class CountingSessionMetrics extends ForwardingSessionMetrics {

  private final ProtocolEvents events;

  public CountingSessionMetrics(SessionMetrics metrics, ProtocolEvents events) {
    super(metrics);
    this.events = events;
  }

  @Override
  public void decoded(String protocol, String version, String type, long nanos) {
    super.decoded(protocol, version, type, nanos);
    events.count(protocol, ProtocolEvents.Event.DECODED);
  }

  @Override
  public void decodeError(String protocol, String version, String reason) {
    super.decodeError(protocol, version, reason);
    events.count(protocol, ProtocolEvents.Event.DECODE_ERROR);
  }

  @Override
  public void switched(String from, String to, String reason) {
    super.switched(from, to, reason);
    if (DecisionReason.DECODE_ERRORS.code().equals(reason)) {
      events.count(from, ProtocolEvents.Event.SWITCH_BACK);
    }
  }
}
