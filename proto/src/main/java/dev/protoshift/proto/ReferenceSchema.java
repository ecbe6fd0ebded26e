package dev.protoshift.proto;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.protoshift.proto.game.WsMessagesProto;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference game schema ({@code ws_messages.proto}) and its release history, as packed
 * in this jar.
 *
 * <p>The current schema has generated classes in {@code dev.protoshift.proto.game}. Each
 * released version is kept frozen as a descriptor set, so any old client can be simulated by
 * decoding with {@link com.google.protobuf.DynamicMessage}:
 *
 * <pre>{@code
 * Descriptor v100 = ReferenceSchema.releasedMessage("1.0.0", "WsEnvelope");
 * DynamicMessage seenByOldClient = DynamicMessage.parseFrom(v100, bytes);
 * }</pre>
 *
 * <p>Resource paths (stable, documented in docs/schema.md): {@value #DESCRIPTOR_RESOURCE} for
 * the current schema, {@code META-INF/protoshift/history/<version>.binpb} for each release and
 * {@value #HISTORY_INDEX_RESOURCE} for the list of releases, oldest first.
 */
public final class ReferenceSchema {

  /** Path of the game schema inside its descriptor sets. */
  public static final String FILE = "protoshift/game/ws_messages.proto";

  /** The proto package of the game schema. */
  public static final String PACKAGE = "protoshift.game";

  /** The current schema's descriptor set (imports and source info included). */
  public static final String DESCRIPTOR_RESOURCE = "META-INF/protoshift/descriptor.binpb";

  /** One released version per line, oldest first. */
  public static final String HISTORY_INDEX_RESOURCE = "META-INF/protoshift/history/versions.txt";

  private static final String HISTORY_PREFIX = "META-INF/protoshift/history/";
  private static final Map<String, FileDescriptor> RELEASED = new ConcurrentHashMap<>();

  private ReferenceSchema() {}

  /** The protocol version the current schema declares, e.g. {@code "1.2.0"}. */
  public static String protocolVersion() {
    return WsMessagesProto.getDescriptor().getOptions().getExtension(ProtoshiftOptions.protocolVersion);
  }

  /** The current schema's descriptor set, read from {@value #DESCRIPTOR_RESOURCE}. */
  public static FileDescriptorSet descriptorSet() {
    return readSet(DESCRIPTOR_RESOURCE);
  }

  /** Every released version, oldest first. */
  public static List<String> releasedVersions() {
    try (InputStream in = open(HISTORY_INDEX_RESOURCE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + HISTORY_INDEX_RESOURCE, e);
    }
  }

  /**
   * The frozen descriptor set of a released version.
   *
   * @throws IllegalArgumentException if the version was never released
   */
  public static FileDescriptorSet releasedDescriptorSet(String version) {
    requireReleased(version);
    return readSet(HISTORY_PREFIX + version + ".binpb");
  }

  /**
   * The linked game schema file of a released version.
   *
   * @throws IllegalArgumentException if the version was never released
   */
  public static FileDescriptor released(String version) {
    return RELEASED.computeIfAbsent(version, v -> {
      FileDescriptor file = DescriptorSets.link(releasedDescriptorSet(v)).get(FILE);
      if (file == null) {
        throw new IllegalStateException("release " + v + " has no " + FILE);
      }
      return file;
    });
  }

  /**
   * A message type of a released version, e.g. {@code releasedMessage("1.0.0", "Ghost")}.
   *
   * @throws IllegalArgumentException if the version was never released or has no such message
   */
  public static Descriptor releasedMessage(String version, String messageName) {
    Descriptor type = released(version).findMessageTypeByName(messageName);
    if (type == null) {
      throw new IllegalArgumentException("release " + version + " has no message " + messageName);
    }
    return type;
  }

  private static void requireReleased(String version) {
    List<String> released = releasedVersions();
    if (!released.contains(version)) {
      throw new IllegalArgumentException(
          "version \"" + version + "\" was never released; released: " + released);
    }
  }

  private static FileDescriptorSet readSet(String resource) {
    try (InputStream in = open(resource)) {
      return DescriptorSets.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = ReferenceSchema.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is missing from the classpath (a broken protoshift-proto jar?)");
    }
    return in;
  }
}
