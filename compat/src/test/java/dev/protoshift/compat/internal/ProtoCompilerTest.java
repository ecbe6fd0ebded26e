package dev.protoshift.compat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtoCompilerTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve("src").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void compile_importsAndWellKnownTypes_resolve() throws Exception {
    write("a/a.proto", "syntax = \"proto3\"; package a; message A {}");
    write("b.proto", "syntax = \"proto3\"; package b; import \"a/a.proto\"; import \"google/protobuf/any.proto\";"
        + " message B { a.A a = 1; google.protobuf.Any any = 2; }");

    var set = Fixtures.compiler().compile(dir.resolve("src"), List.of());

    assertThat(set.getFileList()).extracting(f -> f.getName())
        .containsExactlyInAnyOrder("a/a.proto", "b.proto", "google/protobuf/any.proto");
    assertThat(set.getFile(0).hasSourceCodeInfo()).isTrue();
  }

  @Test
  void compile_error_carriesProtocsMessageWithRelativePaths() throws Exception {
    write("x/bad.proto", "syntax = \"proto3\";\nmessage X { int32 a = 1 }\n");

    assertThatThrownBy(() -> Fixtures.compiler().compile(dir.resolve("src"), List.of()))
        .isInstanceOf(ProtoCompiler.CompileException.class)
        .hasMessageStartingWith("x/bad.proto:2:25:")
        .hasMessageNotContaining(dir.toString());
  }

  @Test
  void compile_noProtoFiles_isACompileError() throws Exception {
    Files.createDirectories(dir.resolve("src"));

    assertThatThrownBy(() -> Fixtures.compiler().compile(dir.resolve("src"), List.of()))
        .isInstanceOf(ProtoCompiler.CompileException.class).hasMessageStartingWith("no .proto files under");
  }

  @Test
  void protoc_fromTheRemoteRepository_isVerifiedAndCached() throws Exception {
    byte[] realProtoc = Files.readAllBytes(Fixtures.compiler().protoc());
    String name = "com/google/protobuf/protoc/" + ProtoCompiler.PROTOC_VERSION + "/protoc-"
        + ProtoCompiler.PROTOC_VERSION + "-" + ProtoCompiler.classifier() + ".exe";
    AtomicInteger downloads = new AtomicInteger();
    HttpServer server = serve(Map.of("/" + name, realProtoc,
        "/" + name + ".sha1", (sha1(realProtoc) + "  protoc.exe\n").getBytes(StandardCharsets.US_ASCII)), downloads);
    try {
      ProtoCompiler compiler = new ProtoCompiler(dir.resolve("cache"), null, dir.resolve("empty-m2"),
          "http://127.0.0.1:" + server.getAddress().getPort() + "/");

      Path protoc = compiler.protoc();
      Path again = compiler.protoc();

      assertThat(protoc).startsWith(dir.resolve("cache")).isExecutable().isEqualTo(again);
      assertThat(downloads.get()).isEqualTo(2); // the binary and its .sha1, once
    } finally {
      server.stop(0);
    }
  }

  @Test
  void protoc_withAWrongChecksum_isRejected() throws Exception {
    String name = "com/google/protobuf/protoc/" + ProtoCompiler.PROTOC_VERSION + "/protoc-"
        + ProtoCompiler.PROTOC_VERSION + "-" + ProtoCompiler.classifier() + ".exe";
    HttpServer server = serve(Map.of("/" + name, "not protoc".getBytes(StandardCharsets.US_ASCII),
        "/" + name + ".sha1", "0000000000000000000000000000000000000000".getBytes(StandardCharsets.US_ASCII)),
        new AtomicInteger());
    try {
      ProtoCompiler compiler = new ProtoCompiler(dir.resolve("cache"), null, dir.resolve("empty-m2"),
          "http://127.0.0.1:" + server.getAddress().getPort());

      assertThatThrownBy(compiler::protoc).isInstanceOf(IOException.class).hasMessageContaining("has SHA-1")
          .hasMessageContaining("expected 0000000000000000000000000000000000000000");
      assertThat(dir.resolve("cache/protoc/" + ProtoCompiler.PROTOC_VERSION)).isEmptyDirectory();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void protoc_missingEverywhere_saysHowToWorkOffline() throws Exception {
    HttpServer server = serve(Map.of(), new AtomicInteger());
    try {
      ProtoCompiler compiler = new ProtoCompiler(dir.resolve("cache"), null, dir.resolve("empty-m2"),
          "http://127.0.0.1:" + server.getAddress().getPort());

      assertThatThrownBy(compiler::protoc).hasMessageContaining("HTTP 404").hasMessageContaining("PROTOSHIFT_PROTOC");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void protoc_explicitPathThatIsNotExecutable_isRejected() {
    ProtoCompiler compiler = new ProtoCompiler(dir, dir.resolve("no-such-protoc"), dir, "http://127.0.0.1:9");

    assertThatThrownBy(compiler::protoc).hasMessageContaining("no-such-protoc is not an executable file");
  }

  private static HttpServer serve(Map<String, byte[]> files, AtomicInteger hits) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = files.get(exchange.getRequestURI().getPath());
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        hits.incrementAndGet();
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    return server;
  }

  private static String sha1(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
  }
}
