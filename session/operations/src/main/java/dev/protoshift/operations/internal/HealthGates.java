package dev.protoshift.operations.internal;

import dev.protoshift.operations.ramp.GateResult;
import dev.protoshift.operations.ramp.GateResult.Verdict;
import dev.protoshift.operations.ramp.HealthReport;
import dev.protoshift.versioning.rollout.RampPlan;
import java.util.List;

/**
 * The ramp's three health gates: protobuf connections may be worse than JSON ones by at most the
 * plan's margin in decode errors (share of inbound messages), abnormal disconnects (per
 * connection-hour) and switch-backs to JSON after decode errors (per protobuf connection-hour;
 * JSON's is 0). A gate without enough protobuf evidence (the plan's minimums) gives no verdict.
 */
public final class HealthGates {

  private HealthGates() {}

  /** Every gate's verdict on one replica's (or the sum of several replicas') counts. */
  public static List<GateResult> evaluate(RampPlan.Gates g, HealthReport.Counts json, HealthReport.Counts protobuf) {
    return List.of(decodeErrors(g, json, protobuf), disconnects(g, json, protobuf), switchBacks(g, protobuf));
  }

  /** True if any result fails. */
  public static boolean anyFails(List<GateResult> results) {
    return results.stream().anyMatch(r -> r.verdict() == Verdict.FAIL);
  }

  /** True if every result passes (none failing, none without a verdict). */
  public static boolean allPass(List<GateResult> results) {
    return results.stream().allMatch(r -> r.verdict() == Verdict.PASS);
  }

  static GateResult decodeErrors(RampPlan.Gates g, HealthReport.Counts json, HealthReport.Counts protobuf) {
    double pb = rate(protobuf.decodeErrors(), protobuf.inbound());
    double js = rate(json.decodeErrors(), json.inbound());
    double limit = js + g.decodeErrorMargin();
    String figures = "protobuf " + protobuf.decodeErrors() + " of " + protobuf.inbound() + " inbound messages ("
        + RampText.number(pb) + "), JSON " + json.decodeErrors() + " of " + json.inbound() + " (" + RampText.number(js)
        + "), margin " + RampText.number(g.decodeErrorMargin());
    if (protobuf.inbound() == 0 || protobuf.inbound() < g.minProtobufMessages()) {
      return new GateResult("decode_errors", Verdict.NO_DATA, pb, js, limit, "decode_errors: no verdict, "
          + protobuf.inbound() + " protobuf messages of the " + g.minProtobufMessages() + " needed");
    }
    Verdict v = pb > limit ? Verdict.FAIL : Verdict.PASS;
    return new GateResult("decode_errors", v, pb, js, limit, "decode_errors " + v.code() + ": " + figures);
  }

  static GateResult disconnects(RampPlan.Gates g, HealthReport.Counts json, HealthReport.Counts protobuf) {
    double hours = protobuf.connectionHours();
    double pb = hours == 0 ? 0 : protobuf.abnormalCloses() / hours;
    double js = json.connectionHours() == 0 ? 0 : json.abnormalCloses() / json.connectionHours();
    double limit = js + g.disconnectMargin();
    if (hours == 0 || hours < g.minProtobufConnectionHours()) {
      return new GateResult("disconnects", Verdict.NO_DATA, pb, js, limit, "disconnects: no verdict, "
          + RampText.number(hours) + " protobuf connection-hours of the " + RampText.number(g.minProtobufConnectionHours())
          + " needed");
    }
    Verdict v = pb > limit ? Verdict.FAIL : Verdict.PASS;
    return new GateResult("disconnects", v, pb, js, limit, "disconnects " + v.code() + ": protobuf "
        + protobuf.abnormalCloses() + " abnormal closes in " + RampText.number(hours) + " connection-hours ("
        + RampText.number(pb) + "/h), JSON " + json.abnormalCloses() + " in " + RampText.number(json.connectionHours())
        + " (" + RampText.number(js) + "/h), margin " + RampText.number(g.disconnectMargin()) + "/h");
  }

  static GateResult switchBacks(RampPlan.Gates g, HealthReport.Counts protobuf) {
    double hours = protobuf.connectionHours();
    double pb = hours == 0 ? 0 : protobuf.switchBacks() / hours;
    if (hours == 0 || hours < g.minProtobufConnectionHours()) {
      return new GateResult("switch_backs", Verdict.NO_DATA, pb, 0, g.switchBackMargin(), "switch_backs: no verdict, "
          + RampText.number(hours) + " protobuf connection-hours of the " + RampText.number(g.minProtobufConnectionHours())
          + " needed");
    }
    Verdict v = pb > g.switchBackMargin() ? Verdict.FAIL : Verdict.PASS;
    return new GateResult("switch_backs", v, pb, 0, g.switchBackMargin(), "switch_backs " + v.code() + ": "
        + protobuf.switchBacks() + " protobuf connections switched back to JSON in " + RampText.number(hours)
        + " connection-hours (" + RampText.number(pb) + "/h), margin " + RampText.number(g.switchBackMargin()) + "/h");
  }

  private static double rate(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
