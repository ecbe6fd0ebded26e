package dev.protoshift.tools.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ReferenceClientTest {

  static final URI SERVER = URI.create("ws://127.0.0.1:8080/ws");

  @Test
  void uri_carriesRoomPlayerAndTheQueryVersion() {
    assertThat(ReferenceClient.options(SERVER, "lobby").uri()).hasToString("ws://127.0.0.1:8080/ws?room=lobby");
    assertThat(ReferenceClient.options(SERVER, "lobby").player("p 1").query("1.1.0").uri())
        .hasToString("ws://127.0.0.1:8080/ws?room=lobby&player=p+1&proto_version=1.1.0");
    assertThat(ReferenceClient.options(SERVER, "lobby").hello("1.1.0", true, null).uri())
        .hasToString("ws://127.0.0.1:8080/ws?room=lobby");
  }

  @Test
  void options_aDeclaringHandshakeNeedsAVersion() {
    ReferenceClient.Options legacy = ReferenceClient.options(SERVER, "r");
    assertThatThrownBy(() -> new ReferenceClient.Options(SERVER, "r", ReferenceClient.Handshake.QUERY, null, true, null,
        null, Backoff.DEFAULT)).hasMessageContaining("QUERY needs a version");
    assertThatThrownBy(() -> legacy.query("1.1")).hasMessageContaining("1.1");
  }

  @Test
  void peekType_readsTheLeadingTypeField() {
    assertThat(ReferenceClient.peekType("{\"type\":\"protocol_switch\",\"protocol\":\"json\"}")).contains("protocol_switch");
    assertThat(ReferenceClient.peekType("{ \"type\" : \"state\", \"tick\": 1}")).contains("state");
    assertThat(ReferenceClient.peekType("{\"tick\":1,\"type\":\"state\"}")).isEmpty();
    assertThat(ReferenceClient.peekType("not json")).isEmpty();
    assertThat(ReferenceClient.peekType("")).isEmpty();
  }
}
