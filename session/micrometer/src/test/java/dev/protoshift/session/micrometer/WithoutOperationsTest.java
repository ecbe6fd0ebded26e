package dev.protoshift.session.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * protoshift-operations is an optional dependency of this binding: a server that records only its
 * sessions' metrics does not have it, and {@link MicrometerSessionMetrics} must work without it.
 * Runs the binding in a class loader without the operations' classes.
 */
class WithoutOperationsTest {

  static boolean isOperations(String entry) {
    String normal = entry.replace(File.separatorChar, '/');
    return normal.contains("/session/operations/target/") || Path.of(entry).getFileName().toString()
        .startsWith("protoshift-operations");
  }

  @Test
  void sessionMetrics_workWithoutTheOperationsOnTheClassPath() throws Exception {
    String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
    assertThat(entries).as("the test's class path has the operations").anyMatch(WithoutOperationsTest::isOperations);
    URL[] urls = Arrays.stream(entries).filter(e -> !isOperations(e)).map(e -> {
      try {
        return Path.of(e).toUri().toURL();
      } catch (MalformedURLException x) {
        throw new IllegalStateException(x);
      }
    }).toArray(URL[]::new);
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> loader.loadClass("dev.protoshift.operations.ConnectionWindows"))
          .as("the loader really lacks the operations").isInstanceOf(ClassNotFoundException.class);
      Class<?> registryType = loader.loadClass("io.micrometer.core.instrument.MeterRegistry");
      Object simple = loader.loadClass("io.micrometer.core.instrument.simple.SimpleMeterRegistry")
          .getConstructor().newInstance();
      Class<?> metricsType = loader.loadClass(MicrometerSessionMetrics.class.getName());
      Object metrics = metricsType.getMethod("on", registryType).invoke(null, simple);

      metricsType.getMethod("connectionOpened").invoke(metrics);
      metricsType.getMethod("decision", String.class, String.class).invoke(metrics, "protobuf", "in_rollout");
      assertThat((List<?>) registryType.getMethod("getMeters").invoke(simple)).isNotEmpty();
    }
  }
}
