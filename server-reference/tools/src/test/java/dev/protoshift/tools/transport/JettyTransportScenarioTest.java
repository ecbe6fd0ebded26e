package dev.protoshift.tools.transport;

import dev.protoshift.server.ReferenceServer;
import dev.protoshift.server.TestServers;
import java.nio.file.Path;

/** The transport scenario against the reference server: Jetty 12 ({@code dev.protoshift.server.jetty}). */
class JettyTransportScenarioTest extends TransportScenario {

  @Override
  ServerUnderTest start(Path configFile) throws Exception {
    ReferenceServer server = TestServers.start(TestServers.settings()
        .configFile(configFile)
        .decodeErrorLimit(DECODE_ERROR_LIMIT)
        .rooms(TestServers.settings().build().rooms().withTickRate(TICK_RATE_HZ).withWanderers(WANDERERS))
        .build());
    return new ServerUnderTest(server.gameUri(), server.sessions(), server.metrics()::scrape, server::close);
  }
}
