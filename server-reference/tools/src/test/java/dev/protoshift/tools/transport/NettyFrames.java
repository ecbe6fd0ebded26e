package dev.protoshift.tools.transport;

import dev.protoshift.session.Session;
import dev.protoshift.session.Upgrade;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * One game connection after the handshake: opens the protoshift session on it and feeds it every
 * frame. Netty calls a channel's handler on its event loop, one frame at a time, as the session
 * requires; whole messages come from the {@code WebSocketFrameAggregator} before it.
 */
final class NettyFrames extends SimpleChannelInboundHandler<WebSocketFrame> {

  private final Upgrade upgrade;
  private final NettyGameServer.Hooks hooks;
  private final String address;
  private NettyTransport transport;
  private Session session;
  private int closeCode = 1006; // no close frame: the connection dropped
  private String closeReason = "";

  NettyFrames(Upgrade upgrade, NettyGameServer.Hooks hooks, String address) {
    this.upgrade = upgrade;
    this.hooks = hooks;
    this.address = address;
  }

  /** The handshake response was written: the WebSocket is open. */
  void open(Channel channel) {
    transport = new NettyTransport(channel);
    session = upgrade.open(transport);
    hooks.opened(session, address);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (frame instanceof TextWebSocketFrame text) {
      session.onText(text.text());
    } else if (frame instanceof BinaryWebSocketFrame binary) {
      session.onBinary(binary.content().nioBuffer());
    } else if (frame instanceof PingWebSocketFrame) {
      ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
    } else if (frame instanceof CloseWebSocketFrame close) {
      closeCode = close.statusCode() < 0 ? 1005 : close.statusCode(); // 1005: the frame had no code
      closeReason = close.reasonText();
      if (transport.closeSent()) {
        ctx.close(); // the client answered the server's close
      } else {
        ctx.writeAndFlush(new CloseWebSocketFrame(closeCode == 1005 ? 1000 : closeCode, closeReason))
            .addListener(ChannelFutureListener.CLOSE);
      }
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (session != null) {
      session.onClosed(closeCode, closeReason);
      hooks.closed(session);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (session != null) {
      session.onError(cause);
    }
    ctx.close();
  }
}
