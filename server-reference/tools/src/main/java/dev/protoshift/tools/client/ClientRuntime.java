package dev.protoshift.tools.client;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * What many reference clients in one process share: one Jetty {@link WebSocketClient} (one
 * selector set and thread pool for thousands of connections) and a timer for reconnects.
 * The load tool opens N connections over one runtime.
 */
public final class ClientRuntime implements AutoCloseable {

  /** Largest inbound message the clients accept (a room state with many ghosts). */
  public static final int MAX_MESSAGE_BYTES = 1024 * 1024;

  private final WebSocketClient client;
  private final ScheduledThreadPoolExecutor timer;

  private ClientRuntime(WebSocketClient client, ScheduledThreadPoolExecutor timer) {
    this.client = client;
    this.timer = timer;
  }

  /**
   * Starts a runtime.
   *
   * @throws IllegalStateException if Jetty's client cannot start
   */
  public static ClientRuntime start() {
    QueuedThreadPool pool = new QueuedThreadPool(64, 4);
    pool.setName("protoshift-client");
    pool.setDaemon(true);
    HttpClient http = new HttpClient();
    http.setExecutor(pool);
    http.setMaxConnectionsPerDestination(100_000);
    http.setMaxRequestsQueuedPerDestination(100_000);
    WebSocketClient client = new WebSocketClient(http);
    client.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
    client.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
    client.setStopAtShutdown(false);
    AtomicInteger n = new AtomicInteger();
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "protoshift-client-timer-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    try {
      client.start();
    } catch (Exception e) {
      timer.shutdownNow();
      throw new IllegalStateException("cannot start the WebSocket client: " + e.getMessage(), e);
    }
    return new ClientRuntime(client, timer);
  }

  public WebSocketClient webSocketClient() {
    return client;
  }

  public ScheduledExecutorService timer() {
    return timer;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      client.stop();
    } catch (Exception e) {
      // closing: nothing left to do with the error
    }
  }
}
