package dev.protoshift.convert;

/** How a connection's messages travel: binary protobuf frames or legacy JSON text frames. */
public enum WireProtocol {
  /** Binary WebSocket frames, one {@code WsEnvelope} each. */
  PROTOBUF("protobuf"),
  /** Text WebSocket frames, one legacy JSON object each (docs/protocol.md). */
  JSON("json");

  private final String label;

  WireProtocol(String label) {
    this.label = label;
  }

  /** The lower-case name used in metric tags and logs: {@code protobuf} or {@code json}. */
  public String label() {
    return label;
  }

  /**
   * The protocol with this {@link #label()}, e.g. from a negotiated agreement's protocol code.
   *
   * @throws IllegalArgumentException if the label is neither {@code protobuf} nor {@code json}
   */
  public static WireProtocol fromLabel(String label) {
    for (WireProtocol protocol : values()) {
      if (protocol.label.equals(label)) {
        return protocol;
      }
    }
    throw new IllegalArgumentException("wire protocol must be protobuf or json, was \"" + label + "\"");
  }

  /** The wire protocol of versioning's negotiated {@link dev.protoshift.versioning.Protocol}. */
  public static WireProtocol of(dev.protoshift.versioning.Protocol protocol) {
    return switch (protocol) {
      case PROTOBUF -> PROTOBUF;
      case JSON -> JSON;
    };
  }

  /** True if frames of this protocol are binary WebSocket frames. */
  public boolean binary() {
    return this == PROTOBUF;
  }
}
