package dev.protoshift.server.ramp;

import java.util.Locale;

/**
 * One health gate's verdict on some counts.
 *
 * @param gate {@code decode_errors}, {@code disconnects} or {@code switch_backs}
 * @param verdict pass, fail, or no verdict for too little protobuf evidence
 * @param protobuf protobuf's rate
 * @param json JSON's rate (0 for switch-backs: JSON connections never switch back)
 * @param limit the most protobuf's rate may be: JSON's plus the margin
 * @param detail one line for logs and the admin API, naming the figures
 */
public record GateResult(String gate, Verdict verdict, double protobuf, double json, double limit, String detail) {

  /** A gate's verdict. */
  public enum Verdict {
    PASS, FAIL, NO_DATA;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
