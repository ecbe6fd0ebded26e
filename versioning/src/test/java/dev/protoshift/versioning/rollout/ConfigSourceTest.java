package dev.protoshift.versioning.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config sources as the docs describe them: docs/configuration.md's precedence table, and the
 * lists of what switches live connections in docs/protocol.md and docs/operations.md, which may
 * only name sources that are read after start (the environment is read once, at start).
 */
class ConfigSourceTest {

  @TempDir
  Path dir;

  @Test
  void docsPrecedenceTable_listsEverySourceInPrecedenceOrder() {
    List<String> documented = sources().stream().map(row -> DocsPages.code(row.get(1))).toList();

    assertThat(documented).containsExactlyElementsOf(Arrays.stream(ConfigSource.values()).map(ConfigSource::code).toList());
  }

  @Test
  void environment_isReadOnceAtStart_laterChangesAreNeverSeen() throws IOException {
    Map<String, String> env = new HashMap<>(Map.of("PROTOBUF_ENABLED", "true"));
    Path file = Files.writeString(dir.resolve("config.yaml"), "protobuf:\n  rollout_percentage: 5\n");
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().file(file).environment(env).build()) {
      env.put("PROTOBUF_ENABLED", "false");
      env.put("PROTOBUF_ROLLOUT_PERCENTAGE", "90");
      Files.writeString(file, "protobuf:\n  rollout_percentage: 7\n");
      holder.reloadFile();
      holder.setAdminOverrides(RolloutOverrides.builder().salt("s2").build());
      holder.clearAdminOverrides();

      assertThat(holder.current().enabled()).isTrue();
      assertThat(holder.current().rolloutBasisPoints()).isEqualTo(700);
      assertThat(holder.layer(ConfigSource.ENVIRONMENT).keys()).containsExactly(RolloutKey.ENABLED);
    }
  }

  @Test
  void docsLiveSwitchTriggers_nameOnlySourcesReadAfterStart() {
    List<String> readOnceAtStart = sources().stream().filter(row -> row.get(2).equals("once at start"))
        .map(row -> DocsPages.code(row.get(1))).toList();
    assertThat(readOnceAtStart).containsExactly(ConfigSource.ENVIRONMENT.code());

    List<String> triggers = new ArrayList<>();
    triggers.addAll(parenthesised("protocol.md", "a rollout config change ("));
    triggers.addAll(parenthesised("operations.md", "A config change ("));
    assertThat(triggers).hasSizeGreaterThanOrEqualTo(4);
    for (String trigger : triggers) {
      assertThat(sourceOf(trigger)).as("the docs list \"%s\" among what switches live connections", trigger)
          .isNotIn(readOnceAtStart);
    }
  }

  private static List<List<String>> sources() {
    return DocsPages.table("configuration.md", "config-sources");
  }

  /** The comma-separated items in the parentheses that follow {@code opening} on a page. */
  private static List<String> parenthesised(String page, String opening) {
    String text = DocsPages.read(page).replaceAll("\\s+", " ");
    Matcher m = Pattern.compile(Pattern.quote(opening) + "([^)]*)\\)").matcher(text);
    assertThat(m.find()).as("docs/%s says \"%s...)\"", page, opening).isTrue();
    return Arrays.stream(m.group(1).split(",\\s*(?:or\\s+)?")).map(String::strip).toList();
  }

  /** The config source a documented trigger stands for. */
  private static String sourceOf(String trigger) {
    String t = trigger.toLowerCase(Locale.ROOT);
    if (t.contains("environment") || t.contains("env ")) {
      return ConfigSource.ENVIRONMENT.code();
    }
    if (t.contains("file")) {
      return ConfigSource.FILE.code();
    }
    if (t.contains("admin") || t.contains("kill switch")) {
      return ConfigSource.ADMIN.code();
    }
    if (t.contains("openfeature") || t.contains("flag")) {
      return ConfigSource.OPENFEATURE.code();
    }
    throw new AssertionError("a trigger this test does not know, add it to sourceOf: " + trigger);
  }
}
