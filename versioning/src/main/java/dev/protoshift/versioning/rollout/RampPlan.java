package dev.protoshift.versioning.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A guarded ramp (docs/configuration.md, "Guarded ramp"): the {@code protobuf_ramp:} section of
 * the config file. The steps raise {@code rollout_percentage} one after the other, each held for at
 * least its soak, and only while the health gates hold; a failing gate rolls back to the last good
 * step or engages the kill switch. Replicas share the ramp's state in {@code state_dir}. This class
 * is the plan only, validated; a server runs it. Immutable.
 *
 * @param enabled false: the section is read and validated, and nothing ramps
 * @param start when the plan starts; of two plans, the one with the later start wins
 * @param steps the percentages, strictly rising, each with its soak
 * @param evaluationInterval how often the gates are evaluated
 * @param gateWindow how far back the gates look (never before the step's start)
 * @param onFailure what a failing gate does
 * @param stateDir the directory the replicas share the ramp's state in
 * @param gates the health gates' margins and minimum evidence
 */
public record RampPlan(boolean enabled, Instant start, List<Step> steps, Duration evaluationInterval,
    Duration gateWindow, OnFailure onFailure, Path stateDir, Gates gates) {

  /** The name of the section in the config file. */
  public static final String SECTION = "protobuf_ramp";
  /** Most steps a plan may have. */
  public static final int MAX_STEPS = 20;

  /**
   * One step: a rollout percentage and the least time it is held before the next.
   *
   * @param basisPoints the percentage in basis points, 1..10000 (1 = 0.01%)
   * @param soak the least time at this step
   */
  public record Step(int basisPoints, Duration soak) {

    /** The percentage, e.g. {@code 25} or {@code 12.5}. */
    public BigDecimal percentage() {
      BigDecimal p = BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros();
      return p.scale() < 0 ? p.setScale(0) : p;
    }
  }

  /** What a failing gate does. */
  public enum OnFailure {
    /** Back to the last step whose gates held (0% before the first). */
    PREVIOUS_STEP,
    /** {@code enabled: false}: protobuf off for every room not force-enabled. */
    KILL_SWITCH;

    /** {@code previous_step} or {@code kill_switch}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The health gates: protobuf connections may be worse than JSON ones by at most a margin, and the
   * gates judge only with enough protobuf evidence (and a step advances only then).
   *
   * @param decodeErrorMargin how much protobuf's share of inbound messages that fail to decode may
   *     exceed JSON's (0.001 = 0.1 percentage points)
   * @param disconnectMargin how many more abnormal disconnects per connection-hour protobuf
   *     connections may have than JSON ones
   * @param switchBackMargin how many protobuf connections per connection-hour may be switched back
   *     to JSON by their decode errors (JSON connections never are)
   * @param minProtobufMessages inbound protobuf messages needed to judge the decode-error gate
   * @param minProtobufConnectionHours protobuf connection time needed to judge the other two
   */
  public record Gates(double decodeErrorMargin, double disconnectMargin, double switchBackMargin,
      long minProtobufMessages, double minProtobufConnectionHours) {

    /** 0.1 points of decode errors, 1 disconnect and 0.1 switch-backs per connection-hour; 1,000 messages, 1 hour. */
    public static final Gates DEFAULTS = new Gates(0.001, 1.0, 0.1, 1_000, 1.0);
  }

  public RampPlan {
    Objects.requireNonNull(start, "start");
    steps = List.copyOf(steps);
    Objects.requireNonNull(evaluationInterval, "evaluationInterval");
    Objects.requireNonNull(gateWindow, "gateWindow");
    Objects.requireNonNull(onFailure, "onFailure");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(gates, "gates");
  }

  /**
   * The plan in a config file's text, if it has a {@code protobuf_ramp:} section.
   *
   * @param origin names the source in problems, e.g. the file's path
   * @throws InvalidConfigException listing every problem (the file is not YAML, or the section is invalid)
   */
  public static Optional<RampPlan> parseFile(String text, String origin) {
    ConfigValues.Problems p = new ConfigValues.Problems(origin);
    JsonNode root = ConfigYaml.readTree(text, p);
    p.throwIfAny();
    if (!root.isObject() || !root.has(SECTION) || root.get(SECTION).isNull()) {
      return Optional.empty();
    }
    YamlAliases.refuse(text, SECTION, false, p);
    p.throwIfAny();
    return Optional.of(RampPlanReader.read(root.get(SECTION), p));
  }

  /** The percentage of step {@code index} in basis points; 0 before the first step ({@code index} -1). */
  public int basisPoints(int index) {
    return index < 0 ? 0 : steps.get(Math.min(index, steps.size() - 1)).basisPoints();
  }
}
