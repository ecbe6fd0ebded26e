package com.example.arena;

import dev.protoshift.session.Transport;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.ByteBuffer;

// doc:start glue-transport
/** protoshift's Transport over a Netty channel, after the WebSocket handshake: the whole adapter. */
record NettyTransport(Channel channel) implements Transport {

  @Override
  public void sendBinary(ByteBuffer payload, SendCallback done) {
    send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload)), done); // wraps: the bytes are shared
  }

  @Override
  public void sendText(String text, SendCallback done) {
    send(new TextWebSocketFrame(text), done);
  }

  @Override
  public void close(int code, String reason) {
    channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void abort() {
    channel.close();
  }

  private void send(WebSocketFrame frame, SendCallback done) {
    channel.writeAndFlush(frame).addListener(sent -> {
      if (sent.isSuccess()) {
        done.succeeded();
      } else {
        done.failed(sent.cause());
      }
    });
  }
}
// doc:end
