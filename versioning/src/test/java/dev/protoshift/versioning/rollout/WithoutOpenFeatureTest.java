package dev.protoshift.versioning.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenFeature is an optional dependency: a server that reads the rollout config from a file and
 * the environment runs with no OpenFeature jar on its classpath. Checked by loading versioning's
 * classes afresh in a class loader that has everything but {@code dev.openfeature}.
 */
class WithoutOpenFeatureTest {

  @TempDir
  Path dir;

  /** Runs inside the isolated class loader: a whole config life without OpenFeature. */
  public static final class Scenario implements Callable<String> {
    @Override
    public String call() throws Exception {
      Path file = Files.createTempFile("rollout", ".yaml");
      try {
        Files.writeString(file, "protobuf:\n  enabled: true\n  rollout_percentage: 30\n");
        try (RolloutConfigHolder holder = RolloutConfigHolder.builder().watchFile(file)
            .environment(Map.of("PROTOBUF_ROLLOUT_PERCENTAGE", "40")).build()) {
          holder.mergeAdminOverrides(RolloutOverrides.builder().enabled(false).build());
          holder.reloadFile();
          holder.refreshOpenFeature();
          return holder.current().enabled() + " " + holder.current().rolloutBasisPoints();
        }
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }

  /** Loads dev.protoshift classes itself (child first), refuses dev.openfeature, delegates the rest. */
  static final class WithoutOpenFeature extends URLClassLoader {
    WithoutOpenFeature(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (name.startsWith("dev.openfeature.")) {
          throw new ClassNotFoundException(name + " (OpenFeature is absent in this test)");
        }
        if (name.startsWith("dev.protoshift.")) {
          Class<?> c = findLoadedClass(name);
          if (c == null) {
            c = findClass(name);
          }
          return c;
        }
        return super.loadClass(name, resolve);
      }
    }
  }

  private static URL[] versioningClasses() throws IOException {
    Path main = Path.of(System.getProperty("basedir", ".")).resolve("target/classes");
    Path test = Path.of(System.getProperty("basedir", ".")).resolve("target/test-classes");
    return new URL[] {main.toUri().toURL(), test.toUri().toURL()};
  }

  @Test
  void fileEnvironmentAndAdmin_workWithoutOpenFeatureOnTheClasspath() throws Exception {
    try (WithoutOpenFeature loader = new WithoutOpenFeature(versioningClasses(), getClass().getClassLoader())) {
      assertThatThrownBy(() -> loader.loadClass("dev.openfeature.sdk.Client")).isInstanceOf(ClassNotFoundException.class);
      @SuppressWarnings("unchecked")
      Callable<String> scenario = (Callable<String>) loader.loadClass(Scenario.class.getName())
          .getDeclaredConstructor().newInstance();

      assertThat(scenario.call()).isEqualTo("false 4000");
    }
  }
}
