package dev.protoshift.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protoshift.operations.readiness.ReadinessText;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code protoshift-server readiness}: asks a running server's admin API ({@code GET
 * /admin/readiness}) whether JSON can be removed yet, prints the verdict and why, and exits 0
 * (ready), 1 (not yet) or 2 (the question could not be answered: no server, a wrong token, a bad
 * option).
 */
@Command(name = "readiness", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = ServerCommand.Version.class,
    description = {"Asks a running server whether JSON can be removed yet (GET /admin/readiness):",
        "the JSON share of connections and traffic over a window, by reason and client version, and the verdict."},
    footer = {"", "Exit codes: 0 ready, 1 not yet, 2 could not ask (no server, wrong token, bad option).",
        "The admin token: --admin-token-file FILE, else the environment variable PROTOSHIFT_ADMIN_TOKEN."})
public final class ReadinessCommand {

  /** Exit codes. */
  public static final int READY = 0;
  public static final int NOT_YET = 1;
  public static final int ERROR = 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--admin-url", paramLabel = "URL", description = "The server's admin base URL (default: ${DEFAULT-VALUE}).")
  URI adminUrl = URI.create("http://127.0.0.1:9090");

  @Option(names = "--admin-token-file", paramLabel = "FILE", description = "File whose first line is the admin token.")
  Path adminTokenFile;

  @Option(names = "--window", paramLabel = "DURATION", converter = DurationText.class,
      description = "The window to judge, e.g. 1h or 24h, at most the server's --readiness-retention (default: the server's, 1h).")
  Duration window;

  @Option(names = "--max-json-percent", paramLabel = "PERCENT",
      description = "JSON share of connections and of traffic still called ready, 0..100 (default: the server's, 0.1).")
  BigDecimal maxJsonPercent;

  @Option(names = "--json", description = "Print the server's JSON answer instead of the text report.")
  boolean json;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationText.class,
      description = "How long to wait for the server (default: 10s).")
  Duration timeout = Duration.ofSeconds(10);

  /**
   * Asks and prints (what {@code Main} runs for the subcommand, with {@code System.getenv()}).
   *
   * @param env where {@code PROTOSHIFT_ADMIN_TOKEN} is read when no token file is given
   * @return {@link #READY}, {@link #NOT_YET} or {@link #ERROR}
   */
  public int run(Map<String, String> env, PrintWriter out, PrintWriter err) {
    try {
      String token = token(env);
      URI uri = uri();
      HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
          .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        err.println("protoshift-server readiness: GET " + uri + " answered " + response.statusCode() + ": "
            + message(response.body()));
        return ERROR;
      }
      JsonNode report = JSON.readTree(response.body());
      String verdict = report.path("verdict").asText();
      if (!verdict.equals("ready") && !verdict.equals("not_yet")) {
        err.println("protoshift-server readiness: " + uri + " answered without a verdict: " + response.body());
        return ERROR;
      }
      if (json) {
        out.println(response.body());
        out.flush();
      } else {
        ReadinessText.print(report, out);
      }
      return verdict.equals("ready") ? READY : NOT_YET;
    } catch (IllegalArgumentException | IOException e) {
      err.println("protoshift-server readiness: " + e.getMessage());
      return ERROR;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("protoshift-server readiness: interrupted");
      return ERROR;
    }
  }

  private String token(Map<String, String> env) throws IOException {
    if (adminTokenFile != null) {
      String first;
      try {
        first = Files.readString(adminTokenFile, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
      } catch (IOException e) {
        throw new IOException("cannot read the admin token file " + adminTokenFile.toAbsolutePath() + ": " + e, e);
      }
      if (first.isEmpty()) {
        throw new IllegalArgumentException("the admin token file " + adminTokenFile.toAbsolutePath() + " is empty");
      }
      return first;
    }
    String fromEnv = env.get("PROTOSHIFT_ADMIN_TOKEN");
    if (fromEnv == null || fromEnv.isBlank()) {
      throw new IllegalArgumentException("needs the admin token: --admin-token-file FILE or the environment"
          + " variable PROTOSHIFT_ADMIN_TOKEN (the file the server's banner names)");
    }
    return fromEnv.strip();
  }

  private URI uri() {
    String scheme = adminUrl.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || adminUrl.getHost() == null) {
      throw new IllegalArgumentException("--admin-url must be an http:// or https:// URL such as http://127.0.0.1:9090,"
          + " was \"" + adminUrl + "\"");
    }
    List<String> query = new ArrayList<>();
    if (window != null) {
      query.add("window=" + URLEncoder.encode(window.toString(), StandardCharsets.UTF_8));
    }
    if (maxJsonPercent != null) {
      query.add("max_json_percent=" + URLEncoder.encode(maxJsonPercent.toPlainString(), StandardCharsets.UTF_8));
    }
    String base = adminUrl.toString().replaceAll("/+$", "");
    return URI.create(base + "/admin/readiness" + (query.isEmpty() ? "" : "?" + String.join("&", query)));
  }

  private static String message(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      return n.path("message").asText(body);
    } catch (IOException e) {
      return body;
    }
  }
}
