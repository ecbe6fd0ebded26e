package dev.protoshift.tools.loadtest;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * One load test run from the command line: open the connections over the ramp-up, measure for
 * the duration with a progress line every second, and return the results.
 */
public final class LoadRun {

  private final LoadSettings settings;
  private final PrintWriter progress;
  private final String tool;

  /**
   * @param progress where the progress lines go (the terminal's stderr)
   * @param tool the tool's name and version, recorded in the results
   */
  public LoadRun(LoadSettings settings, PrintWriter progress, String tool) {
    this.settings = settings;
    this.progress = progress;
    this.tool = tool;
  }

  /**
   * Runs the test.
   *
   * @throws IOException if the server's {@code /metrics} cannot be read at the start (wrong URL or token)
   * @throws InterruptedException if interrupted
   */
  public LoadResults run() throws IOException, InterruptedException {
    try (LoadSession session = LoadSession.open(settings, progress)) {
      session.startWindow();
      long windowNanos = settings.duration().toNanos();
      long total = settings.duration().toSeconds();
      for (long now = session.windowNanos(); now < windowNanos; now = session.windowNanos()) {
        TimeUnit.NANOSECONDS.sleep(Math.min(windowNanos - now, 1_000_000_000L));
        long elapsed = Math.round(session.windowNanos() / 1e9);
        session.print(session.progressLine("window " + elapsed + "s/" + total + "s"));
      }
      return session.finish(tool);
    }
  }
}
