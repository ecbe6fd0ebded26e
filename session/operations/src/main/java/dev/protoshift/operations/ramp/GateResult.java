package dev.protoshift.operations.ramp;

import java.util.List;
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

  /** The gates' names in the order they are evaluated, the {@code gate} tag of {@code protoshift_ramp_gate_failing}. */
  public static final List<String> GATES = List.of("decode_errors", "disconnects", "switch_backs");

  /** A gate's verdict. */
  public enum Verdict {
    /** Protobuf's rate is within the limit. */
    PASS,
    /** Protobuf's rate is beyond the limit: the ramp rolls back. */
    FAIL,
    /** Too little protobuf evidence for a verdict (the plan's minimums). */
    NO_DATA;

    /** {@code pass}, {@code fail}, {@code no_data}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
