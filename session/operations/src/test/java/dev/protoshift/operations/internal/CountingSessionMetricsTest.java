package dev.protoshift.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.session.SessionMetrics;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountingSessionMetricsTest {

  @Test
  void everySessionMetricsMethod_isPassedOn() {
    List<String> notOverridden = new ArrayList<>();
    for (Method m : SessionMetrics.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      try {
        Method own = CountingSessionMetrics.class.getMethod(m.getName(), m.getParameterTypes());
        if (own.getDeclaringClass().isInterface()) { // the interface's no-op default, not a forward
          notOverridden.add(m.getName());
        }
      } catch (NoSuchMethodException e) {
        notOverridden.add(m.getName());
      }
    }
    assertThat(notOverridden).as("a default method left as a no-op would drop the delegate's metric").isEmpty();
  }

  @Test
  void decodesErrorsAndDecodeErrorSwitches_areCountedPerProtocol_andPassedOn() {
    List<String> seen = new ArrayList<>();
    SessionMetrics delegate = new SessionMetrics() {
      @Override
      public void decodeError(String protocol, String version, String reason) {
        seen.add("error " + protocol);
      }

      @Override
      public void switched(String from, String to, String reason) {
        seen.add("switch " + reason);
      }
    };
    ProtocolEvents events = new ProtocolEvents();
    CountingSessionMetrics m = new CountingSessionMetrics(delegate, events);

    m.decoded("protobuf", "1.1.0", "player_input", 10);
    m.decoded("json", "1.1.0", "player_input", 10);
    m.decodeError("protobuf", "1.1.0", "bad_frame");
    m.switched("protobuf", "json", "decode_errors");
    m.switched("protobuf", "json", "kill_switch");
    m.decoded("carrier-pigeon", "1.1.0", "player_input", 10);

    assertThat(events.totals("protobuf")).containsExactly(1, 1, 1, 0);
    assertThat(events.totals("json")).containsExactly(1, 0, 0, 0);
    assertThat(seen).containsExactly("error protobuf", "switch decode_errors", "switch kill_switch");
  }

  @Test
  void abnormalCloses_areDropsErrorsAndLimits_notNormalClosesOrDrains() {
    assertThat(List.of(1002, 1003, 1006, 1007, 1009, 1011, 4003, 4004)).allMatch(ProtocolEvents::isAbnormalClose);
    assertThat(List.of(1000, 1001, 1012, 1013, 4000, 4001, 4002)).noneMatch(ProtocolEvents::isAbnormalClose);
  }
}
