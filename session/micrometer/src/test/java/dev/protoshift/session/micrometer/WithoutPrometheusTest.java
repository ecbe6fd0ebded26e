package dev.protoshift.session.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus registry is an optional dependency: a user on another Micrometer registry has
 * no {@code micrometer-registry-prometheus} on its class path, and the binding must still work
 * (it threw {@code NoClassDefFoundError} at the registry check). Runs the binding in a class
 * loader without the Prometheus jars.
 */
class WithoutPrometheusTest {

  @Test
  void onAnotherRegistry_worksWithoutThePrometheusJars() throws Exception {
    URL[] urls = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> !Path.of(p).getFileName().toString().startsWith("micrometer-registry-prometheus")
            && !Path.of(p).getFileName().toString().startsWith("prometheus-metrics"))
        .map(p -> {
          try {
            return Path.of(p).toUri().toURL();
          } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
          }
        })
        .toArray(URL[]::new);
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> loader.loadClass("io.micrometer.prometheusmetrics.PrometheusMeterRegistry"))
          .as("the loader really lacks Prometheus").isInstanceOf(ClassNotFoundException.class);
      Class<?> registryType = loader.loadClass("io.micrometer.core.instrument.MeterRegistry");
      Object simple = loader.loadClass("io.micrometer.core.instrument.simple.SimpleMeterRegistry")
          .getConstructor().newInstance();
      Class<?> metricsType = loader.loadClass(MicrometerSessionMetrics.class.getName());
      Object metrics = metricsType.getMethod("on", registryType).invoke(null, simple);

      Class<?> direction = loader.loadClass("dev.protoshift.session.SessionMetrics$Direction");
      metricsType.getMethod("messageSize", String.class, String.class, String.class, direction, int.class)
          .invoke(metrics, "protobuf", "1.1.0", "state_update", direction.getEnumConstants()[0], 120);
      metricsType.getMethod("connectionOpened").invoke(metrics);
      Object meters = registryType.getMethod("getMeters").invoke(simple);
      assertThat((java.util.List<?>) meters).isNotEmpty();

      Method scrape = metricsType.getMethod("scrape");
      assertThatThrownBy(() -> {
        try {
          scrape.invoke(metrics);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }).isInstanceOf(IllegalStateException.class).hasMessageContaining("not on a Prometheus registry");
    }
  }
}
