package dev.protoshift.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.server.ReferenceServer;
import dev.protoshift.server.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class FaultInjectionApiTest {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  static HttpResponse<String> call(ReferenceServer server, String method, String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.adminUri() + path))
        .header("Authorization", "Bearer " + TestServers.TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void put_withoutThePermission_is403_andChangesNothing() throws Exception {
    try (ReferenceServer server = TestServers.start(TestServers.settings().build())) {
      HttpResponse<String> r = call(server, "PUT", "/admin/fault-injection", "{\"inject_proto_errors\": 0.5}");

      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.body()).contains("start the server with --allow-fault-injection");
      assertThat(call(server, "GET", "/admin/fault-injection", null).body())
          .isEqualTo("{\"inject_proto_errors\":0.0,\"allowed\":false}");
    }
  }

  @Test
  void put_withThePermission_setsTheShare_andABadBodyIs400() throws Exception {
    try (ReferenceServer server = TestServers.start(TestServers.settings().allowFaultInjection(true).build())) {
      assertThat(call(server, "PUT", "/admin/fault-injection", "{\"inject_proto_errors\": 0.25}").statusCode())
          .isEqualTo(200);
      assertThat(call(server, "GET", "/admin/fault-injection", null).body()).contains("\"inject_proto_errors\":0.25");
      for (String bad : new String[] {"{\"inject_proto_errors\": 2}", "{\"inject_proto_errors\": \"lots\"}", "[]",
          "{\"share\": 0.1}", "not json"}) {
        HttpResponse<String> r = call(server, "PUT", "/admin/fault-injection", bad);
        assertThat(r.statusCode()).as(bad).isEqualTo(400);
        assertThat(r.body()).as(bad).contains("inject_proto_errors");
      }
      assertThat(call(server, "GET", "/admin/fault-injection", null).body()).contains("\"inject_proto_errors\":0.25");
    }
  }

  @Test
  void aQueryParameterGivenTwice_isRefusedNamingIt() throws Exception {
    try (ReferenceServer server = TestServers.start(TestServers.settings().build())) {
      HttpResponse<String> r = call(server, "GET", "/admin/readiness?window=1m&window=2m", null);

      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("query parameter window given 2 times; give it once");
    }
  }
}
