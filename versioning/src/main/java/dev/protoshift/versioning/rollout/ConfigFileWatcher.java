package dev.protoshift.versioning.rollout;

import java.io.IOException;
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
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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

  private static final System.Logger LOG = System.getLogger(ConfigFileWatcher.class.getName());

  private final Path path;
  private final Duration pollInterval;
  private final RolloutConfigHolder holder;
  private final Object checkLock = new Object();
  private byte[] lastRead;
  private String lastFailure;
  private volatile boolean closed;
  private volatile WatchService watchService;
  private Thread thread;

  ConfigFileWatcher(Path path, Duration pollInterval, RolloutConfigHolder holder) {
    this.path = path.toAbsolutePath();
    this.pollInterval = pollInterval;
    this.holder = holder;
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
        bytes = read();
      } catch (IOException e) {
        throw new InvalidConfigException(List.of(problem(describe(e))));
      }
      lastRead = bytes;
      return parse(bytes);
    }
  }

  /** Reads the file now and applies or refuses what changed. Never throws. */
  void check() {
    synchronized (checkLock) {
      try {
        byte[] bytes = read();
        if (Arrays.equals(bytes, lastRead)) {
          return;
        }
        lastRead = bytes;
        lastFailure = null;
        holder.replaceLayer(ConfigSource.FILE, parse(bytes));
      } catch (IOException e) {
        lastRead = null;
        refuse(List.of(problem(describe(e))));
      } catch (InvalidConfigException e) {
        refuse(e.problems());
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "unexpected failure reloading " + path, e);
      }
    }
  }

  private void refuse(List<ConfigProblem> problems) {
    String failure = problems.toString();
    if (!failure.equals(lastFailure)) {
      lastFailure = failure;
      holder.reject(ConfigSource.FILE, problems);
    }
  }

  private byte[] read() throws IOException {
    long size = Files.size(path);
    if (size > RolloutOverrides.MAX_TEXT_CHARS) {
      throw new IOException("config file " + path + " is larger than 1 MiB (" + size + " bytes)");
    }
    return Files.readAllBytes(path);
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
        return;
      }
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
  }

  private static void closeQuietly(WatchService ws) {
    try {
      ws.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing the watch service failed", e);
    }
  }
}
