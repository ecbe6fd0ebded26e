package dev.protoshift.server;

import dev.protoshift.session.SessionMetrics;
import java.lang.System.Logger.Level;

/**
 * {@code LOG_PROTO_MESSAGES=1}: every message encoded for a cohort and every message received,
 * one INFO line each on the logger {@code dev.protoshift.server.messages} (protocol, version
 * class, type, size, time), on top of the metrics. For debugging a rollout on one server; costly.
 */
final class ProtoMessageLog implements SessionMetrics {

  static final System.Logger MESSAGES = System.getLogger("dev.protoshift.server.messages");

  private final SessionMetrics metrics;

  ProtoMessageLog(SessionMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void messageSize(String protocol, String version, String type, Direction direction, int bytes) {
    metrics.messageSize(protocol, version, type, direction, bytes);
    if (direction == Direction.IN) {
      MESSAGES.log(Level.INFO, "[PROTO] received " + type + " protocol=" + protocol + " version=" + version
          + " size=" + bytes);
    }
  }

  @Override
  public void encoded(String protocol, String version, String type, long nanos) {
    metrics.encoded(protocol, version, type, nanos);
    MESSAGES.log(Level.INFO, "[PROTO] encoded " + type + " protocol=" + protocol + " version=" + version
        + " encode_us=" + nanos / 1_000);
  }

  @Override
  public void decoded(String protocol, String version, String type, long nanos) {
    metrics.decoded(protocol, version, type, nanos);
    MESSAGES.log(Level.INFO, "[PROTO] decoded " + type + " protocol=" + protocol + " version=" + version
        + " decode_us=" + nanos / 1_000);
  }

  @Override
  public void decodeError(String protocol, String version, String reason) {
    metrics.decodeError(protocol, version, reason);
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
