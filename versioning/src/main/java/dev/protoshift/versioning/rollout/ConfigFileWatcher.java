package dev.protoshift.versioning.rollout;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Hot reload of the YAML file. Watches the file's directory, not the file: a Kubernetes ConfigMap
 * volume updates by swapping its {@code ..data} symlink, which raises events on the directory and
 * none on the file's own name. Every event (after a short settle delay) and every poll interval
 * the file is read through its symlinks and compared with what was last read; new content is
 * parsed and either applied or refused. A deleted, unreadable or invalid file is refused once per
 * distinct state, and the last good config stays.
 */
final class ConfigFileWatcher implements AutoCloseable {

  static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
  /** Further events within this delay are folded into one reload (an editor's truncate-then-write). */
  static final long SETTLE_MILLIS = 50;
  /** A read of the file that takes longer is abandoned and reported (a FIFO, a device, a stalled mount). */
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(2);
  /** Abandoned reads whose threads may still be blocked; beyond this, reads are refused until one ends. */
  static final int MAX_STUCK_READS = 4;

  private static final System.Logger LOG = System.getLogger(ConfigFileWatcher.class.getName());

  private final Path path;
  private final Duration pollInterval;
  private final RolloutConfigHolder holder;
  private final Object checkLock = new Object();
  private final Duration readTimeout;
  /** Reads that did not finish in time (their threads may stay blocked, e.g. opening a FIFO). */
  private final List<Future<byte[]>> stuck = new ArrayList<>();
  private ExecutorService reader = newReader();
  private byte[] lastRead;
  private boolean lastReadValid;
  private String lastFailure;
  private volatile ConfigSourceHealth health;
  private volatile boolean closed;
  private volatile WatchService watchService;
  private Thread thread;

  ConfigFileWatcher(Path path, Duration pollInterval, RolloutConfigHolder holder) {
    this(path, pollInterval, DEFAULT_READ_TIMEOUT, holder);
  }

  ConfigFileWatcher(Path path, Duration pollInterval, Duration readTimeout, RolloutConfigHolder holder) {
    this.path = path.toAbsolutePath();
    this.pollInterval = pollInterval;
    this.readTimeout = readTimeout;
    this.holder = holder;
    this.health = ConfigSourceHealth.ok(ConfigSource.FILE, holder.now());
  }

  Path path() {
    return path;
  }

  /**
   * Reads and parses the file for the first time.
   *
   * @throws InvalidConfigException if it is missing, unreadable or invalid
   */
  RolloutOverrides loadInitial() {
    synchronized (checkLock) {
      byte[] bytes;
      try {
        bytes = read(true);
      } catch (IOException e) {
        throw new InvalidConfigException(List.of(problem(describe(e))));
      }
      lastRead = bytes;
      RolloutOverrides parsed = parse(bytes);
      lastReadValid = true;
      health = ConfigSourceHealth.ok(ConfigSource.FILE, holder.now());
      return parsed;
    }
  }

  /**
   * Reads the file now and applies or refuses what changed. Never throws, and returns within
   * about the read timeout whatever the file is (a FIFO, a device, a stalled network mount).
   */
  void check() {
    synchronized (checkLock) {
      try {
        byte[] bytes = read(true);
        if (Arrays.equals(bytes, lastRead)) {
          if (lastReadValid) {
            healthy();
          } else {
            health = health.failed(lastFailure, holder.now());
          }
          return;
        }
        lastRead = bytes;
        lastReadValid = false;
        RolloutOverrides parsed = parse(bytes);
        lastReadValid = true;
        lastFailure = null;
        healthy();
        holder.replaceLayer(ConfigSource.FILE, parsed);
      } catch (IOException e) {
        lastRead = null;
        refuse(List.of(problem(describe(e))));
      } catch (InvalidConfigException e) {
        refuse(e.problems());
      } catch (RuntimeException | Error e) {
        // Whatever it was, the watcher goes on: it is what keeps the kill switch in the file working.
        LOG.log(System.Logger.Level.ERROR, "unexpected failure reloading " + path + "; retrying", e);
        lastRead = null;
        refuse(List.of(problem("unexpected failure reloading config file " + path + ": " + e)));
      }
    }
  }

  /** How reading the file has gone: healthy, or failing since when and why. */
  ConfigSourceHealth health() {
    return health;
  }

  private void healthy() {
    if (!health.healthy()) {
      LOG.log(System.Logger.Level.INFO, "config file " + path + " is readable and valid again after "
          + health.consecutiveFailures() + " failed reads");
      health = ConfigSourceHealth.ok(ConfigSource.FILE, holder.now());
    }
  }

  private void refuse(List<ConfigProblem> problems) {
    String failure = problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; "));
    health = health.failed(failure, holder.now());
    if (!failure.equals(lastFailure)) {
      lastFailure = failure;
      holder.reject(ConfigSource.FILE, problems);
    }
  }

