package dev.protoshift.operations.ramp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.protoshift.operations.internal.RampText;
import dev.protoshift.versioning.rollout.RolloutOverrides;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A guarded ramp's state as the replicas share it (the file {@code state.json} in the plan's
 * {@code state_dir}): which plan, which step, the percentage every replica applies, the status,
 * since when, and a generation that every change raises. Immutable.
 *
 * @param planStart the start of the plan this state belongs to (a later start is a newer plan)
 * @param step the step index, -1 (before the first: 0%) to the last
 * @param basisPoints the rollout percentage every replica applies, in basis points
 * @param status where the ramp stands
 * @param since when this step or status began (the soak and the gates count from here)
 * @param generation raised by every change; health reports name the generation they judged
 * @param history the last {@value #HISTORY} changes, oldest first
 */
public record RampState(Instant planStart, int step, int basisPoints, RampStatus status, Instant since,
    long generation, List<RampEvent> history) {

  /** Changes kept in the history. */
  public static final int HISTORY = 50;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** @throws NullPointerException if {@code planStart}, {@code status}, {@code since} or {@code history} is null */
  public RampState {
    Objects.requireNonNull(planStart, "planStart");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(since, "since");
    history = List.copyOf(history);
  }

  /** What the ramp layer of every replica's rollout config is: the percentage, and {@code enabled: false} for the kill switch. */
  public RolloutOverrides overrides() {
    RolloutOverrides.Builder b = RolloutOverrides.builder().rolloutBasisPoints(basisPoints);
    if (status == RampStatus.KILL_SWITCH) {
      b.enabled(false);
    }
    return b.build();
  }

  /** The next state: a new generation, since {@code at}, with the change appended to the history. */
  public RampState next(RampEvent.Action action, int newStep, int newBasisPoints, RampStatus newStatus, Instant at,
      String by, String reason) {
    List<RampEvent> h = new ArrayList<>(history);
    h.add(new RampEvent(at, generation + 1, action, basisPoints, newBasisPoints, by, reason));
    if (h.size() > HISTORY) {
      h = h.subList(h.size() - HISTORY, h.size());
    }
    return new RampState(planStart, newStep, newBasisPoints, newStatus, at, generation + 1, h);
  }

  /** The state as {@code state.json} holds it (and {@code GET /admin/ramp} shows it). */
  public ObjectNode toJson() {
    ObjectNode n = JSON.createObjectNode();
    n.put("plan_start", planStart.toString());
    n.put("step", step);
    n.put("rollout_percentage", RampText.percent(basisPoints));
    n.put("basis_points", basisPoints);
    n.put("status", status.code());
    n.put("since", since.toString());
    n.put("generation", generation);
    ArrayNode h = n.putArray("history");
    for (RampEvent e : history) {
      ObjectNode o = h.addObject();
      o.put("at", e.at().toString());
      o.put("generation", e.generation());
      o.put("action", e.action().code());
      o.put("from", RampText.percent(e.fromBasisPoints()));
      o.put("to", RampText.percent(e.toBasisPoints()));
      o.put("from_basis_points", e.fromBasisPoints());
      o.put("to_basis_points", e.toBasisPoints());
      o.put("by", e.by());
      o.put("reason", e.reason());
    }
    return n;
  }

  /**
   * Reads {@link #toJson()}'s output.
   *
   * @throws IllegalArgumentException naming the first missing or bad field
   */
  public static RampState fromJson(JsonNode n) {
    Instant planStart = instant(n, "plan_start");
    List<RampEvent> history = new ArrayList<>();
    for (JsonNode e : n.path("history")) {
      RampEvent.Action action = RampEvent.Action.of(e.path("action").asText());
      if (action == null) {
        throw new IllegalArgumentException("history action must be one of start, advance, rollback, kill_switch,"
            + " pause, resume, was " + shown(e.path("action")));
      }
      history.add(new RampEvent(instant(e, "at"), e.path("generation").asLong(-1), action, integer(e, "from_basis_points"),
          integer(e, "to_basis_points"), e.path("by").asText(""), e.path("reason").asText("")));
    }
    RampStatus status = RampStatus.of(n.path("status").asText());
    if (status == null || status == RampStatus.OFF || status == RampStatus.WAITING) {
      throw new IllegalArgumentException("status must be ramping, paused, rolled_back, kill_switch or done, was "
          + shown(n.path("status")));
    }
    int bp = integer(n, "basis_points");
    if (bp < 0 || bp > 10_000) {
      throw new IllegalArgumentException("basis_points must be 0..10000, was " + bp);
    }
    return new RampState(planStart, integer(n, "step"), bp, status, instant(n, "since"),
        n.path("generation").asLong(-1), history);
  }

  private static Instant instant(JsonNode n, String field) {
    try {
      return Instant.parse(n.path(field).asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " must be an instant, was " + shown(n.path(field)));
    }
  }

  private static int integer(JsonNode n, String field) {
    if (!n.path(field).canConvertToInt()) {
      throw new IllegalArgumentException(field + " must be an integer, was " + shown(n.path(field)));
    }
    return n.path(field).asInt();
  }

  private static String shown(JsonNode n) {
    return n.isMissingNode() ? "missing" : n.toString();
  }
}
