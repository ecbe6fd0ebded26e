package dev.protoshift.session.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.operations.ramp.GateResult;
import dev.protoshift.operations.ramp.RampEvent;
import dev.protoshift.operations.ramp.RampStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicrometerRampMetricsTest {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final MicrometerRampMetrics metrics = new MicrometerRampMetrics(registry);

  double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  @Test
  void construction_registersEverySeries_atOff() {
    assertThat(gauge("protoshift.ramp.percentage")).isZero();
    assertThat(gauge("protoshift.ramp.step")).isZero();
    assertThat(gauge("protoshift.ramp.status", "status", "off")).isEqualTo(1);
    for (RampStatus s : List.of(RampStatus.WAITING, RampStatus.RAMPING, RampStatus.DONE)) {
      assertThat(gauge("protoshift.ramp.status", "status", s.code())).isZero();
    }
    for (RampEvent.Action a : RampEvent.Action.values()) {
      assertThat(registry.get("protoshift.ramp.transitions").tags("action", a.code()).counter().count()).isZero();
    }
    for (String gate : GateResult.GATES) {
      assertThat(gauge("protoshift.ramp.gate.failing", "gate", gate)).isZero();
    }
    assertThat(registry.get("protoshift.ramp.shared.state.errors").counter().count()).isZero();
  }

  @Test
  void applied_setsPercentageStepAndOneStatus() {
    metrics.applied(RampStatus.RAMPING, 1_250, 1);

    assertThat(gauge("protoshift.ramp.percentage")).isEqualTo(12.5);
    assertThat(gauge("protoshift.ramp.step")).isEqualTo(2);
    assertThat(gauge("protoshift.ramp.status", "status", "ramping")).isEqualTo(1);
    assertThat(gauge("protoshift.ramp.status", "status", "off")).isZero();
  }

  @Test
  void gates_markOnlyTheFailingOnes_andTheNextEvaluationClearsThem() {
    metrics.gates(List.of(new GateResult("decode_errors", GateResult.Verdict.FAIL, 0.1, 0, 0.01, "d"),
        new GateResult("disconnects", GateResult.Verdict.PASS, 0, 0, 1, "d"),
        new GateResult("switch_backs", GateResult.Verdict.NO_DATA, 0, 0, 1, "d")));
    assertThat(gauge("protoshift.ramp.gate.failing", "gate", "decode_errors")).isEqualTo(1);
    assertThat(gauge("protoshift.ramp.gate.failing", "gate", "disconnects")).isZero();

    metrics.gates(List.of());
    assertThat(gauge("protoshift.ramp.gate.failing", "gate", "decode_errors")).isZero();
  }

  @Test
  void transitionsAndStateErrors_areCounted() {
    metrics.transition(RampEvent.Action.ROLLBACK);
    metrics.transition(RampEvent.Action.ROLLBACK);
    metrics.stateError();

    assertThat(registry.get("protoshift.ramp.transitions").tags("action", "rollback").counter().count()).isEqualTo(2);
    assertThat(registry.get("protoshift.ramp.transitions").tags("action", "advance").counter().count()).isZero();
    assertThat(registry.get("protoshift.ramp.shared.state.errors").counter().count()).isEqualTo(1);
  }
}
