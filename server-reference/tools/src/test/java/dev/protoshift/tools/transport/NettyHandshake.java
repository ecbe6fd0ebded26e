package dev.protoshift.tools.transport;

import dev.protoshift.server.game.Rooms;
import dev.protoshift.session.ConnectionIds;
import dev.protoshift.session.Sessions;
import dev.protoshift.session.Upgrade;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The HTTP side of a game connection on {@code /ws?room=R}: checks what only HTTP can answer
 * (path, upgrade, room) with a plain HTTP error, lets protoshift negotiate from the raw query and
 * the offered {@code Sec-WebSocket-Protocol}s, completes the handshake selecting exactly the
 * subprotocol protoshift chose (or none), then hands the channel to {@link NettyFrames}.
 */
final class NettyHandshake extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final AtomicLong IDS = new AtomicLong();
  private static final Pattern PLAYER_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

  private final Sessions<?> sessions;
  private final NettyGameServer.Hooks hooks;
  private final int maxMessageBytes;

  NettyHandshake(Sessions<?> sessions, NettyGameServer.Hooks hooks, int maxMessageBytes) {
    this.sessions = sessions;
    this.hooks = hooks;
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    if (!uri.path().equals("/ws")) {
      refuse(ctx, HttpResponseStatus.NOT_FOUND, "nothing at " + uri.path() + "; the game endpoint is /ws?room=ROOM");
      return;
    }
    if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
      refuse(ctx, HttpResponseStatus.UPGRADE_REQUIRED, "/ws is a WebSocket endpoint: send an upgrade request");
      return;
    }
    String room;
    String player;
    try {
      room = Rooms.requireRoomId(single(uri, "room"));
      player = single(uri, "player");
      if (player != null && !PLAYER_ID.matcher(player).matches()) {
        throw new IllegalArgumentException("player must be 1-128 characters of A-Z a-z 0-9 _ . : -");
      }
    } catch (IllegalArgumentException e) {
      refuse(ctx, HttpResponseStatus.BAD_REQUEST, e.getMessage());
      return;
    }
    int q = request.uri().indexOf('?');
    Upgrade upgrade = sessions.upgrade(q < 0 ? null : request.uri().substring(q + 1),
        request.headers().getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL),
        new ConnectionIds(room, player, "netty-" + IDS.incrementAndGet()));
    WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
        "ws://" + request.headers().get(HttpHeaderNames.HOST) + "/ws", upgrade.subprotocol().orElse(null), false,
        maxMessageBytes).newHandshaker(request);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel()).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    String address = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
    try {
      handshaker.handshake(ctx.channel(), request).addListener(done -> {
        if (!done.isSuccess()) {
          ctx.close();
          return;
        }
        // The 101 is written and this pipeline speaks WebSocket frames: whole messages go to the session.
        NettyFrames frames = new NettyFrames(upgrade, hooks, address);
        ctx.pipeline().addLast(new WebSocketFrameAggregator(maxMessageBytes), frames).remove(this);
        frames.open(ctx.channel());
      });
    } catch (WebSocketHandshakeException e) {
      refuse(ctx, HttpResponseStatus.BAD_REQUEST, e.getMessage());
    }
  }

  private static String single(QueryStringDecoder uri, String key) {
    List<String> values = uri.parameters().get(key);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new IllegalArgumentException("query parameter " + key + " given " + values.size() + " times; give it once");
    }
    return values.get(0);
  }

  private static void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String message) {
    DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        Unpooled.copiedBuffer(message + "\n", StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
