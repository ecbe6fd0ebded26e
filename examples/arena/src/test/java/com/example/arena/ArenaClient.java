package com.example.arena;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A game client over a real socket, with the JDK's WebSocket client: it keeps every frame it
 * receives, in order, for a test to read. Thread-safe.
 */
final class ArenaClient implements WebSocket.Listener, AutoCloseable {

  /** One WebSocket message as received: binary (protobuf) or text (JSON, or a control message). */
  record Frame(boolean binary, byte[] bytes) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private final List<Frame> frames = new ArrayList<>();
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private ArenaClient(HttpClient http, URI uri, String... subprotocols) {
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (subprotocols.length > 0) {
      builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    this.socket = builder.buildAsync(uri, this).orTimeout(10, TimeUnit.SECONDS).join();
  }

  /** Connects to {@code ws://127.0.0.1:port/ws?query}, offering {@code subprotocols} in order. */
  static ArenaClient connect(HttpClient http, int port, String query, String... subprotocols) {
    return new ArenaClient(http, URI.create("ws://127.0.0.1:" + port + "/ws" + (query.isEmpty() ? "" : "?" + query)),
        subprotocols);
  }

  /** The subprotocol the server selected, empty for none. */
  String subprotocol() {
    return socket.getSubprotocol();
  }

  void sendBinary(byte[] bytes) {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(5, TimeUnit.SECONDS).join();
  }

  void sendText(String text) {
    socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
  }

  /** Every frame received so far, oldest first. */
  synchronized List<Frame> frames() {
    return List.copyOf(frames);
  }

  /**
   * Waits until the frames received satisfy {@code condition} (at most 20 s: CI machines are busy) and returns them.
   *
   * @throws AssertionError naming {@code what} if they do not in time
   */
  List<Frame> await(String what, Predicate<List<Frame>> condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    synchronized (this) {
      while (!condition.test(frames)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("timed out waiting for " + what + "; received " + frames.size() + " frames, the last "
              + (frames.isEmpty() ? "none" : describe(frames.get(frames.size() - 1))));
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return List.copyOf(frames);
    }
  }

  private static String describe(Frame f) {
    return f.binary() ? f.bytes().length + " binary bytes" : f.text();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
    received(bytes, last, false);
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    received(bytes, last, true);
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  private synchronized void received(byte[] bytes, boolean last, boolean binary) {
    partial.writeBytes(bytes);
    if (last) {
      frames.add(new Frame(binary, partial.toByteArray()));
      partial.reset();
      notifyAll();
    }
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
  }
}
