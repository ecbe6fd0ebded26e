package dev.protoshift.versioning.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config file as a hostile or careless deployment leaves it: a symlink to a device or a FIFO,
 * a directory, a listener that fails hard. The kill switch must keep working through all of it:
 * the watcher never reads without limit, never blocks the admin layer or a reload for long, never
 * dies, reports its unhealthy state, and applies the next good file.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ConfigFileFaultTest {

  private static final Duration SOON = Duration.ofSeconds(5);

  @TempDir
  Path dir;

  private Path good;
  private Path link;

  private static String config(boolean enabled, int percent) {
    return "protobuf:\n  enabled: " + enabled + "\n  rollout_percentage: " + percent + "\n";
  }

  /** {@code config.yaml -> good.yaml}, like a ConfigMap's symlink. */
  private Path linkedConfig(String content) throws IOException {
    good = Files.writeString(dir.resolve("good.yaml"), content);
    link = Files.createSymbolicLink(dir.resolve("config.yaml"), good);
    return link;
  }

  private void pointAt(Path target) throws IOException {
    Path tmp = Files.createSymbolicLink(dir.resolve("config.yaml.tmp"), target);
    Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private Path fifo() throws IOException, InterruptedException {
    Path fifo = dir.resolve("config.fifo");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return fifo;
  }

  @Test
  void symlinkToDevZero_isRefusedAsNotARegularFile_andTheKillSwitchInTheFileStillWorksAfter() throws IOException {
    Path file = linkedConfig(config(true, 50));
    RecordingListener events = new RecordingListener();
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().watchFile(file)
        .pollInterval(Duration.ofMillis(20)).listener(events).build()) {
      pointAt(Path.of("/dev/zero"));

      await().atMost(SOON).until(() -> !events.rejections.isEmpty());
      assertThat(events.lastRejection().message()).contains("is not a regular file").contains(file.toString());
      assertThat(holder.current().rolloutBasisPoints()).isEqualTo(5000);
      assertThat(holder.fileHealth()).hasValueSatisfying(h -> {
        assertThat(h.healthy()).isFalse();
        assertThat(h.problem()).hasValueSatisfying(p -> assertThat(p).contains("is not a regular file"));
      });

      Files.writeString(good, config(false, 50));
      pointAt(good);

      await().atMost(SOON).until(() -> !holder.current().enabled());
      assertThat(holder.fileHealth()).hasValueSatisfying(h -> assertThat(h.healthy()).isTrue());
    }
  }

  @Test
  void symlinkToAFifo_neitherHangsAReloadNorTheAdminKillSwitch_andTheWatcherRecovers() throws Exception {
    Path file = linkedConfig(config(true, 50));
    Path fifo = fifo();
    RecordingListener events = new RecordingListener();
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().watchFile(file)
        .pollInterval(Duration.ofMillis(20)).listener(events).build()) {
      pointAt(fifo);

      await().atMost(SOON).until(() -> !events.rejections.isEmpty());
      assertThat(events.lastRejection().message()).contains(file.toString());
      assertTimeoutPreemptively(SOON, holder::reloadFile);
      assertTimeoutPreemptively(SOON, () -> holder.mergeAdminOverrides(RolloutOverrides.parseSection(
          "enabled: false", "admin")));
      assertThat(holder.current().enabled()).isFalse();
      holder.clearAdminOverrides();
      assertThat(holder.fileHealth()).hasValueSatisfying(h -> assertThat(h.healthy()).isFalse());

      Files.writeString(good, config(false, 50));
      pointAt(good);

      await().atMost(SOON).until(() -> !holder.current().enabled());
      assertThat(holder.fileHealth()).hasValueSatisfying(h -> assertThat(h.healthy()).isTrue());
    }
  }

  @Test
  void aReadThatOpensAFifo_isAbandonedAfterTheTimeout_notWaitedFor() throws Exception {
    Path fifo = fifo();
    ConfigFileWatcher watcher = new ConfigFileWatcher(fifo, Duration.ofMillis(20), RolloutConfigHolder.builder().build());
    // Past the regular-file check (a symlink swapped between the check and the open): the read itself must time out.
    assertTimeoutPreemptively(SOON, () -> assertThatThrownBy(() -> watcher.read(false))
        .isInstanceOf(IOException.class).hasMessageContaining("did not finish within"));
    watcher.close();
  }

  @Test
  void build_withAFifoOrADirectory_failsNamingIt_insteadOfHanging() throws Exception {
    Path fifo = fifo();
    assertTimeoutPreemptively(SOON, () -> assertThatThrownBy(() -> RolloutConfigHolder.builder().watchFile(fifo).build())
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining(fifo + " is not a regular file"));
    assertThatThrownBy(() -> RolloutConfigHolder.builder().file(dir).build())
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining(dir + " is not a regular file");
  }

  @Test
  void aFileLargerThanTheCap_isRefusedWithoutReadingItAll() throws IOException {
    Path file = linkedConfig(config(true, 50));
    RecordingListener events = new RecordingListener();
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().file(file).listener(events).build()) {
      Files.write(good, new byte[RolloutOverrides.MAX_TEXT_CHARS + 10]);

      holder.reloadFile();

      assertThat(events.lastRejection().message()).contains("larger than 1 MiB");
      assertThat(holder.current().rolloutBasisPoints()).isEqualTo(5000);
    }
  }

  @Test
  void aListenerThatThrowsAnError_doesNotKillTheWatcher() throws IOException {
    Path file = linkedConfig(config(true, 10));
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().watchFile(file)
        .pollInterval(Duration.ofMillis(20)).build()) {
      holder.addListener(change -> {
        throw new AssertionError("a listener failing hard");
      });

      Files.writeString(good, config(true, 20));
      await().atMost(SOON).until(() -> holder.current().rolloutBasisPoints() == 2000);
      Files.writeString(good, config(false, 20));

      await().atMost(SOON).until(() -> !holder.current().enabled());
    }
  }

  @Test
  void fileHealth_isEmptyWithoutAFile_andHealthyAfterAGoodRead() throws IOException {
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().build()) {
      assertThat(holder.fileHealth()).isEmpty();
    }
    Path file = linkedConfig(config(true, 10));
    try (RolloutConfigHolder holder = RolloutConfigHolder.builder().file(file).build()) {
      assertThat(holder.fileHealth()).hasValueSatisfying(h -> {
        assertThat(h.healthy()).isTrue();
        assertThat(h.problem()).isEmpty();
        assertThat(h.consecutiveFailures()).isZero();
      });
    }
  }
}
