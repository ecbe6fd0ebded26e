package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.ExtensionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Compiles a directory of {@code .proto} files to a self-contained descriptor set (imports and
 * source info included) with protoc {@value #PROTOC_VERSION}, without the user installing protoc.
 *
 * <p>protoc is found, in this order: the file named by {@code $PROTOSHIFT_PROTOC}; the cache
 * ({@code $PROTOSHIFT_CACHE}, default {@code ~/.cache/protoshift}); the local Maven repository
 * ({@code com/google/protobuf/protoc/<v>/protoc-<v>-<os>-<arch>.exe}, which a Maven build with
 * the protobuf plugin has fetched); Maven Central ({@code $PROTOSHIFT_MAVEN_REPO} overrides the
 * URL). A copy from the repository or Central is checked against the repository's SHA-1 before it
 * is cached and made executable. The well-known imports ({@code google/protobuf/*.proto}) come
 * from the protobuf-java jar on the class path, and {@code protoshift/options.proto} (for {@code
 * option (protoshift.protocol_version)}) from this module's resources; a schema's own copy of
 * either wins, as the last import path.
 */
public final class ProtoCompiler {

  public static final String PROTOC_VERSION = "4.36.2";
  private static final String CENTRAL = "https://repo.maven.apache.org/maven2";
  private static final List<String> WELL_KNOWN = List.of("any", "api", "descriptor", "duration", "empty",
      "field_mask", "java_features", "source_context", "struct", "timestamp", "type", "wrappers");

  /** protoc refused the input: {@link #getMessage()} is protoc's own output. */
  public static final class CompileException extends Exception {
    private static final long serialVersionUID = 1L;

    public CompileException(String message) {
      super(message);
    }
  }

  private final Path cache;
  private final Path explicitProtoc;
  private final Path localRepository;
  private final String remoteRepository;

  /**
   * A compiler with explicit places to look.
   *
   * @param cache where protoc and the well-known imports are kept
   * @param explicitProtoc a protoc binary to use as it is, or null
   * @param localRepository a Maven repository directory to look in first
   * @param remoteRepository the Maven repository URL to download from
   */
  public ProtoCompiler(Path cache, Path explicitProtoc, Path localRepository, String remoteRepository) {
    this.cache = cache;
    this.explicitProtoc = explicitProtoc;
    this.localRepository = localRepository;
    this.remoteRepository = remoteRepository.replaceAll("/+$", "");
  }

  /** A compiler with the default places, except the cache directory. */
  public ProtoCompiler(Path cache) {
    this(cache, envPath("PROTOSHIFT_PROTOC"), localRepository(),
        System.getenv().getOrDefault("PROTOSHIFT_MAVEN_REPO", CENTRAL));
  }

  /** A compiler caching protoc under {@code $PROTOSHIFT_CACHE}, or {@code ~/.cache/protoshift}. */
  public static ProtoCompiler withDefaultCache() {
    Path env = envPath("PROTOSHIFT_CACHE");
    return new ProtoCompiler(env != null ? env : Path.of(System.getProperty("user.home"), ".cache", "protoshift"));
  }

  private static Path envPath(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? null : Path.of(value);
  }

  /**
   * Compiles every {@code .proto} file under {@code root} (imports resolved inside it, then in
   * {@code includes}, then among the well-known types).
   *
   * @throws CompileException with protoc's message if the files do not compile, or if there are none
   * @throws IOException if protoc cannot be found, fetched or run
   */
  public FileDescriptorSet compile(Path root, List<Path> includes) throws CompileException, IOException {
    return FileDescriptorSet.parseFrom(compileToBytes(root, includes), ExtensionRegistry.getEmptyRegistry());
  }

  /**
   * Like {@link #compile}, but returns the serialized descriptor set.
   *
   * @throws CompileException with protoc's message if the files do not compile, or if there are none
   * @throws IOException if protoc cannot be found, fetched or run
   */
  public byte[] compileToBytes(Path root, List<Path> includes) throws CompileException, IOException {
    List<String> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".proto") && !Files.isDirectory(p))
          .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
    for (String file : files) {
      // protoc would block on a FIFO and read a device forever.
      String problem = RegularFiles.problem(root.resolve(file));
      if (problem != null) {
        throw new CompileException(file + ": " + problem);
      }
    }
    if (files.isEmpty()) {
      throw new CompileException("no .proto files under " + root);
    }
    Path protoc = protoc();
    Path wellKnown = wellKnownImports();
    Path work = Files.createTempDirectory("protoshift-protoc");
    try {
      Path out = work.resolve("set.binpb");
      List<String> args = new ArrayList<>(List.of("--include_imports", "--include_source_info", "--retain_options",
          "--proto_path=" + root.toAbsolutePath()));
      includes.forEach(i -> args.add("--proto_path=" + i.toAbsolutePath()));
      args.add("--proto_path=" + wellKnown.toAbsolutePath());
      args.add("--descriptor_set_out=" + out.toAbsolutePath());
      args.addAll(files);
      Path argFile = work.resolve("args.txt");
      Files.write(argFile, args, StandardCharsets.UTF_8);
      Process process = new ProcessBuilder(protoc.toString(), "@" + argFile.toAbsolutePath())
          .directory(root.toFile()).redirectErrorStream(true).start();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException("protoc did not finish within 5 minutes on " + root);
      }
      if (process.exitValue() != 0) {
        // protoc names files by their place on disk; name them relative to the root instead.
        String relative = output.replace(root.toAbsolutePath() + java.io.File.separator, "");
        throw new CompileException(relative.isEmpty() ? "protoc failed on " + root : relative);
      }
      return Files.readAllBytes(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while compiling " + root, e);
    } finally {
      deleteTree(work);
    }
  }

  /**
   * The protoc executable, fetched and cached if needed.
   *
   * @throws IOException naming where it looked if protoc cannot be had
   */
  public Path protoc() throws IOException {
    if (explicitProtoc != null) {
      if (!Files.isExecutable(explicitProtoc)) {
        throw new IOException("PROTOSHIFT_PROTOC=" + explicitProtoc + " is not an executable file");
      }
      return explicitProtoc;
    }
    String classifier = classifier();
    String name = "protoc-" + PROTOC_VERSION + "-" + classifier + ".exe";
    Path cached = cache.resolve("protoc").resolve(PROTOC_VERSION).resolve(name);
    if (Files.isExecutable(cached)) {
      return cached;
    }
    Files.createDirectories(cached.getParent());
    String relative = "com/google/protobuf/protoc/" + PROTOC_VERSION + "/" + name;
    Path local = localRepository.resolve(relative);
    byte[] bytes = null;
    if (Files.isRegularFile(local)) {
      bytes = Files.readAllBytes(local);
      Path sha = local.resolveSibling(name + ".sha1");
      if (Files.isRegularFile(sha) && !sha1(bytes).equals(firstWord(Files.readString(sha)))) {
        bytes = null; // a corrupt local copy: fetch a good one
      }
    }
    if (bytes == null) {
      bytes = download(relative);
    }
    Path tmp = Files.createTempFile(cached.getParent(), "protoc", ".tmp");
    Files.write(tmp, bytes);
    if (!tmp.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + tmp + " executable");
    }
    Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return cached;
  }

  private byte[] download(String relative) throws IOException {
    String repo = remoteRepository;
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    try {
      byte[] exe = get(client, repo + "/" + relative);
      String expected = firstWord(new String(get(client, repo + "/" + relative + ".sha1"), StandardCharsets.US_ASCII));
      String actual = sha1(exe);
      if (!actual.equals(expected)) {
        throw new IOException("protoc from " + repo + "/" + relative + " has SHA-1 " + actual + ", expected " + expected);
      }
      return exe;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading protoc", e);
    }
  }

  private static byte[] get(HttpClient client, String url) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("cannot fetch protoc: " + url + " answered HTTP " + response.statusCode()
          + " (set PROTOSHIFT_PROTOC to a protoc " + PROTOC_VERSION + " binary to work offline)");
    }
    return response.body();
  }

  /** The well-known {@code google/protobuf/*.proto} files, extracted from protobuf-java once. */
  Path wellKnownImports() throws IOException {
    Path dir = cache.resolve("include").resolve(PROTOC_VERSION);
    Path marker = dir.resolve(".complete");
    writeOptionsProto(dir);
    if (Files.exists(marker)) {
      return dir;
    }
    Files.createDirectories(dir.resolve("google/protobuf"));
    for (String name : WELL_KNOWN) {
      String resource = "google/protobuf/" + name + ".proto";
      try (InputStream in = ProtoCompiler.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("protobuf-java on the class path lacks " + resource);
        }
        Path tmp = Files.createTempFile(dir.resolve("google/protobuf"), name, ".tmp");
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, dir.resolve(resource), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    Files.writeString(marker, PROTOC_VERSION);
    return dir;
  }

  /** protoshift's own options, so a schema can declare its protocol_version without vendoring them. */
  private static void writeOptionsProto(Path dir) throws IOException {
    byte[] options;
    try (InputStream in = ProtoCompiler.class.getResourceAsStream("/dev/protoshift/compat/include/protoshift/options.proto")) {
      if (in == null) {
        throw new IOException("protoshift-compat lacks its copy of protoshift/options.proto");
      }
      options = in.readAllBytes();
    }
    Path target = dir.resolve("protoshift/options.proto");
    if (Files.isRegularFile(target) && java.util.Arrays.equals(Files.readAllBytes(target), options)) {
      return;
    }
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), "options", ".tmp");
    Files.write(tmp, options);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Maven's classifier for this machine, e.g. {@code linux-x86_64}. */
  static String classifier() throws IOException {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "osx"
        : os.contains("windows") ? "windows" : null;
    String a = switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch_64";
      case "x86", "i386", "i686" -> "x86_32";
      case "ppc64le" -> "ppcle_64";
      case "s390x" -> "s390_64";
      default -> null;
    };
    if (o == null || a == null) {
      throw new IOException("no protoc " + PROTOC_VERSION + " build for " + os + "/" + arch
          + "; set PROTOSHIFT_PROTOC to a protoc binary");
    }
    return o + "-" + a;
  }

  private static Path localRepository() {
    String property = System.getProperty("maven.repo.local");
    return property != null ? Path.of(property) : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  private static String sha1(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstWord(String text) {
    String trimmed = text.trim();
    int space = trimmed.indexOf(' ');
    return (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
