package dev.protoshift.tools.transport;

import dev.protoshift.server.game.RoomSettings;
import dev.protoshift.session.SessionLimits;
import java.nio.file.Path;

/** The transport scenario against the same game on Netty 4.2 ({@link NettyReferenceServer}). */
class NettyTransportScenarioTest extends TransportScenario {

  @Override
  ServerUnderTest start(Path configFile) throws Exception {
    SessionLimits limits = SessionLimits.DEFAULTS.withDecodeErrors(DECODE_ERROR_LIMIT,
        SessionLimits.DEFAULTS.decodeErrorWindow());
    NettyReferenceServer server = NettyReferenceServer.start(configFile, limits,
        RoomSettings.DEFAULTS.withTickRate(TICK_RATE_HZ).withWanderers(WANDERERS));
    return new ServerUnderTest(server.gameUri(), server.sessions(), server.metrics()::scrape, server::close);
  }
}
