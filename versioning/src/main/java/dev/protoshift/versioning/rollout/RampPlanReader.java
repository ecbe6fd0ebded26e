package dev.protoshift.versioning.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.protoshift.versioning.internal.Text;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and validates a {@code protobuf_ramp:} section into a {@link RampPlan}, reporting every problem. */
final class RampPlanReader {

  static final Set<String> KEYS = Set.of("enabled", "start", "steps", "soak", "evaluation_interval", "gate_window",
      "on_failure", "state_dir", "gates");
  static final Set<String> GATE_KEYS = Set.of("decode_error_margin", "disconnect_margin", "switch_back_margin",
      "min_protobuf_messages", "min_protobuf_connection_hours");
  static final Duration DEFAULT_SOAK = Duration.ofHours(24);
  static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
  static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
  private static final String S = RampPlan.SECTION + ".";

  private RampPlanReader() {}

  static RampPlan read(JsonNode section, ConfigValues.Problems p) {
    if (!section.isObject()) {
      p.add(null, RampPlan.SECTION + " must be a mapping of keys to values, was " + ConfigValues.show(section));
      p.throwIfAny();
    }
    unknownKeys(section, KEYS, S, p);
    boolean enabled = false;
    if (section.has("enabled")) {
      if (section.get("enabled").isBoolean()) {
        enabled = section.get("enabled").booleanValue();
      } else {
        p.add(null, S + "enabled must be true or false, was " + ConfigValues.show(section.get("enabled")));
      }
    }
    Instant start = section.has("start") ? instant(section.get("start"), p) : null;
    Duration soak = section.has("soak") ? duration(section.get("soak"), S + "soak", Duration.ZERO, p) : DEFAULT_SOAK;
    List<RampPlan.Step> steps = section.has("steps") ? steps(section.get("steps"), soak == null ? DEFAULT_SOAK : soak, p)
        : List.of();
    Duration interval = section.has("evaluation_interval") ? duration(section.get("evaluation_interval"),
        S + "evaluation_interval", Duration.ofMillis(100), p) : DEFAULT_INTERVAL;
    if (interval != null && interval.compareTo(Duration.ofHours(1)) > 0) {
      p.add(null, S + "evaluation_interval must be at most 1h, was " + Text.quoted(section.get("evaluation_interval").asText()));
    }
    Duration window = section.has("gate_window") ? duration(section.get("gate_window"), S + "gate_window",
        Duration.ofMillis(100), p) : DEFAULT_WINDOW;
    if (window != null && interval != null && window.compareTo(interval) < 0) {
      p.add(null, S + "gate_window (" + window + ") must be at least evaluation_interval (" + interval + ")");
    }
    RampPlan.OnFailure onFailure = RampPlan.OnFailure.PREVIOUS_STEP;
    if (section.has("on_failure")) {
      JsonNode n = section.get("on_failure");
      if (n.isTextual() && n.textValue().equals("kill_switch")) {
        onFailure = RampPlan.OnFailure.KILL_SWITCH;
      } else if (!(n.isTextual() && n.textValue().equals("previous_step"))) {
        p.add(null, S + "on_failure must be previous_step or kill_switch, was " + ConfigValues.show(n));
      }
    }
    Path stateDir = section.has("state_dir") ? path(section.get("state_dir"), p) : null;
    RampPlan.Gates gates = section.has("gates") ? gates(section.get("gates"), p) : RampPlan.Gates.DEFAULTS;
    if (enabled) {
      for (String required : List.of("start", "steps", "state_dir")) {
        if (!section.has(required)) {
          p.add(null, S + required + " is required when " + S + "enabled is true");
        }
      }
    }
    p.throwIfAny();
    return new RampPlan(enabled, start == null ? Instant.EPOCH : start, steps, interval, window, onFailure,
        stateDir == null ? Path.of("") : stateDir, gates);
  }

