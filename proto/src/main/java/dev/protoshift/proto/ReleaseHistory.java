package dev.protoshift.proto;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A schema's frozen releases: for each released protocol version, the descriptor set it was
 * released with. It is what lets a server decode bytes as an old client does, and lets a
 * version chain strip from a message what a client's release does not have.
 *
 * <p>A build writes them into the jar under the schema's name (protoshift-maven-plugin's {@code
 * history} goal does; the layout is stable, see docs/schema.md):
 *
 * <pre>
 * META-INF/protoshift/schemas/&lt;schema&gt;/descriptor.binpb          the current schema
 * META-INF/protoshift/schemas/&lt;schema&gt;/history/versions.txt      released versions, oldest first
 * META-INF/protoshift/schemas/&lt;schema&gt;/history/&lt;version&gt;.binpb  one descriptor set per release
 * </pre>
 *
 * <p>Immutable and thread-safe; linked files are cached.
 */
public final class ReleaseHistory {

  /** Schema names: lowercase letters, digits, {@code . _ -}; they name a folder. */
  public static final Pattern SCHEMA_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private static final String ROOT = "META-INF/protoshift/schemas/";
  private static final Pattern RELEASE = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");

  private final String schema;
  private final Map<String, FileDescriptorSet> releases;
  private final Map<String, Map<String, FileDescriptor>> linked = new ConcurrentHashMap<>();

  private ReleaseHistory(String schema, Map<String, FileDescriptorSet> releases) {
    this.schema = schema;
    this.releases = releases;
  }

  /**
   * The history of {@code schema} as packed in the jars visible to this class's class loader.
   *
   * @throws IllegalArgumentException if the name is not a schema name
   * @throws IllegalStateException naming the resource if the history is missing or unreadable
   */
  public static ReleaseHistory load(String schema) {
    return load(ReleaseHistory.class.getClassLoader(), schema);
  }

