package dev.protoshift.versioning;

import java.util.Optional;

/** The wire protocol of a connection. {@link #code()} is the stable name used on the wire, in logs and as a metric tag. */
public enum Protocol {
  /** JSON text frames: the legacy protocol every client understands. */
  JSON("json"),
  /** Protobuf binary frames. */
  PROTOBUF("protobuf");

  private final String code;

  Protocol(String code) {
    this.code = code;
  }

  /** The stable lowercase name: {@code json} or {@code protobuf}. */
  public String code() {
    return code;
  }

  /** True if this protocol's frames are binary WebSocket frames (protobuf); false for text (JSON). */
  public boolean isBinary() {
    return this == PROTOBUF;
  }

  /** The protocol with this exact code, if any. */
  public static Optional<Protocol> fromCode(String code) {
    for (Protocol p : values()) {
      if (p.code.equals(code)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return code;
  }
}
