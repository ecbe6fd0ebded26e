package dev.protoshift.session.micrometer;

import dev.protoshift.operations.ramp.GateResult;
import dev.protoshift.operations.ramp.RampEvent;
import dev.protoshift.operations.ramp.RampMetrics;
import dev.protoshift.operations.ramp.RampStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A guarded ramp's {@link RampMetrics} on a Micrometer registry, named as docs/metrics.md says
 * ({@code protoshift_ramp_*}), every series registered at construction so that rates and alerts
 * see them from 0: the percentage and step this replica applies, its status, the transitions it
 * wrote, which gates fail on its own counts, and problems with the shared state. Needs {@code
 * protoshift-operations} on the class path (an optional dependency of this module). Thread-safe.
 *
 * <pre>{@code
 * new RampController(holder, windows, configFile, instance, clock,
 *     new MicrometerRampMetrics(registry), result -> {});
 * }</pre>
 */
public final class MicrometerRampMetrics implements RampMetrics {

  private final AtomicLong basisPoints = new AtomicLong();
  private final AtomicInteger step = new AtomicInteger();
  private final Map<RampStatus, AtomicInteger> status = new EnumMap<>(RampStatus.class);
  private final Map<RampEvent.Action, Counter> transitions = new EnumMap<>(RampEvent.Action.class);
  private final Map<String, AtomicInteger> failing = new HashMap<>();
  private final Counter stateErrors;

  /**
   * Registers every series on {@code registry}.
   *
   * @throws NullPointerException if {@code registry} is null
   */
  public MicrometerRampMetrics(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    Gauge.builder("protoshift.ramp.percentage", basisPoints, b -> b.get() / 100.0)
        .description("The rollout percentage the guarded ramp has this replica apply (0 while it is off or waiting)")
        .register(registry);
    Gauge.builder("protoshift.ramp.step", step, AtomicInteger::get)
        .description("The guarded ramp's step this replica applies, 1 for the first; 0 before it")
        .register(registry);
    for (RampStatus s : RampStatus.values()) {
      AtomicInteger v = new AtomicInteger();
      status.put(s, v);
      Gauge.builder("protoshift.ramp.status", v, AtomicInteger::get)
          .description("1 for the guarded ramp's status on this replica, 0 for the others").tag("status", s.code())
          .register(registry);
    }
    for (RampEvent.Action a : RampEvent.Action.values()) {
      transitions.put(a, Counter.builder("protoshift.ramp.transitions")
          .description("Changes of the guarded ramp's shared state this replica wrote").tag("action", a.code())
          .register(registry));
    }
    for (String gate : GateResult.GATES) {
      AtomicInteger v = new AtomicInteger();
      failing.put(gate, v);
      Gauge.builder("protoshift.ramp.gate.failing", v, AtomicInteger::get)
          .description("1 while the gate fails on this replica's own counts at its last evaluation").tag("gate", gate)
          .register(registry);
    }
    stateErrors = Counter.builder("protoshift.ramp.shared.state.errors")
        .description("Reads, writes or locks of the guarded ramp's shared state directory that failed")
        .register(registry);
    applied(RampStatus.OFF, 0, -1);
  }

  @Override
  public void applied(RampStatus now, int appliedBasisPoints, int stepIndex) {
    basisPoints.set(appliedBasisPoints);
    step.set(stepIndex + 1);
    status.forEach((s, v) -> v.set(s == now ? 1 : 0));
  }

  @Override
  public void transition(RampEvent.Action action) {
    transitions.get(action).increment();
  }

  @Override
  public void gates(List<GateResult> own) {
    failing.values().forEach(v -> v.set(0));
    own.stream().filter(g -> g.verdict() == GateResult.Verdict.FAIL).forEach(g -> failing.get(g.gate()).set(1));
  }

  @Override
  public void stateError() {
    stateErrors.increment();
  }
}
