package dev.protoshift.tools.loadtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A TCP load balancer for the rolling-restart test, as a Kubernetes Service with readiness
 * probes behaves: each new connection goes to the first backend whose {@code /readyz} answers
 * 200, and its bytes are copied both ways until either side closes. Clients dial the balancer
 * and never learn which backend they got.
 */
final class TcpBalancer implements AutoCloseable {

  /** A backend: its game port and its readiness URL. */
  record Backend(int port, URI readyz) {}

  private final List<Backend> backends;
  private final ServerSocket listener;
  private final AtomicIntegerArray routed;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();
  private volatile boolean closed;

  TcpBalancer(List<Backend> backends) throws IOException {
    this.backends = List.copyOf(backends);
    this.routed = new AtomicIntegerArray(backends.size());
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    daemon("balancer-accept", this::accept).start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Connections routed to backend {@code i} so far. */
  int routed(int i) {
    return routed.get(i);
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      daemon("balancer-route", () -> route(client)).start();
    }
  }

  private void route(Socket client) {
    for (int i = 0; i < backends.size(); i++) {
      Backend b = backends.get(i);
      if (!ready(b)) {
        continue;
      }
      try {
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), b.port());
        routed.incrementAndGet(i);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        daemon("balancer-up", () -> pump(client, upstream)).start();
        pump(upstream, client);
        return;
      } catch (IOException e) {
        // not accepting: try the next one
      }
    }
    closeQuietly(client);
  }

  /**
   * A probe as Kubernetes runs it: an answer other than 200 or a refused connection is "not
   * ready" at once; a probe that times out (a busy machine) counts only after three in a row
   * (the default failureThreshold).
   */
  private boolean ready(Backend b) {
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(b.readyz()).timeout(Duration.ofSeconds(1)).build(),
            HttpResponse.BodyHandlers.discarding());
        return r.statusCode() == 200;
      } catch (java.net.http.HttpTimeoutException e) {
        // slow, not gone: probe again
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private static void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static Thread daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
  }
}
