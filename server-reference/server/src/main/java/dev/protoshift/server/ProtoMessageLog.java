package dev.protoshift.server;

import dev.protoshift.session.ForwardingSessionMetrics;
import dev.protoshift.session.SessionMetrics;
import java.lang.System.Logger.Level;

/**
 * {@code LOG_PROTO_MESSAGES=1}: every message encoded for a cohort and every message received,
 * one INFO line each on the logger {@code dev.protoshift.server.messages} (protocol, version
 * class, type, size, time), on top of the metrics. For debugging a rollout on one server; costly.
 */
final class ProtoMessageLog extends ForwardingSessionMetrics {

  static final System.Logger MESSAGES = System.getLogger("dev.protoshift.server.messages");

  ProtoMessageLog(SessionMetrics metrics) {
    super(metrics);
  }

  @Override
  public void messageSize(String protocol, String version, String type, Direction direction, int bytes) {
    super.messageSize(protocol, version, type, direction, bytes);
    if (direction == Direction.IN) {
      MESSAGES.log(Level.INFO, "[PROTO] received " + type + " protocol=" + protocol + " version=" + version
          + " size=" + bytes);
    }
  }

  @Override
  public void encoded(String protocol, String version, String type, long nanos) {
    super.encoded(protocol, version, type, nanos);
    MESSAGES.log(Level.INFO, "[PROTO] encoded " + type + " protocol=" + protocol + " version=" + version
        + " encode_us=" + nanos / 1_000);
  }

  @Override
  public void decoded(String protocol, String version, String type, long nanos) {
    super.decoded(protocol, version, type, nanos);
    MESSAGES.log(Level.INFO, "[PROTO] decoded " + type + " protocol=" + protocol + " version=" + version
        + " decode_us=" + nanos / 1_000);
  }
}
