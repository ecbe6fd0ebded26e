package dev.protoshift.tools.transport;

import dev.protoshift.session.Transport;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.ByteBuffer;

/**
 * protoshift's {@link Transport} over a Netty channel that speaks WebSocket frames. A send
 * completes when Netty has written the frame (its {@code ChannelFuture}); Netty queues writes from
 * any thread in order, and the session never has two in flight.
 */
final class NettyTransport implements Transport {

  private final Channel channel;
  private volatile boolean closeSent;

  NettyTransport(Channel channel) {
    this.channel = channel;
  }

  @Override
  public void sendBinary(ByteBuffer payload, SendCallback done) {
    send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload)), done); // wraps, never copies or writes to it
  }

  @Override
  public void sendText(String text, SendCallback done) {
    send(new TextWebSocketFrame(text), done);
  }

  private void send(WebSocketFrame frame, SendCallback done) {
    channel.writeAndFlush(frame).addListener(f -> {
      if (f.isSuccess()) {
        done.succeeded();
      } else {
        done.failed(f.cause());
      }
    });
  }

  /** Sends the close frame; the channel closes when the client's close frame answers it ({@link NettyFrames}). */
  @Override
  public void close(int code, String reason) {
    closeSent = true;
    channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
  }

  @Override
  public void abort() {
    channel.close();
  }

  /** True once the server started the close handshake. */
  boolean closeSent() {
    return closeSent;
  }
}
