package com.example.arena;

import static io.netty.handler.codec.http.HttpHeaderNames.HOST;
import static io.netty.handler.codec.http.HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL;

import com.example.arena.v1.ArenaMessage;
import com.example.arena.v1.Input;
import com.example.arena.v1.Problem;
import com.example.arena.v1.State;
import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.session.ConnectionIds;
import dev.protoshift.session.RoomFanout;
import dev.protoshift.session.Session;
import dev.protoshift.session.SessionLimits;
import dev.protoshift.session.Sessions;
import dev.protoshift.session.Upgrade;
import dev.protoshift.session.micrometer.MicrometerSessionMetrics;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The arena's game server on Netty 4.2, as a team that adopts protoshift writes it: Netty's HTTP
 * codec and WebSocket handshaker, protoshift's {@link Sessions} for everything about protocols, and
 * one room whose tick broadcasts the board. The regions "glue-..." are the lines protoshift costs
 * the team (docs/integrate.md counts them); {@link Board} is the game, which knows nothing of it.
 */
final class ArenaServer implements AutoCloseable {

  private final Board board = new Board();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicLong tick = new AtomicLong();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
  private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  private final RolloutConfigHolder rollout;
  private final MicrometerSessionMetrics metrics;
  private final Sessions<Input> sessions;
  private final RoomFanout<State> room;
  private final Channel listener;

  /**
   * Starts the server on 127.0.0.1:{@code port} (0: any free port).
   *
   * @param rolloutFile the rollout config (YAML, hot-reloaded): protobuf's share, and its kill switch
   * @param registry where the metrics go (a Prometheus registry in production)
   */
  ArenaServer(int port, Path rolloutFile, MeterRegistry registry, Duration tickPeriod) throws InterruptedException {
    // doc:start glue-sessions
    rollout = RolloutConfigHolder.builder().watchFile(rolloutFile).pollInterval(Duration.ofMillis(100)).build();
    metrics = MicrometerSessionMetrics.on(registry);
    metrics.bindRollout(rollout);
    sessions = Sessions.builder(ArenaProtocol.CHAIN, ArenaServer::decodeInput, ArenaServer::encodeError)
        .rollout(rollout) // every change re-decides live connections: the kill switch is `enabled: false`
        .metrics(metrics)
        .limits(SessionLimits.DEFAULTS.withDecodeErrors(3, Duration.ofSeconds(10))) // the 4th bad frame: JSON
        .onMessage((session, input) -> board.turn(session.ids().connection(), input.getTurn()))
        .messageType(input -> "input")
        .build();
    room = sessions.room(ArenaProtocol.STATES, "state");
    ticker.scheduleAtFixedRate(() -> {
      long next = tick.incrementAndGet();
      room.broadcast(next, board.step(next));
    }, 0, tickPeriod.toNanos(), TimeUnit.NANOSECONDS);
    // doc:end
    listener = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192), new Connection());
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", port)).sync().channel();
  }

  // doc:start glue-decode
  /** A client's frame: an input, or a DecodeException the session answers with an error. */
  static Input decodeInput(byte[] frame, Cohort cohort) throws DecodeException {
    ArenaMessage message = ArenaProtocol.CODEC.decode(frame, cohort).build();
    if (!message.hasInput()) {
      throw DecodeException.unexpected("clients send input, not " + message.getPayloadCase());
    }
    return message.getInput();
  }

  static byte[] encodeError(String code, String text, Cohort cohort) {
    return ArenaProtocol.CODEC.encode(
        ArenaMessage.newBuilder().setError(Problem.newBuilder().setCode(code).setMessage(text)), cohort);
  }
  // doc:end

  // doc:start glue-netty
  /** One connection: its HTTP upgrade, then its WebSocket frames, each handed to its protoshift session. */
  private final class Connection extends SimpleChannelInboundHandler<Object> {
    private final String id = "snake-" + ids.incrementAndGet();
    private WebSocketServerHandshaker handshaker;
    private Session session;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object message) {
      if (message instanceof FullHttpRequest request) {
        upgrade(ctx, request);
      } else if (message instanceof TextWebSocketFrame text) {
        session.onText(text.text());
      } else if (message instanceof BinaryWebSocketFrame binary) {
        session.onBinary(binary.content().nioBuffer());
      } else if (message instanceof PingWebSocketFrame ping) {
        ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
      } else if (message instanceof CloseWebSocketFrame close) {
        session.onClosed(close.statusCode(), close.reasonText());
        handshaker.close(ctx.channel(), close.retain());
      }
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
      // ?proto_version=1.0.0, or Sec-WebSocket-Protocol offers, or neither (legacy JSON, maybe a hello)
      Upgrade upgrade = sessions.upgrade(new QueryStringDecoder(request.uri()).rawQuery(),
          request.headers().getAll(SEC_WEBSOCKET_PROTOCOL), new ConnectionIds("arena", null, id));
      handshaker = new WebSocketServerHandshakerFactory("ws://" + request.headers().get(HOST) + "/ws",
          upgrade.subprotocol().orElse(null), false).newHandshaker(request); // selects protoshift's choice
      if (handshaker == null) {
        WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
        return;
      }
      handshaker.handshake(ctx.channel(), request).addListener(done -> {
        if (done.isSuccess()) {
          ctx.pipeline().addBefore(ctx.name(), null, new WebSocketFrameAggregator(8192));
          session = upgrade.open(new NettyTransport(ctx.channel())); // a refused handshake says why, closes
          if (upgrade.accepted()) {
            board.add(id);
            room.add(session, id);
          }
        }
      });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (session != null) {
        session.onClosed(1006, "connection lost"); // nothing happens if it was closed already
        board.remove(id);
      }
    }
  }
  // doc:end

  /** The port the server listens on. */
  int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /** The rollout config in force and its layers: an admin endpoint of yours calls it. */
  RolloutConfigHolder rollout() {
    return rollout;
  }

  /** The open connections. */
  Sessions<Input> sessions() {
    return sessions;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    listener.close().syncUninterruptibly();
    loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    sessions.close();
    rollout.close();
    metrics.close();
  }
}
