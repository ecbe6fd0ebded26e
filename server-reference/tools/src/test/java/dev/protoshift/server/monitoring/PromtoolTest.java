package dev.protoshift.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs Prometheus's {@code promtool} on the rules, their unit tests and the example config, as the
 * docs tell an operator to. Without promtool on the PATH the tests are skipped, unless
 * {@code PROTOSHIFT_REQUIRE_PROMTOOL=1} (CI sets it), which makes a missing promtool a failure.
 */
class PromtoolTest {

  static final String REQUIRE = "PROTOSHIFT_REQUIRE_PROMTOOL";

  record Run(int exit, String output) {}

  private static Boolean present;

  /** Skips each test (with the reason in the report) without promtool, or fails it when it is required. */
  @BeforeEach
  void needsPromtool() {
    if (present == null) {
      try {
        present = run("promtool", "--version").exit() == 0;
      } catch (IOException e) {
        present = false;
      }
    }
    if (!present && "1".equals(System.getenv(REQUIRE))) {
      fail("promtool is not on the PATH but " + REQUIRE + "=1: install it (apt-get install prometheus)");
    }
    assumeTrue(present, "promtool is not on the PATH: skipping the promtool checks of monitoring/prometheus"
        + " (apt-get install prometheus; set " + REQUIRE + "=1 to make this a failure)");
  }

  static Run run(String... command) throws IOException {
    Process p = new ProcessBuilder(command).directory(MonitoringAssets.REPO.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // until it closes
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " closed its output but did not exit in 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return new Run(p.exitValue(), output);
  }

  @Test
  void checkRules_rulesFile_isValid_withEveryRuleFound() throws IOException {
    Run r = run("promtool", "check", "rules", "monitoring/prometheus/protoshift-rules.yml");
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCESS: " + MonitoringAssets.rules().size() + " rules found");
  }

  @Test
  void testRules_everyTestFile_passes() throws IOException {
    List<String> command = new ArrayList<>(List.of("promtool", "test", "rules"));
    try (Stream<Path> files = Files.list(MonitoringAssets.RULE_TESTS)) {
      files.filter(f -> f.toString().endsWith(".yml")).sorted()
          .forEach(f -> command.add(MonitoringAssets.REPO.relativize(f).toString()));
    }
    assertThat(command).hasSizeGreaterThan(5);
    Run r = run(command.toArray(String[]::new));
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).doesNotContain("FAILED");
  }

  @Test
  void checkConfig_exampleConfig_isValid() throws IOException {
    Run r = run("promtool", "check", "config", "--syntax-only", "monitoring/prometheus/prometheus.yml");
    assertThat(r.exit()).as(r.output()).isZero();
  }
}
