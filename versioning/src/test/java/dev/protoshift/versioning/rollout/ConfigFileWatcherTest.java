package dev.protoshift.versioning.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload through the watcher thread, as a running server sees it. */
class ConfigFileWatcherTest {

  private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

  @TempDir
  Path dir;

  private static String config(int percent) {
    return "protobuf:\n  enabled: true\n  rollout_percentage: " + percent + "\n";
  }

  /**
   * A Kubernetes ConfigMap volume: {@code config.yaml -> ..data/config.yaml}, {@code ..data ->
   * ..<timestamp>}; an update writes a new timestamped directory and renames a new {@code ..data}
   * symlink over the old one.
   */
  private final class ConfigMapVolume {
    private int generation;

    Path create(String content) throws IOException {
      Path data = writeGeneration(content);
      Files.createSymbolicLink(dir.resolve("..data"), data.getFileName());
      return Files.createSymbolicLink(dir.resolve("config.yaml"), Path.of("..data", "config.yaml"));
    }

    void update(String content) throws IOException {
      Path old = Files.readSymbolicLink(dir.resolve("..data"));
      Path data = writeGeneration(content);
      Path tmp = Files.createSymbolicLink(dir.resolve("..data_tmp"), data.getFileName());
      Files.move(tmp, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Files.delete(dir.resolve(old).resolve("config.yaml"));
      Files.delete(dir.resolve(old));
    }

    private Path writeGeneration(String content) throws IOException {
      Path data = Files.createDirectory(dir.resolve("..2026_11_27_00_00_0" + generation++));
      Files.writeString(data.resolve("config.yaml"), content);
      return data;
    }
  }

  @Test
  void configMapSymlinkSwap_isAppliedWithinASecond() throws IOException {
    ConfigMapVolume volume = new ConfigMapVolume();
    Path file = volume.create(config(10));
    RecordingListener events = new RecordingListener();
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().watchFile(file).listener(events).build()) {
      assertThat(holder.current().rolloutBasisPoints()).isEqualTo(1000);

      volume.update(config(25));

      await().atMost(WITHIN_A_SECOND).until(() -> holder.current().rolloutBasisPoints() == 2500);
      assertThat(events.lastChange().previous().rolloutBasisPoints()).isEqualTo(1000);
      assertThat(events.lastChange().source()).isEqualTo(ConfigSource.FILE);
    }
  }

  @Test
  void editInPlace_isAppliedWithinASecond() throws IOException {
    Path file = Files.writeString(dir.resolve("config.yaml"), config(10));
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().watchFile(file).build()) {
      Files.writeString(file, config(50));

      await().atMost(WITHIN_A_SECOND).until(() -> holder.current().rolloutBasisPoints() == 5000);
    }
  }

  @Test
  void invalidFile_keepsTheLastGoodConfig_reportsOnce_andAFixIsApplied() throws IOException {
    ConfigMapVolume volume = new ConfigMapVolume();
    Path file = volume.create(config(10));
    RecordingListener events = new RecordingListener();
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().watchFile(file)
        .pollInterval(Duration.ofMillis(20)).listener(events).build()) {
      RolloutConfig good = holder.current();

      volume.update("protobuf:\n  enabled: true\n  rollout_percentage: 140\n");

      await().atMost(WITHIN_A_SECOND).until(() -> !events.rejections.isEmpty());
      ConfigRejection rejection = events.lastRejection();
      assertThat(rejection.source()).isEqualTo(ConfigSource.FILE);
      assertThat(rejection.message()).contains("protobuf.rollout_percentage must be 0..100, was 140")
          .contains(file.toString());
      assertThat(rejection.kept()).isEqualTo(good);
      assertThat(holder.current()).isEqualTo(good);
      holder.reloadFile(); // further checks of the same bad content report nothing new
      assertThat(events.rejections).hasSize(1);

      volume.update(config(30));

      await().atMost(WITHIN_A_SECOND).until(() -> holder.current().rolloutBasisPoints() == 3000);
      assertThat(events.changes).hasSize(1);
    }
  }

  @Test
  void deletedFile_keepsTheLastGoodConfig_isReported_andItsReturnIsApplied() throws IOException {
    Path file = Files.writeString(dir.resolve("config.yaml"), config(10));
    RecordingListener events = new RecordingListener();
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().watchFile(file)
        .pollInterval(Duration.ofMillis(20)).listener(events).build()) {
      Files.delete(file);

      await().atMost(WITHIN_A_SECOND).until(() -> !events.rejections.isEmpty());
      assertThat(events.lastRejection().message()).contains("does not exist (deleted?)");
      assertThat(holder.current().rolloutBasisPoints()).isEqualTo(1000);

      Files.writeString(file, config(60));

      await().atMost(WITHIN_A_SECOND).until(() -> holder.current().rolloutBasisPoints() == 6000);
      assertThat(events.rejections).hasSize(1);
    }
  }

  @Test
  void notUtf8_isRefusedNamingTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("config.yaml"), config(10));
    RecordingListener events = new RecordingListener();
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().file(file).listener(events).build()) {
      Files.write(file, new byte[] {'p', ':', ' ', (byte) 0xff, (byte) 0xfe});

      holder.reloadFile();

      assertThat(events.lastRejection().message()).contains(file + " is not UTF-8");
      assertThat(holder.current().rolloutBasisPoints()).isEqualTo(1000);
    }
  }

  @Test
  void close_stopsTheWatcher() throws IOException, InterruptedException {
    Path file = Files.writeString(dir.resolve("config.yaml"), config(10));
    RolloutConfigHolder holder = RolloutConfigHolder.builder().watchFile(file).pollInterval(Duration.ofMillis(20)).build();
    holder.close();

    Files.writeString(file, config(90));
    Thread.sleep(200);

    assertThat(holder.current().rolloutBasisPoints()).isEqualTo(1000);
    await().atMost(WITHIN_A_SECOND).until(() -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().equals("protoshift-rollout-config-watcher") && t.isAlive()));
  }
}
