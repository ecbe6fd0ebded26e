package dev.protoshift.tools.loadtest;

import dev.protoshift.tools.client.ClientRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connections of a load test, step by step: {@link #open} ramps them up and starts their
 * inputs, {@link #startWindow} starts the {@code /metrics} scrapes and the measured window, {@link
 * #finish} ends it and returns the results. {@link LoadRun} runs the steps in order; the chaos
 * tests act on the server between them. N connections share one {@link ClientRuntime}.
 */
public final class LoadSession implements AutoCloseable {

  /** How long after the ramp-up a connection may still take to open before the tool moves on. */
  static final Duration CONNECT_GRACE = Duration.ofSeconds(10);

  private final LoadSettings settings;
  private final PrintWriter progress;
  private final ClientRuntime runtime;
  private final List<LoadConnection> connections;
  private final List<ConnectionRecorder> recorders;
  private final AtomicLong failed = new AtomicLong();
  private final Progress line;
  private final ScheduledExecutorService timer;
  private final ServerScraper scraper;
  private final Machine machine = Machine.current();
  private long windowStart = -1;
  private Instant startedAt;
  private long cpuStart;

  private LoadSession(LoadSettings settings, PrintWriter progress, ClientRuntime runtime) {
    this.settings = settings;
    this.progress = progress;
    this.runtime = runtime;
    List<LoadConnection> list = new ArrayList<>(settings.connections());
    for (int i = 0; i < settings.connections(); i++) {
      list.add(new LoadConnection(settings.plan(i)));
    }
    this.connections = List.copyOf(list);
    this.recorders = connections.stream().map(LoadConnection::recorder).toList();
    this.line = new Progress(recorders, failed::get);
    this.timer = Executors.newScheduledThreadPool(1, r -> {
      Thread t = new Thread(r, "protoshift-loadtest");
      t.setDaemon(true);
      return t;
    });
    this.scraper = settings.adminUrl()
        .map(u -> new ServerScraper(u, settings.adminToken().orElseThrow(), settings.scrapeInterval())).orElse(null);
  }

  /**
   * Opens the connections evenly over the ramp-up, then waits until each one opened or failed
   * (at most {@link #CONNECT_GRACE} longer).
   *
   * @param progress where progress lines go (null: nowhere)
   * @throws IOException if the server's {@code /metrics} cannot be read (checked before any connection opens)
   * @throws InterruptedException if interrupted
   */
  public static LoadSession open(LoadSettings settings, PrintWriter progress) throws IOException, InterruptedException {
    LoadSession session = new LoadSession(settings, progress, ClientRuntime.start());
    try {
      if (session.scraper != null) {
        session.scraper.check();
      }
      session.rampUp();
    } catch (IOException | InterruptedException | RuntimeException e) {
      session.close();
      throw e;
    }
    return session;
  }

  public List<LoadConnection> connections() {
    return connections;
  }

  /** Connections whose first connect failed for good. */
  public long failedConnects() {
    return failed.get();
  }

  /** The progress line now. */
  public String progressLine(String phase) {
    return line.line(phase, System.nanoTime());
  }

  /**
   * Starts the measured window: server scrapes and counting.
   *
   * @throws IOException if the server's {@code /metrics} cannot be read (wrong URL or token)
   */
  public void startWindow() throws IOException {
    if (scraper != null) {
      scraper.start();
    }
    windowStart = System.nanoTime();
    startedAt = Instant.now();
    cpuStart = processCpuNanos();
    recorders.forEach(r -> r.startWindow(windowStart));
  }

  /** Nanoseconds since the window started. */
  public long windowNanos() {
    return System.nanoTime() - windowStart;
  }

  /** Ends the window, reads the server's figures, closes every connection, and returns the results. */
  public LoadResults finish(String tool) {
    if (windowStart < 0) {
      throw new IllegalStateException("finish() before startWindow()");
    }
    long end = System.nanoTime();
    recorders.forEach(r -> r.endWindow(end));
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    ServerFigures server = null;
    if (scraper != null) {
      try {
        server = scraper.finish();
      } catch (IOException e) {
        print("warning: could not read the server's /metrics at the end (" + e.getMessage() + "): no server figures");
      }
    }
    close();
    RunInfo run = new RunInfo(tool, startedAt.toString(), (end - windowStart) / 1e9,
        settings.rampUp().toNanos() / 1e9, settings.urls().get(0).toString(), settings.connections(),
        settings.rooms(), settings.protocol().code(), settings.version().map(Object::toString).orElse("none"),
        failed.get(), cpuSeconds, machine);
    return LoadResults.of(run, ResultsAssembler.cohorts(recorders), server);
  }

  /** Stops inputs and scrapes and closes every connection (not counted as disconnects). */
  @Override
  public void close() {
    timer.shutdownNow();
    if (scraper != null) {
      scraper.close();
    }
    connections.forEach(LoadConnection::close);
    runtime.close();
  }

  void print(String text) {
    if (progress != null) {
      progress.println(text);
      progress.flush();
    }
  }

  private void rampUp() throws InterruptedException {
    long start = System.nanoTime();
    List<CompletableFuture<?>> opened = new ArrayList<>(connections.size());
    long rampNanos = settings.rampUp().toNanos();
    long nextPrint = start + 1_000_000_000L;
    int n = connections.size();
    for (int i = 0; i < n; i++) {
      long wait = start + (n == 1 ? 0 : rampNanos * i / (n - 1)) - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      LoadConnection c = connections.get(i);
      URI url = settings.urls().get(c.plan().urlIndex());
      opened.add(c.connect(runtime, url).whenComplete((s, e) -> {
        if (e != null) {
          failed.incrementAndGet();
        }
      }));
      if (System.nanoTime() >= nextPrint) {
        print(line.line("ramp-up " + (i + 1) + "/" + n, System.nanoTime()));
        nextPrint += 1_000_000_000L;
      }
    }
    long deadline = start + rampNanos + CONNECT_GRACE.toNanos();
    for (CompletableFuture<?> f : opened) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        f.get(left, TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // counted by the future's handler, or still connecting: it may join later
      }
    }
    print(line.line("ramp-up done", System.nanoTime()));
    startInputs(); // before the window, so the server's input path is warm when measuring starts
  }

  private void startInputs() {
    if (settings.inputsPerSecond() <= 0) {
      return;
    }
    long periodNanos = Math.max(1, Math.round(1e9 / settings.inputsPerSecond()));
    SplittableRandom seeds = new SplittableRandom(settings.seed());
    for (LoadConnection c : connections) {
      SplittableRandom random = seeds.split();
      timer.scheduleAtFixedRate(() -> c.sendInput(random), random.nextLong(periodNanos), periodNanos,
          TimeUnit.NANOSECONDS);
    }
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
