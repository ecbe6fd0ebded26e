package dev.protoshift.operations.ramp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.protoshift.operations.internal.RampText;
import dev.protoshift.versioning.rollout.RampPlan;
import java.time.Instant;
import java.util.List;

/**
 * A guarded ramp as one replica sees it, for {@code GET /admin/ramp}: its plan, the shared state,
 * what it applies, its last evaluations and the replicas whose reports it read. Immutable.
 *
 * @param instance this replica's name
 * @param plan the plan in force, or null
 * @param planProblem why the last plan read was refused (the last good plan stays), or null
 * @param state the shared state last read, or null
 * @param stateProblem why the shared state could not be read or written, or null
 * @param applied what this replica applies
 * @param appliedState the state whose step it applies, or null for none
 * @param appliedAt when it began applying it (null before the first round)
 * @param evaluations its last evaluations, oldest first
 * @param replicas the live replicas' latest reports, as last read
 * @param configFile whether the server has a config file (the plan's only source)
 */
public record RampView(String instance, RampPlan plan, String planProblem, RampState state, String stateProblem,
    RampStatus applied, RampState appliedState, Instant appliedAt, List<Evaluation> evaluations,
    List<HealthReport> replicas,
    boolean configFile) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One evaluation.
   *
   * @param at when
   * @param generation the generation its own report was for
   * @param protobuf its own protobuf counts since the step began
   * @param decision what was decided and why
   * @param own the gates on this replica's own counts
   * @param fleet the gates on the sum of the current generation's reports
   */
  public record Evaluation(Instant at, long generation, HealthReport.Counts protobuf, String decision,
      List<GateResult> own, List<GateResult> fleet) {}

  /** The view as {@code GET /admin/ramp} answers it (docs/operations.md, "Guarded ramp"). */
  public ObjectNode toJson() {
    ObjectNode n = JSON.createObjectNode();
    n.put("instance", instance);
    n.put("status", applied.code());
    if (!configFile) {
      n.put("note", "no config file: a guarded ramp reads its plan from the config file's protobuf_ramp section");
    }
    ObjectNode a = n.putObject("applied");
    a.put("generation", appliedState == null ? -1 : appliedState.generation());
    if (appliedAt != null) {
      a.put("since", appliedAt.toString());
    }
    if (appliedState != null) {
      a.put("step", appliedState.step() + 1);
      a.put("rollout_percentage", RampText.percent(appliedState.basisPoints()));
      if (appliedState.status() == RampStatus.KILL_SWITCH) {
        a.put("enabled", false);
      }
    }
    if (plan == null) {
      n.putNull("plan");
    } else {
      ObjectNode p = n.putObject("plan");
      p.put("enabled", plan.enabled());
      p.put("start", plan.start().toString());
      ArrayNode steps = p.putArray("steps");
      plan.steps().forEach(s -> steps.addObject().put("percent", s.percentage()).put("soak", s.soak().toString()));
      p.put("evaluation_interval", plan.evaluationInterval().toString());
      p.put("gate_window", plan.gateWindow().toString());
      p.put("on_failure", plan.onFailure().code());
      p.put("state_dir", plan.stateDir().toString());
      RampPlan.Gates g = plan.gates();
      p.putObject("gates").put("decode_error_margin", g.decodeErrorMargin()).put("disconnect_margin", g.disconnectMargin())
          .put("switch_back_margin", g.switchBackMargin()).put("min_protobuf_messages", g.minProtobufMessages())
          .put("min_protobuf_connection_hours", g.minProtobufConnectionHours());
    }
    if (planProblem != null) {
      n.put("plan_problem", planProblem);
    }
    if (state == null) {
      n.putNull("state");
    } else {
      n.set("state", state.toJson());
    }
    if (stateProblem != null) {
      n.put("state_problem", stateProblem);
    }
    ArrayNode evals = n.putArray("evaluations");
    for (Evaluation ev : evaluations) {
      ObjectNode e = evals.addObject();
      e.put("at", ev.at().toString());
      e.put("generation", ev.generation());
      e.put("protobuf_inbound", ev.protobuf().inbound());
      e.put("protobuf_decode_errors", ev.protobuf().decodeErrors());
      e.put("decision", ev.decision());
      gates(e.putArray("own_gates"), ev.own());
      gates(e.putArray("fleet_gates"), ev.fleet());
    }
    ArrayNode r = n.putArray("replicas");
    replicas.forEach(h -> r.addObject().put("instance", h.instance()).put("at", h.at().toString())
        .put("generation", h.generation()));
    return n;
  }

  private static void gates(ArrayNode out, List<GateResult> gates) {
    for (GateResult g : gates) {
      out.addObject().put("gate", g.gate()).put("verdict", g.verdict().code()).put("protobuf", g.protobuf())
          .put("json", g.json()).put("limit", g.limit()).put("detail", g.detail());
    }
  }
}