  private static void unknownKeys(JsonNode node, Set<String> known, String prefix, ConfigValues.Problems p) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!known.contains(k)) {
        p.add(null, "unknown key " + prefix + Text.printable(k) + "; known keys: "
            + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  private static Instant instant(JsonNode n, ConfigValues.Problems p) {
    if (n.isTextual()) {
      try {
        return OffsetDateTime.parse(n.textValue()).toInstant();
      } catch (DateTimeParseException e) {
        // below
      }
    }
    p.add(null, S + "start must be a quoted instant such as \"2026-12-01T09:00:00Z\", was " + ConfigValues.show(n));
    return null;
  }

  private static List<RampPlan.Step> steps(JsonNode n, Duration soak, ConfigValues.Problems p) {
    if (!n.isArray() || n.isEmpty() || n.size() > RampPlan.MAX_STEPS) {
      p.add(null, S + "steps must be a list of 1 to " + RampPlan.MAX_STEPS + " percentages such as [10, 25, 50, 100],"
          + " was " + ConfigValues.show(n));
      return List.of();
    }
    List<RampPlan.Step> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      String name = S + "steps[" + (i + 1) + "]";
      JsonNode item = n.get(i);
      JsonNode percent = item;
      Duration stepSoak = soak;
      if (item.isObject()) {
        unknownKeys(item, Set.of("percent", "soak"), name + ".", p);
        percent = item.path("percent");
        if (item.has("soak")) {
          stepSoak = duration(item.get("soak"), name + ".soak", Duration.ZERO, p);
        }
      }
      if (!percent.isNumber()) {
        p.add(null, name + " must be a percentage 0.01..100 (or {percent: 25, soak: 48h}), was " + ConfigValues.show(item));
        continue;
      }
      Integer bp = ConfigValues.basisPoints(null, percent.decimalValue(), name, p);
      if (bp == null) {
        continue;
      }
      if (bp == 0) {
        p.add(null, name + " must be above 0, was 0");
        continue;
      }
      if (!out.isEmpty() && bp <= out.get(out.size() - 1).basisPoints()) {
        p.add(null, S + "steps must rise: step " + (i + 1) + " (" + percent.decimalValue().stripTrailingZeros()
            .toPlainString() + ") is not above step " + out.size() + " (" + out.get(out.size() - 1).percentage() + ")");
        continue;
      }
      if (stepSoak != null) {
        out.add(new RampPlan.Step(bp, stepSoak));
      }
    }
    return out;
  }

  private static RampPlan.Gates gates(JsonNode n, ConfigValues.Problems p) {
    if (!n.isObject()) {
      p.add(null, S + "gates must be a mapping such as {decode_error_margin: 0.001}, was " + ConfigValues.show(n));
      return RampPlan.Gates.DEFAULTS;
    }
    unknownKeys(n, GATE_KEYS, S + "gates.", p);
    RampPlan.Gates d = RampPlan.Gates.DEFAULTS;
    double decode = number(n, "decode_error_margin", d.decodeErrorMargin(), 1, p);
    double disconnect = number(n, "disconnect_margin", d.disconnectMargin(), 1e9, p);
    double switchBack = number(n, "switch_back_margin", d.switchBackMargin(), 1e9, p);
    double messages = number(n, "min_protobuf_messages", d.minProtobufMessages(), 1e12, p);
    if (n.has("min_protobuf_messages") && !n.get("min_protobuf_messages").canConvertToExactIntegral()) {
      p.add(null, S + "gates.min_protobuf_messages must be a whole number, was " + ConfigValues.show(n.get("min_protobuf_messages")));
    }
    double hours = number(n, "min_protobuf_connection_hours", d.minProtobufConnectionHours(), 1e9, p);
    return new RampPlan.Gates(decode, disconnect, switchBack, (long) messages, hours);
  }

  private static double number(JsonNode n, String key, double fallback, double max, ConfigValues.Problems p) {
    if (!n.has(key)) {
      return fallback;
    }
    JsonNode v = n.get(key);
    if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() < 0 || v.doubleValue() > max) {
      p.add(null, S + "gates." + key + " must be a number 0.." + BigDecimal.valueOf(max).stripTrailingZeros()
          .toPlainString() + ", was " + ConfigValues.show(v));
      return fallback;
    }
    return v.doubleValue();
  }

  private static Path path(JsonNode n, ConfigValues.Problems p) {
    if (n.isTextual() && !n.textValue().isBlank()) {
      try {
        return Path.of(n.textValue());
      } catch (InvalidPathException e) {
        // below
      }
    }
    p.add(null, S + "state_dir must be a directory path that every replica sees, was " + ConfigValues.show(n));
    return null;
  }

  /** A duration written {@code 500ms}, {@code 30s}, {@code 15m}, {@code 24h}, {@code 2d} or ISO-8601, at least {@code min}. */
  static Duration duration(JsonNode n, String name, Duration min, ConfigValues.Problems p) {
    Duration d = n.isTextual() ? Durations.parse(n.textValue()).orElse(null) : null;
    if (d == null || d.isNegative()) {
      p.add(null, name + " must be a duration such as 30s, 15m, 24h or PT24H, was " + ConfigValues.show(n));
      return null;
    }
    if (d.compareTo(min) < 0) {
      p.add(null, name + " must be at least " + (min.toMillis() < 1000 ? min.toMillis() + "ms" : min) + ", was "
          + Text.quoted(n.textValue()));
      return null;
    }
    return d;
  }

  /** For tests: the keys, to compare with docs/configuration.md. */
  static Map<String, Set<String>> keys() {
    return Map.of(RampPlan.SECTION, KEYS, RampPlan.SECTION + ".gates", GATE_KEYS);
  }
}
