package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.tools.loadtest.LoadSettings.Mix;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.ProtocolVersion;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadSettingsTest {

  private static final Optional<ProtocolVersion> V120 = Optional.of(ProtocolVersion.parse("1.2.0"));

  private static LoadSettings settings(int connections, int rooms, Mix mix, Optional<ProtocolVersion> version,
      ClientHandshake handshake) {
    return new LoadSettings(List.of(URI.create("ws://127.0.0.1:8080/ws")), connections, rooms, "load",
        Duration.ofSeconds(10), Duration.ofSeconds(2), mix, version, handshake, 1, Optional.empty(),
        Optional.empty(), Optional.empty(), Duration.ofSeconds(2), 1);
  }

  @Test
  void plan_mixed_alternatesProtocolsWithinEachRoom() {
    LoadSettings s = settings(8, 2, Mix.MIXED, V120, ClientHandshake.AUTO);
    List<ClientPlan> plans = IntStream.range(0, 8).mapToObj(s::plan).toList();
    for (String room : List.of("load-0", "load-1")) {
      List<Protocol> inRoom = plans.stream().filter(p -> p.room().equals(room)).map(ClientPlan::protocol).toList();
      assertThat(inRoom).containsExactly(Protocol.PROTOBUF, Protocol.JSON, Protocol.PROTOBUF, Protocol.JSON);
    }
  }

  @Test
  void plan_auto_protobufByQueryJsonWithVersionBySubprotocol() {
    LoadSettings s = settings(2, 1, Mix.MIXED, V120, ClientHandshake.AUTO);
    assertThat(s.plan(0).handshake()).contains(ClientHandshake.QUERY);
    assertThat(s.plan(1).handshake()).contains(ClientHandshake.SUBPROTOCOL);
    assertThat(s.plan(1).version()).isEqualTo(V120);
  }

  @Test
  void plan_legacyJson_declaresNothing() {
    LoadSettings s = settings(2, 1, Mix.JSON, Optional.empty(), ClientHandshake.AUTO);
    assertThat(s.plan(0).handshake()).isEmpty();
    assertThat(s.plan(0).version()).isEmpty();
  }

  @Test
  void plan_urlsRoundRobin() {
    LoadSettings s = new LoadSettings(List.of(URI.create("ws://a:1/ws"), URI.create("ws://b:2/ws")), 3, 1, "r",
        Duration.ofSeconds(1), Duration.ZERO, Mix.JSON, Optional.empty(), ClientHandshake.AUTO, 0, Optional.empty(),
        Optional.empty(), Optional.empty(), Duration.ofSeconds(1), 1);
    assertThat(IntStream.range(0, 3).map(i -> s.plan(i).urlIndex())).containsExactly(0, 1, 0);
  }

  @Test
  void settings_badValues_areRefusedNamingTheOption() {
    assertThatThrownBy(() -> settings(0, 1, Mix.JSON, V120, ClientHandshake.AUTO)).hasMessageContaining("--connections")
        .hasMessageContaining("was 0");
    assertThatThrownBy(() -> settings(5, 6, Mix.JSON, V120, ClientHandshake.AUTO)).hasMessageContaining("--rooms")
        .hasMessageContaining("was 6");
    assertThatThrownBy(() -> settings(5, 1, Mix.PROTOBUF, Optional.empty(), ClientHandshake.AUTO))
        .hasMessageContaining("needs a version");
    assertThatThrownBy(() -> settings(5, 1, Mix.MIXED, V120, ClientHandshake.QUERY))
        .hasMessageContaining("--handshake query declares protobuf support");
    assertThatThrownBy(() -> new LoadSettings(List.of(URI.create("http://x/ws")), 1, 1, "r", Duration.ofSeconds(1),
        Duration.ZERO, Mix.JSON, Optional.empty(), ClientHandshake.AUTO, 0, Optional.empty(), Optional.empty(),
        Optional.empty(), Duration.ofSeconds(1), 1)).hasMessageContaining("ws:// or wss://").hasMessageContaining("http://x/ws");
    assertThatThrownBy(() -> new LoadSettings(List.of(URI.create("ws://x/ws")), 1, 1, "r", Duration.ofSeconds(1),
        Duration.ZERO, Mix.JSON, Optional.empty(), ClientHandshake.AUTO, 0, Optional.empty(),
        Optional.of(URI.create("http://127.0.0.1:9090")), Optional.empty(), Duration.ofSeconds(1), 1))
        .hasMessageContaining("PROTOSHIFT_ADMIN_TOKEN");
    assertThatThrownBy(() -> new LoadSettings(List.of(URI.create("ws://x/ws")), 1, 1, "bad prefix!",
        Duration.ofSeconds(1), Duration.ZERO, Mix.JSON, Optional.empty(), ClientHandshake.AUTO, 0, Optional.empty(),
        Optional.empty(), Optional.empty(), Duration.ofSeconds(1), 1)).hasMessageContaining("\"bad prefix!\"");
  }

  @Test
  void handshake_protobufWithoutVersion_isRefused() {
    assertThatThrownBy(() -> ClientHandshake.HELLO.resolve(Protocol.PROTOBUF, Optional.empty()))
        .hasMessageContaining("must declare a version");
  }
}
