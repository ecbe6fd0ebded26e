package dev.protoshift.reference;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.protoshift.proto.ProtoshiftOptions;
import dev.protoshift.proto.ReleaseHistory;
import dev.protoshift.proto.game.WsMessagesProto;
import java.util.List;

/**
 * The reference game's schema ({@code ws_messages.proto}) and its release history, as packed in
 * this jar under the schema name {@value #SCHEMA} (the layout of {@link ReleaseHistory}).
 *
 * <p>The current schema has generated classes in {@code dev.protoshift.proto.game}. Each released
 * version is kept frozen as a descriptor set, so any old client can be simulated by decoding with
 * {@link com.google.protobuf.DynamicMessage}:
 *
 * <pre>{@code
 * Descriptor v100 = ReferenceSchema.releasedMessage("1.0.0", "WsEnvelope");
 * DynamicMessage seenByOldClient = DynamicMessage.parseFrom(v100, bytes);
 * }</pre>
 */
public final class ReferenceSchema {

  /** The schema's name in {@code META-INF/protoshift/schemas/}. */
  public static final String SCHEMA = "reference";

  /** Path of the game schema inside its descriptor sets. */
  public static final String FILE = "protoshift/game/ws_messages.proto";

  /** The proto package of the game schema. */
  public static final String PACKAGE = "protoshift.game";

  private static final class Holder {
    static final ReleaseHistory HISTORY = ReleaseHistory.load(ReferenceSchema.class.getClassLoader(), SCHEMA);
  }

  private ReferenceSchema() {}

  /** The protocol version the current schema declares, e.g. {@code "1.2.0"}. */
  public static String protocolVersion() {
    return WsMessagesProto.getDescriptor().getOptions().getExtension(ProtoshiftOptions.protocolVersion);
  }

  /** The current schema's descriptor set (imports and source info included). */
  public static FileDescriptorSet descriptorSet() {
    return ReleaseHistory.loadCurrent(ReferenceSchema.class.getClassLoader(), SCHEMA);
  }

  /** The frozen releases. */
  public static ReleaseHistory history() {
    return Holder.HISTORY;
  }

  /** Every released version, oldest first. */
  public static List<String> releasedVersions() {
    return history().versions();
  }

  /**
   * The frozen descriptor set of a released version.
   *
   * @throws IllegalArgumentException if the version was never released
   */
  public static FileDescriptorSet releasedDescriptorSet(String version) {
    return history().descriptorSet(version);
  }

  /**
   * The linked game schema file of a released version.
   *
   * @throws IllegalArgumentException if the version was never released
   */
  public static FileDescriptor released(String version) {
    FileDescriptor file = history().files(version).get(FILE);
    if (file == null) {
      throw new IllegalStateException("release " + version + " has no " + FILE);
    }
    return file;
  }

  /**
   * A message type of a released version, e.g. {@code releasedMessage("1.0.0", "Ghost")}.
   *
   * @throws IllegalArgumentException if the version was never released or has no such message
   */
  public static Descriptor releasedMessage(String version, String messageName) {
    return history().message(version, PACKAGE + "." + messageName).orElseThrow(() ->
        new IllegalArgumentException("release " + version + " has no message " + messageName));
  }
}
