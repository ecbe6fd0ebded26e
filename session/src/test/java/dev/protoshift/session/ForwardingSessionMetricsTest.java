package dev.protoshift.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardingSessionMetricsTest {

  @Test
  void everyMethodOfSessionMetrics_reachesTheDelegate_withItsArguments() throws Exception {
    List<String> received = new ArrayList<>();
    SessionMetrics recorder = (SessionMetrics) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {SessionMetrics.class}, (proxy, method, args) -> {
          received.add(method.getName() + Arrays.toString(args == null ? new Object[0] : args));
          return null;
        });
    SessionMetrics forwarding = new ForwardingSessionMetrics(recorder) {};

    List<String> expected = new ArrayList<>();
    for (Method m : SessionMetrics.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      Object[] args = Arrays.stream(m.getParameterTypes()).map(ForwardingSessionMetricsTest::sample).toArray();
      m.invoke(forwarding, args);
      expected.add(m.getName() + Arrays.toString(args));
    }

    assertThat(expected).hasSizeGreaterThanOrEqualTo(14);
    assertThat(received).containsExactlyElementsOf(expected);
  }

  private static Object sample(Class<?> type) {
    if (type == String.class) {
      return "s";
    }
    if (type == int.class) {
      return 7;
    }
    if (type == long.class) {
      return 9L;
    }
    if (type == SessionMetrics.Direction.class) {
      return SessionMetrics.Direction.IN;
    }
    throw new IllegalArgumentException("no sample for " + type);
  }
}
