package dev.protoshift.operations.ramp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.protoshift.operations.ConnectionWindows;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * What one replica counted since the ramp's current step began (at most a gate window back), per
 * protocol: the health gates' input. Each replica writes its own to the shared state directory
 * ({@code health/INSTANCE.json}) at every evaluation; the replica that decides sums them.
 *
 * @param instance the replica
 * @param at when it was counted
 * @param generation the ramp state's generation it was counted for
 * @param json JSON connections' counts
 * @param protobuf protobuf connections' counts
 */
public record HealthReport(String instance, Instant at, long generation, Counts json, Counts protobuf) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One protocol's counts.
   *
   * @param decoded inbound messages decoded
   * @param decodeErrors inbound messages that failed to decode
   * @param switchBacks protobuf connections switched to JSON by their decode errors
   * @param abnormalCloses connections that ended abnormally (dropped, errors, limits)
   * @param connectionMillis connection time
   */
  public record Counts(long decoded, long decodeErrors, long switchBacks, long abnormalCloses, long connectionMillis) {

    /** No counts. */
    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

    /** From {@link ConnectionWindows#events} counts (null for none) and connection time. */
    static Counts of(long[] events, long connectionMillis) {
      return events == null ? new Counts(0, 0, 0, 0, connectionMillis)
          : new Counts(events[ConnectionWindows.DECODED], events[ConnectionWindows.DECODE_ERRORS],
              events[ConnectionWindows.SWITCH_BACKS], events[ConnectionWindows.ABNORMAL_CLOSES], connectionMillis);
    }

    /** The sum of these counts and {@code o}'s (several replicas' reports). */
    public Counts plus(Counts o) {
      return new Counts(decoded + o.decoded, decodeErrors + o.decodeErrors, switchBacks + o.switchBacks,
          abnormalCloses + o.abnormalCloses, connectionMillis + o.connectionMillis);
    }

    /** Inbound messages seen: decoded or not. */
    public long inbound() {
      return decoded + decodeErrors;
    }

    /** Connection time in hours. */
    public double connectionHours() {
      return connectionMillis / 3_600_000.0;
    }

    ObjectNode toJson() {
      ObjectNode n = JSON.createObjectNode();
      n.put("decoded", decoded);
      n.put("decode_errors", decodeErrors);
      n.put("switch_backs", switchBacks);
      n.put("abnormal_closes", abnormalCloses);
      n.put("connection_millis", connectionMillis);
      return n;
    }

    static Counts fromJson(JsonNode n) {
      return new Counts(count(n, "decoded"), count(n, "decode_errors"), count(n, "switch_backs"),
          count(n, "abnormal_closes"), count(n, "connection_millis"));
    }

    private static long count(JsonNode n, String field) {
      long v = n.path(field).asLong(-1);
      if (!n.path(field).canConvertToLong() || v < 0) {
        throw new IllegalArgumentException(field + " must be a count, was " + n.path(field));
      }
      return v;
    }
  }

  /**
   * One replica's counts for the state's generation: since the state's step began (from the first
   * whole bucket after it, so that a bucket from before a change never counts), at most {@code
   * window} back.
   *
   * @param windows the replica's windowed counts
   * @param instance the replica's name
   * @param state the shared state, or null before there is one (generation -1)
   * @param window how far back at most
   * @param now the end of the counted span
   */
  public static HealthReport counted(ConnectionWindows windows, String instance, RampState state, Duration window,
      Instant now) {
    long to = now.toEpochMilli();
    long res = windows.resolutionMillis();
    long from = to - window.toMillis();
    if (state != null) {
      from = Math.max(from, Math.floorDiv(state.since().toEpochMilli() + res - 1, res) * res);
    }
    Counts json = Counts.ZERO;
    Counts protobuf = Counts.ZERO;
    if (from <= to) {
      Map<String, long[]> events = windows.events(from, to);
      long[] millis = new long[2];
      windows.connections(from, to).forEach((k, c) ->
          millis[k.protocol().equals("protobuf") ? 1 : 0] += c[ConnectionWindows.CONNECTION_MILLIS]);
      json = Counts.of(events.get("json"), millis[0]);
      protobuf = Counts.of(events.get("protobuf"), millis[1]);
    }
    return new HealthReport(instance, now, state == null ? -1 : state.generation(), json, protobuf);
  }

  /** @throws NullPointerException if {@code instance}, {@code at}, {@code json} or {@code protobuf} is null */
  public HealthReport {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(protobuf, "protobuf");
  }

  /** The report as each replica writes it to {@code health/INSTANCE.json}. */
  public ObjectNode toJson() {
    ObjectNode n = JSON.createObjectNode();
    n.put("instance", instance);
    n.put("at", at.toString());
    n.put("generation", generation);
    n.set("json", json.toJson());
    n.set("protobuf", protobuf.toJson());
    return n;
  }

  /**
   * Reads {@link #toJson()}'s output.
   *
   * @throws IllegalArgumentException naming the first bad field
   */
  public static HealthReport fromJson(JsonNode n) {
    Instant at;
    try {
      at = Instant.parse(n.path("at").asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("at must be an instant, was " + n.path("at"));
    }
    if (!n.path("generation").canConvertToLong()) {
      throw new IllegalArgumentException("generation must be a number, was " + n.path("generation"));
    }
    return new HealthReport(n.path("instance").asText(), at, n.path("generation").asLong(),
        Counts.fromJson(n.path("json")), Counts.fromJson(n.path("protobuf")));
  }
}
