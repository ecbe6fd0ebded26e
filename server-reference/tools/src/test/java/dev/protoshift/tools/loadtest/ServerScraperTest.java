package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerScraperTest {

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicReference<String> body = new AtomicReference<>();

  @BeforeEach
  void start() throws IOException {
    body.set(MetricsWindowTest.fixture("start.txt"));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/metrics", exchange -> {
      requests.incrementAndGet();
      boolean ok = "Bearer s3cret-token-0123456789".equals(exchange.getRequestHeaders().getFirst("Authorization"));
      byte[] out = (ok ? body.get() : "{\"error\":\"missing or wrong bearer token\"}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(ok ? 200 : 401, out.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(out);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI admin() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void startThenFinish_givesTheFiguresOfTheWindow() throws IOException {
    try (ServerScraper scraper = new ServerScraper(admin(), "s3cret-token-0123456789", Duration.ofSeconds(30))) {
      scraper.start();
      body.set(MetricsWindowTest.fixture("end.txt"));
      ServerFigures f = scraper.finish();
      assertThat(f.metricsUrl()).isEqualTo(admin() + "/metrics");
      assertThat(f.protocol("protobuf").orElseThrow().encodes()).isEqualTo(1000);
      assertThat(f.protocolSwitches()).isEqualTo(3);
      assertThat(requests.get()).isEqualTo(2);
    }
  }

  @Test
  void periodicScrapes_happenDuringTheWindow() throws Exception {
    try (ServerScraper scraper = new ServerScraper(admin(), "s3cret-token-0123456789", Duration.ofMillis(50))) {
      scraper.start();
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> requests.get() >= 4);
      scraper.finish();
      assertThat(scraper.failures()).isZero();
    }
  }

  @Test
  void start_wrongToken_saysSo() {
    ServerScraper scraper = new ServerScraper(admin(), "wrong", Duration.ofSeconds(1));
    assertThatThrownBy(scraper::start)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("HTTP 401 (wrong or missing admin token)")
        .hasMessageContaining("/metrics");
  }

  @Test
  void start_nothingListening_namesTheUrl() throws IOException {
    server.stop(0);
    ServerScraper scraper = new ServerScraper(admin(), "t", Duration.ofSeconds(1));
    assertThatThrownBy(scraper::start).isInstanceOf(IOException.class).hasMessageContaining("cannot read " + admin());
  }

  @Test
  void start_notPrometheusText_saysSo() {
    body.set("<html>hello</html>\n");
    ServerScraper scraper = new ServerScraper(admin(), "s3cret-token-0123456789", Duration.ofSeconds(1));
    assertThatThrownBy(scraper::start).hasMessageContaining("did not answer Prometheus text");
  }
}
