package dev.protoshift.operations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protoshift.operations.ramp.HealthReport;
import dev.protoshift.operations.ramp.RampState;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The directory the replicas of a guarded ramp share ({@code state_dir}): {@code state.json} (the
 * ramp's state, replaced atomically), {@code health/INSTANCE.json} (each replica's latest health
 * report) and {@code lock}, an exclusive file lock held while a replica reads the state, decides
 * and writes. The file system must give every replica the same files and honour {@code
 * fcntl}/{@code flock} locks across them (a local disk for processes on one host; NFSv4 or a
 * cluster file system across hosts). Thread-safe.
 */
public final class RampStore {

  private static final System.Logger LOG = System.getLogger(RampStore.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A file lock belongs to the whole JVM: servers of one JVM (tests) take this lock first. */
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path dir;

  public RampStore(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  public Path dir() {
    return dir;
  }

  /**
   * Creates the directory if needed.
   *
   * @throws IOException naming the directory if it cannot be created or written
   */
  public void open() throws IOException {
    try {
      Files.createDirectories(dir.resolve("health"));
    } catch (IOException e) {
      throw new IOException("cannot create the ramp's state_dir " + dir + ": " + e, e);
    }
    if (!Files.isWritable(dir)) {
      throw new IOException("the ramp's state_dir " + dir + " is not writable");
    }
  }

  /** Work done while holding the lock. */
  public interface Locked<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code work} holding the directory's lock (this process's servers, then the file lock).
   *
   * @throws IOException if the lock cannot be had within {@code timeout}, or the work fails
   */
  public <T> T locked(Duration timeout, Locked<T> work) throws IOException {
    ReentrantLock local = IN_PROCESS.computeIfAbsent(dir, d -> new ReentrantLock());
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (!local.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new IOException("the ramp's lock in " + dir + " is busy (another server of this process)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the ramp's lock", e);
    }
    try (FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      FileLock lock = null;
      while (lock == null) {
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
        if (lock == null) {
          if (System.nanoTime() > deadline) {
            throw new IOException("the ramp's lock " + dir.resolve("lock") + " is held by another replica for more"
                + " than " + timeout.toMillis() + " ms");
          }
          Thread.sleep(10);
        }
      }
      try {
        return work.run();
      } finally {
        lock.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the ramp's lock", e);
    } finally {
      local.unlock();
    }
  }

  /**
   * The shared state, or empty if none was written yet.
   *
   * @throws IOException if it cannot be read or is not a valid state (naming the file and the field)
   */
  public Optional<RampState> readState() throws IOException {
    Path file = dir.resolve("state.json");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    try {
      return Optional.of(RampState.fromJson(JSON.readTree(text)));
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException("the ramp's state " + file + " is not valid: " + e.getMessage(), e);
    }
  }

  public void writeState(RampState state) throws IOException {
    write(dir.resolve("state.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state.toJson()));
  }

  public void writeHealth(HealthReport report) throws IOException {
    write(dir.resolve("health").resolve(report.instance() + ".json"), report.toJson().toString());
  }

  /**
   * The latest report of every replica that wrote one after {@code freshAfter}; unreadable ones are
   * skipped and logged; reports older than {@code deleteBefore} (replicas gone long ago) are deleted.
   */
  public List<HealthReport> readHealth(Instant freshAfter, Instant deleteBefore) throws IOException {
    List<HealthReport> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.resolve("health"), "*.json")) {
      for (Path f : files) {
        try {
          JsonNode n = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
          HealthReport r = HealthReport.fromJson(n);
          if (r.at().isAfter(freshAfter)) {
            out.add(r);
          } else if (r.at().isBefore(deleteBefore)) {
            Files.deleteIfExists(f);
          }
        } catch (NoSuchFileException e) {
          // replaced while listing: the new one is read next time
        } catch (IOException | IllegalArgumentException e) {
          LOG.log(Level.WARNING, "ramp: skipping the health report " + f + ": " + e.getMessage());
        }
      }
    } catch (NoSuchFileException e) {
      return out;
    }
    return out;
  }

  private void write(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
