package dev.protoshift.convert;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.protoshift.convert.testschema.history.Frame;
import dev.protoshift.proto.ReleaseHistory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The frozen releases of the snake schema (snake.proto, whose current schema is 1.2.0), derived from
 * it by removing what each release did not have, as its comments say.
 */
public final class HistorySchemas {

  static final String PKG = "convert.test.history.";

  private HistorySchemas() {}

  /** 1.1.0: everything but what 1.2.0 added: {@code Snake.color} and {@code Direction.WARP}. */
  public static SchemaEdit v110() {
    return SchemaEdit.of(Frame.getDescriptor().getFile())
        .removeField(PKG + "Snake", "color")
        .removeEnumValue(PKG + "Direction", "WARP");
  }

  /** 1.0.0: neither what 1.2.0 nor what 1.1.0 added, and {@code body_json} not deprecated yet. */
  public static SchemaEdit v100() {
    return v110()
        .removeField(PKG + "Snake", "body")
        .removeEnumValue(PKG + "Direction", "BOOST")
        .removeMessage(PKG + "Boost")
        .removeField(PKG + "Frame", "motd")
        .removeField(PKG + "State", "marks")
        .removeField(PKG + "Event", "teleported")
        .removeField(PKG + "Trail", "heat")
        .undeprecate(PKG + "Snake", "body_json");
  }

  /** Released 1.0.0 and 1.1.0; 1.2.0 is the current, unreleased schema. */
  static ReleaseHistory history() {
    return history("1.0.0", v100().toSet(), "1.1.0", v110().toSet());
  }

  static ReleaseHistory history(Object... versionsAndSets) {
    Map<String, FileDescriptorSet> releases = new LinkedHashMap<>();
    for (int i = 0; i < versionsAndSets.length; i += 2) {
      releases.put((String) versionsAndSets[i], (FileDescriptorSet) versionsAndSets[i + 1]);
    }
    return ReleaseHistory.of("snake", releases);
  }

  /** The chain a user of the snake schema writes: the history, and a change only for meaning. */
  static VersionChain<Frame.Builder> chain() {
    return VersionChain.<Frame.Builder>startingAt("1.0.0", "The first release.")
        .history(history(), Frame.getDefaultInstance())
        .release("1.1.0", new BodyJson())
        .release("1.2.0")
        .build();
  }

  /** The same chain without any declared change: only what the history derives. */
  static VersionChain<Frame.Builder> derivedOnly() {
    return VersionChain.<Frame.Builder>startingAt("1.0.0", "The first release.")
        .history(history(), Frame.getDefaultInstance())
        .release("1.1.0")
        .release("1.2.0")
        .build();
  }
}
