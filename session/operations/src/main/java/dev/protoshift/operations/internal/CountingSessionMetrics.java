package dev.protoshift.operations.internal;

import dev.protoshift.session.SessionMetrics;
import dev.protoshift.versioning.DecisionReason;

/**
 * A {@link SessionMetrics} that passes every call on to another one and, on the way, counts the
 * events of {@link ProtocolEvents}: decoded messages and decode errors per protocol, and
 * protobuf connections switched to JSON by their decode errors. Thread-safe if the delegate is.
 */
public final class CountingSessionMetrics implements SessionMetrics {

  private final SessionMetrics metrics;
  private final ProtocolEvents events;

  public CountingSessionMetrics(SessionMetrics metrics, ProtocolEvents events) {
    this.metrics = metrics;
    this.events = events;
  }

  @Override
  public void messageSize(String protocol, String version, String type, Direction direction, int bytes) {
    metrics.messageSize(protocol, version, type, direction, bytes);
  }

  @Override
  public void encoded(String protocol, String version, String type, long nanos) {
    metrics.encoded(protocol, version, type, nanos);
  }

  @Override
  public void decoded(String protocol, String version, String type, long nanos) {
    metrics.decoded(protocol, version, type, nanos);
    events.count(protocol, ProtocolEvents.Event.DECODED);
  }

  @Override
  public void decodeError(String protocol, String version, String reason) {
    metrics.decodeError(protocol, version, reason);
    events.count(protocol, ProtocolEvents.Event.DECODE_ERROR);
  }

  @Override
  public void connectionEntered(String protocol, String version) {
    metrics.connectionEntered(protocol, version);
  }

  @Override
  public void connectionLeft(String protocol, String version) {
    metrics.connectionLeft(protocol, version);
  }

  @Override
  public void connectionOpened() {
    metrics.connectionOpened();
  }

  @Override
  public void connectionClosed(int code) {
    metrics.connectionClosed(code);
  }

  @Override
  public void decision(String protocol, String reason) {
    metrics.decision(protocol, reason);
  }

  @Override
  public void switched(String from, String to, String reason) {
    metrics.switched(from, to, reason);
    if (DecisionReason.DECODE_ERRORS.code().equals(reason)) {
      events.count(from, ProtocolEvents.Event.SWITCH_BACK);
    }
  }

  @Override
  public void updateDropped(String protocol, String version) {
    metrics.updateDropped(protocol, version);
  }

  @Override
  public void inboundDropped(String reason) {
    metrics.inboundDropped(reason);
  }

  @Override
  public void shadowMismatch(String protocol, String version) {
    metrics.shadowMismatch(protocol, version);
  }

  @Override
  public void shadowChecked(String protocol, String version) {
    metrics.shadowChecked(protocol, version);
  }
}
