package dev.protoshift.tools.client;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.websocket.api.Session;

/** Records what a {@link ReconnectingSocket} reports, for tests. */
public final class RecordingListener implements ReconnectingSocket.Listener {

  public record Close(int code, String reason, boolean reconnecting) {}

  public final List<String> texts = new CopyOnWriteArrayList<>();
  public final List<byte[]> binaries = new CopyOnWriteArrayList<>();
  public final List<Close> closes = new CopyOnWriteArrayList<>();
  public final List<Integer> opens = new CopyOnWriteArrayList<>();
  public final List<Throwable> connectFailures = new CopyOnWriteArrayList<>();

  @Override
  public void opened(Session session, int attempt) {
    opens.add(attempt);
  }

  @Override
  public void text(String message, long receivedNanos) {
    texts.add(message);
  }

  @Override
  public void binary(ByteBuffer message, long receivedNanos) {
    byte[] b = new byte[message.remaining()];
    message.get(b);
    binaries.add(b);
  }

  @Override
  public void closed(int code, String reason, boolean reconnecting) {
    closes.add(new Close(code, reason, reconnecting));
  }

  @Override
  public void connectFailed(Throwable cause, boolean retrying) {
    connectFailures.add(cause);
  }
}
