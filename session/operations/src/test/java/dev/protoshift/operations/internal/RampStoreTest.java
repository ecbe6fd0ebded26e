package dev.protoshift.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.operations.ramp.HealthReport;
import dev.protoshift.operations.ramp.RampEvent;
import dev.protoshift.operations.ramp.RampState;
import dev.protoshift.operations.ramp.RampStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RampStoreTest {

  @TempDir
  Path dir;

  static final Instant T = Instant.parse("2026-12-01T09:00:00Z");

  @Test
  void state_writtenAndReadBack_withItsHistory() throws IOException {
    RampStore store = new RampStore(dir);
    store.open();
    assertThat(store.readState()).isEmpty();
    RampState s = new RampState(T, 0, 1_000, RampStatus.RAMPING, T, 1, List.of())
        .next(RampEvent.Action.ADVANCE, 1, 2_500, RampStatus.RAMPING, T.plusSeconds(60), "a", "gates held");

    store.writeState(s);

    assertThat(store.readState()).contains(s);
    assertThat(Files.readString(dir.resolve("state.json"))).contains("\"rollout_percentage\" : 25");
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("state.json", "health");
    }
  }

  @Test
  void aCorruptState_isAnErrorNamingTheFileAndField() throws IOException {
    RampStore store = new RampStore(dir);
    store.open();
    Files.writeString(dir.resolve("state.json"), "{\"plan_start\":\"soon\"}");

    assertThatThrownBy(store::readState).isInstanceOf(IOException.class)
        .hasMessageContaining("state.json is not valid: ").hasMessageContaining("plan_start must be an instant, was \"soon\"");
    Files.writeString(dir.resolve("state.json"), "{\"plan_start\":\"2026-12-01T09:00:00Z\",\"status\":\"ramping\"}");
    assertThatThrownBy(store::readState).hasMessageContaining("basis_points must be an integer, was missing");
  }

  @Test
  void healthReports_freshOnesRead_oldOnesDeleted_unreadableOnesSkipped() throws IOException {
    RampStore store = new RampStore(dir);
    store.open();
    HealthReport.Counts c = new HealthReport.Counts(1, 2, 3, 4, 5);
    store.writeHealth(new HealthReport("a", T, 3, c, c));
    store.writeHealth(new HealthReport("b", T.minusSeconds(60), 3, c, c));
    store.writeHealth(new HealthReport("c", T.minus(Duration.ofDays(2)), 1, c, c));
    Files.writeString(dir.resolve("health/d.json"), "not json");

    List<HealthReport> fresh = store.readHealth(T.minusSeconds(10), T.minus(Duration.ofDays(1)));

    assertThat(fresh).extracting(HealthReport::instance).containsExactly("a");
    assertThat(fresh.get(0).protobuf()).isEqualTo(c);
    assertThat(dir.resolve("health/c.json")).doesNotExist();
    assertThat(dir.resolve("health/b.json")).exists();
  }

  @Test
  void locked_twoStoresOnOneDirectory_neverRunTogether() throws Exception {
    RampStore one = new RampStore(dir);
    RampStore two = new RampStore(dir.resolve(".").resolve("..").resolve(dir.getFileName()));
    one.open();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        RampStore store = t % 2 == 0 ? one : two;
        work.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < 25; i++) {
            store.locked(Duration.ofSeconds(10), () -> {
              if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
              }
              try {
                Thread.sleep(1);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              inside.decrementAndGet();
              return null;
            });
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(overlaps).hasValue(0);
  }
}
