package dev.protoshift.tools.transport;

import dev.protoshift.session.Session;
import dev.protoshift.session.Sessions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * A game server's WebSocket endpoint on Netty 4.2 over protoshift's {@link Sessions}: the second
 * transport that shows the session library neutral. HTTP on each connection goes through {@link
 * NettyHandshake}, frames through {@link NettyFrames}, sends through {@link NettyTransport}.
 */
final class NettyGameServer implements AutoCloseable {

  /** What the game does when a connection opens and closes. */
  interface Hooks {
    /** The WebSocket is open; seat the session (an accepted one) in its room. */
    void opened(Session session, String address);

    /** The connection ended. */
    void closed(Session session);
  }

  private final EventLoopGroup loops;
  private final Channel listener;

  private NettyGameServer(EventLoopGroup loops, Channel listener) {
    this.loops = loops;
    this.listener = listener;
  }

  /**
   * Listens on {@code address} (port 0: any free one).
   *
   * @param maxMessageBytes the largest request head and WebSocket message a client may send
   * @throws InterruptedException if interrupted while binding
   */
  static NettyGameServer start(InetSocketAddress address, Sessions<?> sessions, Hooks hooks, int maxMessageBytes)
      throws InterruptedException {
    EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    try {
      Channel listener = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(maxMessageBytes),
                  new NettyHandshake(sessions, hooks, maxMessageBytes));
            }
          }).bind(address).sync().channel();
      return new NettyGameServer(loops, listener);
    } catch (InterruptedException | RuntimeException e) {
      loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
  }

  /** {@code ws://HOST:PORT/ws} of the bound address. */
  URI gameUri() {
    InetSocketAddress bound = (InetSocketAddress) listener.localAddress();
    return URI.create("ws://" + bound.getAddress().getHostAddress() + ":" + bound.getPort() + "/ws");
  }

  /** Stops listening and closes every connection. */
  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
