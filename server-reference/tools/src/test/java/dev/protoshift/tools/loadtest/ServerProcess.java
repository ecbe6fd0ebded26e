package dev.protoshift.tools.loadtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reference server in its own JVM ({@code dev.protoshift.server.Main}), as deployed. */
final class ServerProcess implements AutoCloseable {

  private static final Pattern GAME = Pattern.compile("game\\s+ws://[^/]+:(\\d+)/ws");
  private static final Pattern ADMIN = Pattern.compile("admin\\s+(http://\\S+)");

  private final String name;
  private final Process process;
  private final List<String> output = Collections.synchronizedList(new ArrayList<>());
  private final CompletableFuture<int[]> ports = new CompletableFuture<>();
  private volatile URI adminUri;
  private boolean ended; // guarded by output

  private ServerProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    Thread reader = new Thread(this::read, "server-process-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code java -cp <this classpath> dev.protoshift.server.Main} on loopback with free
   * ports and the given extra arguments, and waits for its banner.
   */
  static ServerProcess start(String name, Map<String, String> env, String... args) throws Exception {
    ServerProcess p = launch(name, env, args);
    try {
      p.ports.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      p.close();
      throw new IllegalStateException("server " + name + " did not start: " + p.output(), e);
    }
    return p;
  }

  /** Starts a server that is expected to refuse to start (no banner awaited). */
  static ServerProcess startExpectingExit(String name, Map<String, String> env, String... args) throws Exception {
    return launch(name, env, args);
  }

  private static ServerProcess launch(String name, Map<String, String> env, String... args) throws Exception {
    // -Dprotoshift.server.jar=OLD.jar runs another build of the server (e.g. to see a regression
    // test fail on the code before a fix); by default, this build's classes.
    String jar = System.getProperty("protoshift.server.jar", "");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:+UseSerialGC"));
    command.addAll(jar.isEmpty() ? List.of("-cp", System.getProperty("java.class.path"), "dev.protoshift.server.Main")
        : List.of("-jar", jar));
    command.addAll(List.of("--host", "127.0.0.1", "--port", "0", "--admin-port", "0"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    return new ServerProcess(name, builder.start());
  }

  int gamePort() {
    return ports.join()[0];
  }

  URI adminUri() {
    ports.join();
    return adminUri;
  }

  /** The server's process id. */
  long pid() {
    return process.pid();
  }

  /** The process's exit code, once it has exited. */
  int exitValue() {
    return process.exitValue();
  }

  /** SIGTERM. */
  void terminate() {
    process.destroy();
  }

  /** Waits for the process to exit; its exit code, or -1 if it did not exit in time. */
  int waitFor(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  /** What the process printed so far. */
  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  /**
   * Waits until a line the process printed matches {@code pattern} (the banner's later lines are
   * printed after the ports the start waits for); the first match, or an assertion error with the
   * output so far.
   */
  Matcher awaitOutput(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (output) {
      while (true) {
        Matcher m = pattern.matcher(String.join("\n", output));
        if (m.find()) {
          return m; // woken by the line itself: the caller acts as soon as the server printed it
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || ended) {
          throw new AssertionError("server " + name + " never printed " + pattern + "; it printed:\n" + output());
        }
        TimeUnit.NANOSECONDS.timedWait(output, left);
      }
    }
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      int game = -1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (output) {
          output.add(line);
          output.notifyAll();
        }
        Matcher g = GAME.matcher(line);
        if (g.find()) {
          game = Integer.parseInt(g.group(1));
        }
        Matcher a = ADMIN.matcher(line);
        if (a.find() && game > 0 && !ports.isDone()) {
          adminUri = URI.create(a.group(1));
          ports.complete(new int[] {game});
        }
      }
    } catch (IOException e) {
      // the process ended
    }
    synchronized (output) {
      ended = true;
      output.notifyAll();
    }
    ports.completeExceptionally(new IllegalStateException("server " + name + " ended before its banner"));
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