  /**
   * Reads the file: only a regular file (after symlinks), at most {@link
   * RolloutOverrides#MAX_TEXT_CHARS} bytes, on a reader thread that is abandoned if it does not
   * finish within the read timeout (opening a FIFO blocks until a writer comes, and cannot be
   * interrupted).
   *
   * @param requireRegularFile false only in tests, to reach the timeout with a FIFO
   * @throws IOException naming the file and what is wrong with it
   */
  byte[] read(boolean requireRegularFile) throws IOException {
    if (requireRegularFile) {
      requireRegularFile();
    }
    stuck.removeIf(Future::isDone);
    if (stuck.size() >= MAX_STUCK_READS) {
      throw new IOException("config file " + path + ": " + stuck.size()
          + " earlier reads are still blocked; not starting another until one finishes");
    }
    Future<byte[]> read = reader.submit(this::readCapped);
    try {
      return read.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      read.cancel(true);
      stuck.add(read);
      reader.shutdownNow(); // its thread may stay blocked in open(); the next read gets a new one
      reader = newReader();
      throw new IOException("reading config file " + path + " did not finish within " + readTimeout.toMillis()
          + " ms (is it a FIFO, a device or a stalled mount?)");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException("cannot read config file " + path + ": " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted reading config file " + path);
    }
  }

  private void requireRegularFile() throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class); // follows symlinks
    if (!attributes.isRegularFile()) {
      String kind = attributes.isDirectory() ? "a directory" : "a FIFO, device or socket";
      throw new IOException("config file " + path + " is not a regular file (it is " + kind
          + "); point it at a YAML file");
    }
    if (attributes.size() > RolloutOverrides.MAX_TEXT_CHARS) {
      throw new IOException("config file " + path + " is larger than 1 MiB (" + attributes.size() + " bytes)");
    }
  }

  private byte[] readCapped() throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = in.readNBytes(RolloutOverrides.MAX_TEXT_CHARS + 1);
      if (bytes.length > RolloutOverrides.MAX_TEXT_CHARS) {
        throw new IOException("config file " + path + " is larger than 1 MiB");
      }
      return bytes;
    }
  }

  private static ExecutorService newReader() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "protoshift-rollout-config-reader");
      t.setDaemon(true);
      return t;
    });
  }

  private RolloutOverrides parse(byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidConfigException(List.of(problem("config file " + path + " is not UTF-8")));
    }
    return RolloutOverrides.parseFile(text, path.toString());
  }

  private ConfigProblem problem(String message) {
    return new ConfigProblem(path.toString(), Optional.empty(), message);
  }

  private String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "config file " + path + " does not exist (deleted?)";
    }
    String m = e.getMessage();
    return m != null && m.startsWith("config file") ? m : "cannot read config file " + path + ": " + e;
  }

  void start() {
    thread = new Thread(this::run, "protoshift-rollout-config-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    Path dir = path.getParent();
    while (!closed) {
      try {
        if (watchService == null) {
          register(dir);
        }
        WatchService ws = watchService;
        WatchKey key = ws == null ? null : ws.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        if (ws == null) {
          Thread.sleep(pollInterval.toMillis());
        }
        if (key != null) {
          settle(ws, key);
        }
        if (!closed) {
          check();
        }
      } catch (InterruptedException | ClosedWatchServiceException e) {
        if (closed) {
          return;
        }
      } catch (RuntimeException | Error e) {
        LOG.log(System.Logger.Level.ERROR, "config file watcher for " + path + " failed; it goes on polling", e);
        pause();
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(pollInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void register(Path dir) {
    try {
      WatchService ws = dir.getFileSystem().newWatchService();
      dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
          StandardWatchEventKinds.ENTRY_MODIFY);
      watchService = ws;
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot watch " + dir + " yet; polling every " + pollInterval, e);
    }
  }

  /** Drains events until the directory has been quiet for {@link #SETTLE_MILLIS}. */
  private void settle(WatchService ws, WatchKey key) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10 * SETTLE_MILLIS);
    WatchKey k = key;
    while (k != null) {
      k.pollEvents();
      if (!k.reset()) {
        closeQuietly(ws);
        watchService = null; // the directory went away: register again when it is back
        return;
      }
      if (System.nanoTime() > deadline) {
        return;
      }
      k = ws.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    closed = true;
    WatchService ws = watchService;
    if (ws != null) {
      closeQuietly(ws);
    }
    if (thread != null) {
      thread.interrupt();
    }
    reader.shutdownNow();
  }

  private static void closeQuietly(WatchService ws) {
    try {
      ws.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing the watch service failed", e);
    }
  }
}
