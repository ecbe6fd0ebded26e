package dev.protoshift.server.jetty;

import dev.protoshift.session.Transport;
import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** protoshift's {@link Transport} over a Jetty 12 WebSocket session: the whole adapter. */
record JettyTransport(Session session) implements Transport {

  @Override
  public void sendBinary(ByteBuffer payload, SendCallback done) {
    session.sendBinary(payload, Callback.from(done::succeeded, done::failed));
  }

  @Override
  public void sendText(String text, SendCallback done) {
    session.sendText(text, Callback.from(done::succeeded, done::failed));
  }

  @Override
  public void close(int code, String reason) {
    session.close(code, reason, Callback.NOOP);
  }

  @Override
  public void abort() {
    session.disconnect();
  }
}
