package dev.protoshift.operations.internal;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals, per protocol, of the events the ramp's health gates compare: inbound messages
 * decoded, decode errors, switch-backs (a protobuf connection downgraded to JSON after decode
 * errors) and abnormal disconnects. Counted on the hot path with {@link LongAdder}s; a sampler
 * turns the totals into windowed counts. Thread-safe.
 */
public final class ProtocolEvents {

  /** What is counted. */
  public enum Event {
    /** An inbound message decoded. */
    DECODED,
    /** An inbound message that failed to decode. */
    DECODE_ERROR,
    /** A live protobuf connection switched to JSON because of its decode errors. */
    SWITCH_BACK,
    /** A connection that ended abnormally (see {@link #isAbnormalClose(int)}). */
    ABNORMAL_CLOSE
  }

  /** The protocols counted: the index into the totals. */
  public static final String[] PROTOCOLS = {"json", "protobuf"};

  private final LongAdder[][] totals = new LongAdder[PROTOCOLS.length][Event.values().length];

  public ProtocolEvents() {
    for (LongAdder[] row : totals) {
      for (int i = 0; i < row.length; i++) {
        row[i] = new LongAdder();
      }
    }
  }

  /** Counts one event; a protocol other than {@code json} and {@code protobuf} is ignored. */
  public void count(String protocol, Event event) {
    int p = index(protocol);
    if (p >= 0) {
      totals[p][event.ordinal()].increment();
    }
  }

  /** The totals of one protocol, indexed by {@link Event#ordinal()}. */
  public long[] totals(String protocol) {
    int p = index(protocol);
    long[] out = new long[Event.values().length];
    if (p >= 0) {
      for (int i = 0; i < out.length; i++) {
        out[i] = totals[p][i].sum();
      }
    }
    return out;
  }

  /**
   * True for the close codes that mean a connection failed rather than ended: dropped (1006), a
   * protocol error (1002, 1003, 1007), a message too big (1009), a server error (1011), rate
   * limited (4003) or too slow (4004). A normal close (1000, 1001), a drain (1012), a full server
   * (1013) and handshake refusals (4000-4002) are not.
   */
  public static boolean isAbnormalClose(int code) {
    return switch (code) {
      case 1002, 1003, 1006, 1007, 1009, 1011, 4003, 4004 -> true;
      default -> false;
    };
  }

  private static int index(String protocol) {
    for (int i = 0; i < PROTOCOLS.length; i++) {
      if (PROTOCOLS[i].equals(protocol)) {
        return i;
      }
    }
    return -1;
  }
}
