package dev.protoshift.server.ramp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The guarded ramp's metrics (docs/metrics.md), every series registered at start so that rates and
 * alerts see them from 0: the percentage and step this replica applies, its status, the
 * transitions it wrote, which gates fail on its own counts, and problems with the shared state.
 * Thread-safe.
 */
public final class RampMetrics {

  private final AtomicLong basisPoints = new AtomicLong();
  private final AtomicInteger step = new AtomicInteger();
  private final Map<RampStatus, AtomicInteger> status = new EnumMap<>(RampStatus.class);
  private final Map<RampEvent.Action, Counter> transitions = new EnumMap<>(RampEvent.Action.class);
  private final Map<String, AtomicInteger> failing = new HashMap<>();
  private final Counter stateErrors;

  public RampMetrics(MeterRegistry registry) {
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
    for (String gate : HealthGates.NAMES) {
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

  void applied(RampStatus now, int appliedBasisPoints, int stepIndex) {
    basisPoints.set(appliedBasisPoints);
    step.set(stepIndex + 1);
    status.forEach((s, v) -> v.set(s == now ? 1 : 0));
  }

  void transition(RampEvent.Action action) {
    transitions.get(action).increment();
  }

  void gates(List<GateResult> own) {
    failing.values().forEach(v -> v.set(0));
    own.stream().filter(g -> g.verdict() == GateResult.Verdict.FAIL).forEach(g -> failing.get(g.gate()).set(1));
  }

  void stateError() {
    stateErrors.increment();
  }
}