  /**
   * The history of {@code schema} as packed in the jars visible to {@code loader}.
   *
   * @throws IllegalArgumentException if the name is not a schema name
   * @throws IllegalStateException naming the resource if the history is missing or unreadable
   */
  public static ReleaseHistory load(ClassLoader loader, String schema) {
    Objects.requireNonNull(loader, "loader");
    requireSchemaName(schema);
    String index = historyIndexResource(schema);
    List<String> versions;
    try (InputStream in = open(loader, index);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      versions = reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + index + ": " + e.getMessage(), e);
    }
    Map<String, FileDescriptorSet> sets = new LinkedHashMap<>();
    for (String version : versions) {
      sets.put(version, readSet(loader, releaseResource(schema, version)));
    }
    return of(schema, sets);
  }

  /**
   * A history from descriptor sets, e.g. compiled by a build or a test.
   *
   * @param releases each released version (MAJOR.MINOR.PATCH) and its descriptor set, in any order
   * @throws IllegalArgumentException if a version is not MAJOR.MINOR.PATCH or the name is invalid
   */
  public static ReleaseHistory of(String schema, Map<String, FileDescriptorSet> releases) {
    requireSchemaName(schema);
    List<String> versions = new ArrayList<>(releases.keySet());
    for (String v : versions) {
      requireRelease(v);
    }
    versions.sort(ReleaseHistory::compareVersions);
    Map<String, FileDescriptorSet> ordered = new LinkedHashMap<>();
    versions.forEach(v -> ordered.put(v, Objects.requireNonNull(releases.get(v), v)));
    return new ReleaseHistory(schema, Collections.unmodifiableMap(ordered));
  }

  /** The current schema's descriptor set of {@code schema}, from {@link #currentResource}. */
  public static FileDescriptorSet loadCurrent(ClassLoader loader, String schema) {
    requireSchemaName(schema);
    return readSet(loader, currentResource(schema));
  }

  /** {@code META-INF/protoshift/schemas/<schema>/descriptor.binpb}. */
  public static String currentResource(String schema) {
    return ROOT + schema + "/descriptor.binpb";
  }

  /** {@code META-INF/protoshift/schemas/<schema>/history/versions.txt}. */
  public static String historyIndexResource(String schema) {
    return ROOT + schema + "/history/versions.txt";
  }

  /** {@code META-INF/protoshift/schemas/<schema>/history/<version>.binpb}. */
  public static String releaseResource(String schema, String version) {
    return ROOT + schema + "/history/" + version + ".binpb";
  }

  /** The schema's name. */
  public String schema() {
    return schema;
  }

  /** Every released version, oldest first (by semantic version). */
  public List<String> versions() {
    return List.copyOf(releases.keySet());
  }

  /** The newest release, if there is one. */
  public Optional<String> latest() {
    List<String> v = versions();
    return v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
  }

  /** True if {@code version} was released. */
  public boolean isReleased(String version) {
    return releases.containsKey(version);
  }

  /**
   * The frozen descriptor set of a release.
   *
   * @throws IllegalArgumentException if the version was never released
   */
  public FileDescriptorSet descriptorSet(String version) {
    FileDescriptorSet set = releases.get(version);
    if (set == null) {
      throw new IllegalArgumentException("version \"" + version + "\" of schema " + schema
          + " was never released; released: " + versions());
    }
    return set;
  }

  /**
   * The linked files of a release, by path.
   *
   * @throws IllegalArgumentException if the version was never released, or its set does not link
   */
  public Map<String, FileDescriptor> files(String version) {
    FileDescriptorSet set = descriptorSet(version);
    return linked.computeIfAbsent(version, v -> DescriptorSets.link(set));
  }

  /**
   * A message type of a release by its full name (e.g. {@code arena.v1.Snake}), to decode bytes as
   * a client of that release: {@code DynamicMessage.parseFrom(history.message("1.0.0", "arena.v1.Snake"), bytes)}.
   *
   * @return empty if the release has no such message
   * @throws IllegalArgumentException if the version was never released
   */
  public Optional<Descriptor> message(String version, String fullName) {
    for (FileDescriptor file : files(version).values()) {
      String pkg = file.getPackage();
      if (pkg.isEmpty() || fullName.startsWith(pkg + ".")) {
        Descriptor found = find(file, pkg.isEmpty() ? fullName : fullName.substring(pkg.length() + 1));
        if (found != null) {
          return Optional.of(found);
        }
      }
    }
    return Optional.empty();
  }

  private static Descriptor find(FileDescriptor file, String relativeName) {
    String[] parts = relativeName.split("\\.");
    Descriptor d = file.findMessageTypeByName(parts[0]);
    for (int i = 1; d != null && i < parts.length; i++) {
      d = d.findNestedTypeByName(parts[i]);
    }
    return d;
  }

  @Override
  public String toString() {
    return "ReleaseHistory[" + schema + ": " + versions() + "]";
  }

  /** Orders MAJOR.MINOR.PATCH versions numerically. */
  static int compareVersions(String a, String b) {
    int[] x = parseRelease(a);
    int[] y = parseRelease(b);
    for (int i = 0; i < 3; i++) {
      int c = Integer.compare(x[i], y[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** True if {@code version} is MAJOR.MINOR.PATCH without pre-release or build. */
  static boolean isRelease(String version) {
    return version != null && RELEASE.matcher(version).matches();
  }

  static int[] parseRelease(String version) {
    var m = RELEASE.matcher(requireRelease(version));
    m.matches();
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
  }

  private static String requireRelease(String version) {
    if (!isRelease(version)) {
      throw new IllegalArgumentException("a release version is MAJOR.MINOR.PATCH, was \"" + version + "\"");
    }
    return version;
  }

  private static void requireSchemaName(String schema) {
    if (schema == null || !SCHEMA_NAME.matcher(schema).matches()) {
      throw new IllegalArgumentException("schema name must match " + SCHEMA_NAME.pattern() + ", was \"" + schema + "\"");
    }
  }

  private static FileDescriptorSet readSet(ClassLoader loader, String resource) {
    try (InputStream in = open(loader, resource)) {
      return DescriptorSets.read(in);
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(resource + " is not a descriptor set: " + e.getMessage(), e);
    }
  }

  private static InputStream open(ClassLoader loader, String resource) {
    InputStream in = loader.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is not on the classpath: is the schema's jar a dependency, and did"
          + " its build write its history (protoshift-maven-plugin's history goal)?");
    }
    return in;
  }
}
