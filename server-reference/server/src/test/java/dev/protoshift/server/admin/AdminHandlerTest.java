package dev.protoshift.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.server.ReferenceServer;
import dev.protoshift.server.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminHandlerTest {

  static ReferenceServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.start(TestServers.settings().build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.adminUri() + path));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthzAndReadyz_needNoToken() throws Exception {
    assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
    HttpResponse<String> ready = get("/readyz", null);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"ready\"");
  }

  @Test
  void metrics_withoutToken_isRefusedWith401AndAChallenge() throws Exception {
    HttpResponse<String> r = get("/metrics", null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(r.body()).doesNotContain("protoshift_");
  }

  @Test
  void metrics_withWrongToken_isRefused() throws Exception {
    assertThat(get("/metrics", "Bearer " + TestServers.TOKEN + "x").statusCode()).isEqualTo(401);
    assertThat(get("/metrics", "Basic " + TestServers.TOKEN).statusCode()).isEqualTo(401);
    assertThat(get("/metrics", "Bearer").statusCode()).isEqualTo(401);
  }

  @Test
  void metrics_withToken_isPrometheusText() throws Exception {
    HttpResponse<String> r = get("/metrics", "Bearer " + TestServers.TOKEN);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(r.body()).contains("# TYPE protoshift_room_tick_seconds histogram");
  }

  @Test
  void unknownPath_is404_andWrongMethod_is405() throws Exception {
    assertThat(get("/nope", "Bearer " + TestServers.TOKEN).statusCode()).isEqualTo(404);
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(server.adminUri() + "/metrics"))
        .header("Authorization", "Bearer " + TestServers.TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET");
  }

  @Test
  void withoutAToken_knownAndUnknownRoutesLookAlike() throws Exception {
    HttpResponse<String> known = get("/admin/rollout", null);
    HttpResponse<String> unknown = get("/admin/nope", null);

    assertThat(known.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).isEqualTo(known.body());
  }

  @Test
  void anOversizedBodyWithoutAToken_is401_notTheBodysSize() throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.adminPort())) {
      socket.getOutputStream().write(("PUT /admin/rollout HTTP/1.1\r\nHost: x\r\nContent-Length: "
          + (dev.protoshift.operations.admin.AdminApi.MAX_BODY + 10) + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

      assertThat(response).startsWith("HTTP/1.1 401");
    }
  }

  @Test
  void twoAuthorizationHeaders_areRefusedAsAmbiguous() throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.adminPort())) {
      socket.getOutputStream().write(("GET /metrics HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer wrong-token-123456789\r\n"
          + "Authorization: Bearer " + TestServers.TOKEN + "\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

      assertThat(response).startsWith("HTTP/1.1 400").contains("more than one Authorization header");
    }
  }
}
