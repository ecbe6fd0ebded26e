package dev.protoshift.versioning.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutConfigHolderTest {

  @TempDir
  Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("config.yaml"), yaml);
  }

  @Test
  void build_withoutSources_isTheDefaults() {
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().build()) {
      assertThat(holder.current()).isEqualTo(RolloutConfig.defaults());
      assertThat(holder.file()).isEmpty();
    }
  }

  @Test
  void environment_winsOverTheFile_keyByKey() throws IOException {
    Path file = write(RolloutOverridesTest.SEED_YAML);

    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().file(file)
        .environment(Map.of("PROTOBUF_ENABLED", "false", "HOME", "/root")).build()) {
      assertThat(holder.current().enabled()).isFalse();
      assertThat(holder.current().rolloutBasisPoints()).isEqualTo(5000);
      assertThat(holder.layer(ConfigSource.ENVIRONMENT).keys()).containsExactly(RolloutKey.ENABLED);
    }
  }

  @Test
  void admin_winsOverEnvironment_untilCleared() throws IOException {
    RecordingListener events = new RecordingListener();
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().file(write(RolloutOverridesTest.SEED_YAML))
        .environment(Map.of("PROTOBUF_ENABLED", "true")).listener(events).build()) {

      RolloutConfig killed = holder.setAdminOverrides("{\"enabled\": false}");

      assertThat(killed.enabled()).isFalse();
      assertThat(events.lastChange().previous().enabled()).isTrue();
      assertThat(events.lastChange().current()).isEqualTo(killed);
      assertThat(events.lastChange().source()).isEqualTo(ConfigSource.ADMIN);
      assertThat(holder.clearAdminOverrides().enabled()).isTrue();
      assertThat(events.changes).hasSize(2);
    }
  }

  @Test
  void mergeAdminOverrides_keepsTheOtherAdminKeys() {
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().build()) {
      holder.setAdminOverrides(RolloutOverrides.builder().enabled(true).rolloutPercentage(30).build());

      RolloutConfig cfg = holder.mergeAdminOverrides(RolloutOverrides.builder().enabled(false).build());

      assertThat(cfg.enabled()).isFalse();
      assertThat(cfg.rolloutBasisPoints()).isEqualTo(3000);
    }
  }

  @Test
  void setAdminOverrides_invalidBody_isRefusedReportedAndKeepsTheConfig() {
    RecordingListener events = new RecordingListener();
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().listener(events).build()) {
      RolloutConfig before = holder.current();

      assertThatThrownBy(() -> holder.setAdminOverrides("{\"rollout_percentage\": 140}"))
          .isInstanceOf(InvalidConfigException.class)
          .hasMessage("invalid rollout config (admin): rollout_percentage must be 0..100, was 140");
      assertThat(holder.current()).isSameAs(before);
      assertThat(events.lastRejection().source()).isEqualTo(ConfigSource.ADMIN);
      assertThat(events.lastRejection().kept()).isSameAs(before);
      assertThat(events.changes).isEmpty();
    }
  }

  @Test
  void change_thatDoesNotChangeTheEffectiveConfig_isNotAnEvent() {
    RecordingListener events = new RecordingListener();
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder()
        .environment(Map.of("PROTOBUF_ENABLED", "false")).listener(events).build()) {
      holder.setAdminOverrides(RolloutOverrides.builder().enabled(false).build());

      assertThat(events.changes).isEmpty();
    }
  }

  @Test
  void listenerThatThrows_doesNotStopOthersOrTheChange() {
    RecordingListener events = new RecordingListener();
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().build()) {
      holder.addListener(change -> {
        throw new IllegalStateException("boom");
      });
      holder.addListener(events);

      holder.setAdminOverrides(RolloutOverrides.builder().enabled(true).build());

      assertThat(holder.current().enabled()).isTrue();
      assertThat(events.changes).hasSize(1);
    }
  }

  @Test
  void build_invalidOrMissingSources_failsNamingThem() throws IOException {
    Path bad = write("protobuf:\n  rollout_percentage: 140\n");

    assertThatThrownBy(() -> RolloutConfigHolder.builder().file(bad).build())
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("protobuf.rollout_percentage must be 0..100, was 140");
    assertThatThrownBy(() -> RolloutConfigHolder.builder().file(dir.resolve("nope.yaml")).build())
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("nope.yaml does not exist");
    assertThatThrownBy(() -> RolloutConfigHolder.builder().environment(Map.of("PROTOBUF_SALT", "a b")).build())
        .hasMessage("invalid rollout config (environment): PROTOBUF_SALT must be 1 to 64 characters A-Z a-z 0-9 . _ -,"
            + " was \"a b\"");
  }

  @Test
  void unknownProtobufVariables_areFoundForTheWarning() {
    assertThat(EnvironmentCheck.unknownVariables(Map.of("PROTOBUF_ROLLOUT_PERCENT", "5", "PROTOBUF_ENABLED", "true",
        "PATH", "/bin"))).containsExactly("PROTOBUF_ROLLOUT_PERCENT");
  }

  @Test
  void reloadFile_appliesAnEditAtOnce() throws IOException {
    RecordingListener events = new RecordingListener();
    Path file = write(RolloutOverridesTest.SEED_YAML);
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().file(file).listener(events).build()) {
      write(RolloutOverridesTest.SEED_YAML.replace("50", "75"));

      holder.reloadFile();

      assertThat(holder.current().rolloutBasisPoints()).isEqualTo(7500);
      assertThat(events.lastChange().previous().rolloutBasisPoints()).isEqualTo(5000);
      assertThat(events.lastChange().source()).isEqualTo(ConfigSource.FILE);
    }
  }
}
