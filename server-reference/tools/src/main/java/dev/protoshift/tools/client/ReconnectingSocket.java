package dev.protoshift.tools.client;

import dev.protoshift.session.CloseCode;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;

/**
 * A client WebSocket that reconnects: after a drop it waits per its {@link Backoff} and dials
 * again; after a 1012 (server restart) it waits for the server's {@code reconnect_after_ms}
 * hint instead. It does not reconnect after a close the server marks final (a refused
 * handshake, an unsupported version: {@link CloseCode#reconnect()} false), after an upgrade
 * refused with a 4xx other than 429, or after {@link #close()}.
 */
public final class ReconnectingSocket implements AutoCloseable {

  private static final Pattern HINT = Pattern.compile("reconnect_after_ms=(\\d{1,9})");

  /** What the socket tells its owner. Called on Jetty's threads; one connection's calls never overlap. */
  public interface Listener {
    /** Connected; {@code attempt} is 0 for the first connection, then counts reconnects. */
    default void opened(Session session, int attempt) {}

    void text(String message, long receivedNanos);

    /** The buffer is valid only during the call. */
    void binary(ByteBuffer message, long receivedNanos);

    /** The connection closed; {@code reconnecting} tells whether a new one will be tried. */
    default void closed(int code, String reason, boolean reconnecting) {}

    /** A connect attempt failed (e.g. refused upgrade). */
    default void connectFailed(Throwable cause, boolean retrying) {}
  }

  private final ClientRuntime runtime;
  private final Supplier<ClientUpgradeRequest> request;
  private final Backoff backoff;
  private final Listener listener;
  private final CompletableFuture<Session> firstOpen = new CompletableFuture<>();
  private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
  private volatile Session session;
  private volatile boolean closed;
  private int attempt;
  private int failuresInARow;

  /**
   * @param request builds the upgrade request for each attempt (URI, subprotocols, headers)
   */
  public ReconnectingSocket(ClientRuntime runtime, Supplier<ClientUpgradeRequest> request, Backoff backoff,
      Listener listener) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.request = Objects.requireNonNull(request, "request");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** An upgrade request for a plain URI. */
  public static Supplier<ClientUpgradeRequest> to(URI uri) {
    return () -> new ClientUpgradeRequest(uri);
  }

  /**
   * Dials (once: later calls return the same future); the future completes with the first
   * session, or fails if the first connect fails for good.
   */
  public CompletableFuture<Session> connect() {
    if (started.compareAndSet(false, true)) {
      dial();
    }
    return firstOpen;
  }

  private void dial() {
    if (closed) {
      return;
    }
    ClientUpgradeRequest upgrade = request.get();
    try {
      runtime.webSocketClient().connect(new Endpoint(), upgrade).whenComplete((s, error) -> {
        if (error != null) {
          onConnectFailed(error);
        }
      });
    } catch (Exception e) {
      onConnectFailed(e);
    }
  }

  private void onConnectFailed(Throwable error) {
    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    boolean retry = !closed && retryable(cause) && backoff.allows(++failuresInARow);
    listener.connectFailed(cause, retry);
    if (retry) {
      schedule(backoff.delay(failuresInARow, ThreadLocalRandom.current()));
    } else {
      firstOpen.completeExceptionally(cause);
    }
  }

  private static boolean retryable(Throwable cause) {
    if (cause instanceof UpgradeException u) {
      int status = u.getResponseStatusCode();
      return status == 0 || status == 429 || status >= 500;
    }
    return true; // connection refused, reset, timeout: the server may come back
  }

  private void onClosed(int code, String reason) {
    session = null;
    boolean finalCode = CloseCode.of(code).map(c -> !c.reconnect()).orElse(false);
    Optional<Duration> hint = hint(code, reason);
    boolean reconnect = !closed && !finalCode && (hint.isPresent() || backoff.allows(failuresInARow + 1));
    listener.closed(code, reason, reconnect);
    if (!reconnect) {
      return;
    }
    if (hint.isPresent()) {
      schedule(hint.get());
    } else {
      failuresInARow++;
      schedule(backoff.delay(failuresInARow, ThreadLocalRandom.current()));
    }
  }

  /** The server's reconnect hint from a 1012 close reason, e.g. {@code restart; reconnect_after_ms=750}. */
  static Optional<Duration> hint(int code, String reason) {
    if (code != CloseCode.SERVICE_RESTART.code() || reason == null) {
      return Optional.empty();
    }
    Matcher m = HINT.matcher(reason);
    return m.find() ? Optional.of(Duration.ofMillis(Long.parseLong(m.group(1)))) : Optional.empty();
  }

  private void schedule(Duration delay) {
    if (closed) {
      return;
    }
    try {
      runtime.timer().schedule(this::dial, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // runtime closed: no more reconnects
    }
  }

  /** Sends a text message if connected; false if not. */
  public boolean sendText(String text) {
    Session s = session;
    if (s == null || !s.isOpen()) {
      return false;
    }
    s.sendText(text, Callback.NOOP);
    return true;
  }

  /** Sends a binary message if connected; false if not. */
  public boolean sendBinary(ByteBuffer bytes) {
    Session s = session;
    if (s == null || !s.isOpen()) {
      return false;
    }
    s.sendBinary(bytes, Callback.NOOP);
    return true;
  }

  public boolean isOpen() {
    Session s = session;
    return s != null && s.isOpen();
  }

  /** The current session, if connected. */
  public Optional<Session> session() {
    return Optional.ofNullable(session);
  }

  /** Connections opened after the first. */
  public synchronized int reconnects() {
    return Math.max(0, attempt - 1);
  }

  /** Closes for good (1000), no reconnect. */
  @Override
  public void close() {
    closed = true;
    Session s = session;
    if (s != null) {
      s.close(CloseCode.NORMAL.code(), "bye", Callback.NOOP);
    }
  }

  /** Drops the TCP connection without a close handshake (tests of abrupt disconnects). */
  public void disconnectAbruptly() {
    Session s = session;
    if (s != null) {
      s.disconnect();
    }
  }

  /** Jetty's endpoint for one attempt (public because Jetty requires it). */
  public final class Endpoint implements Session.Listener.AutoDemanding {
    @Override
    public void onWebSocketOpen(Session s) {
      int n;
      synchronized (ReconnectingSocket.this) {
        n = attempt++;
      }
      failuresInARow = 0;
      session = s;
      if (closed) {
        s.close(CloseCode.NORMAL.code(), "bye", Callback.NOOP);
        return;
      }
      listener.opened(s, n);
      firstOpen.complete(s);
    }

    @Override
    public void onWebSocketText(String message) {
      listener.text(message, System.nanoTime());
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
      try {
        listener.binary(payload, System.nanoTime());
      } finally {
        callback.succeed();
      }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
      onClosed(statusCode, reason);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
      // onWebSocketClose follows with the code
    }
  }
}
