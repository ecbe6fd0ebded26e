package dev.protoshift.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.session.SessionMetrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtoMessageLogTest {

  @Test
  void loggedCalls_andTheOthers_allReachTheMetrics() {
    List<String> seen = new ArrayList<>();
    SessionMetrics metrics = new SessionMetrics() {
      @Override
      public void encoded(String protocol, String version, String type, long nanos) {
        seen.add("encoded " + protocol + " " + type);
      }

      @Override
      public void messageSize(String protocol, String version, String type, Direction direction, int bytes) {
        seen.add("size " + direction.tag() + " " + bytes);
      }

      @Override
      public void connectionClosed(int code) {
        seen.add("closed " + code);
      }
    };
    SessionMetrics log = new ProtoMessageLog(metrics);

    log.encoded("protobuf", "1.1.0", "state", 12_000);
    log.messageSize("json", "1.0.0", "input", SessionMetrics.Direction.IN, 42);
    log.connectionClosed(4004);

    assertThat(seen).containsExactly("encoded protobuf state", "size in 42", "closed 4004");
  }
}
