package dev.protoshift.tools.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the server's {@code /metrics} (admin port, bearer token) at the start of the measured
 * window, every {@code interval} during it (for CPU and heap peaks), and at its end, and turns
 * the scrapes into {@link ServerFigures}. A scrape that fails mid-window is skipped and counted;
 * the first one failing is an error the caller reports (wrong URL or token).
 */
public final class ServerScraper implements AutoCloseable {

  private final URI metricsUri;
  private final String token;
  private final Duration interval;
  private final HttpClient http;
  private final List<MetricsSnapshot> scrapes = new ArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private ScheduledExecutorService timer;

  /**
   * @param adminUrl the admin base URL, e.g. {@code http://127.0.0.1:9090}
   * @param token the admin bearer token
   * @param interval time between scrapes during the window
   */
  public ServerScraper(URI adminUrl, String token, Duration interval) {
    String base = adminUrl.toString();
    this.metricsUri = URI.create(base.endsWith("/") ? base + "metrics" : base + "/metrics");
    this.token = token;
    this.interval = interval;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public URI metricsUri() {
    return metricsUri;
  }

  /**
   * Reads {@code /metrics} once, to find a wrong URL or token before a run starts.
   *
   * @throws IOException naming the URL and the HTTP status or error
   */
  public void check() throws IOException {
    scrape();
  }

  /**
   * Takes the first scrape and starts the periodic ones.
   *
   * @throws IOException naming the URL and the HTTP status or error if the first scrape fails
   */
  public synchronized void start() throws IOException {
    scrapes.add(scrape());
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "protoshift-loadtest-scraper");
      t.setDaemon(true);
      return t;
    });
    long ms = interval.toMillis();
    timer.scheduleAtFixedRate(this::scrapeQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the last scrape, stops, and computes the figures of the window.
   *
   * @throws IOException if the last scrape fails
   */
  public ServerFigures finish() throws IOException {
    close();
    MetricsSnapshot last = scrape();
    synchronized (this) {
      scrapes.add(last);
      return new MetricsWindow(scrapes).figures(metricsUri.toString());
    }
  }

  /** Periodic scrapes that failed. */
  public int failures() {
    return failures.get();
  }

  private void scrapeQuietly() {
    try {
      MetricsSnapshot s = scrape();
      synchronized (this) {
        scrapes.add(s);
      }
    } catch (IOException | RuntimeException e) {
      failures.incrementAndGet();
    }
  }

  private MetricsSnapshot scrape() throws IOException {
    HttpRequest request = HttpRequest.newBuilder(metricsUri).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token).GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + metricsUri, e);
    } catch (IOException e) {
      throw new IOException("cannot read " + metricsUri + ": " + e, e);
    }
    long at = System.nanoTime();
    if (response.statusCode() != 200) {
      String body = response.body() == null ? "" : response.body().strip();
      throw new IOException("cannot read " + metricsUri + ": HTTP " + response.statusCode()
          + (response.statusCode() == 401 ? " (wrong or missing admin token)" : "")
          + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) : body)));
    }
    try {
      return MetricsSnapshot.parse(at, response.body());
    } catch (IllegalArgumentException e) {
      throw new IOException(metricsUri + " did not answer Prometheus text: " + e.getMessage(), e);
    }
  }

  /** Stops the periodic scrapes (an in-flight one completes). */
  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
      timer = null;
    }
    if (t != null) {
      t.shutdown();
      try {
        t.awaitTermination(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
