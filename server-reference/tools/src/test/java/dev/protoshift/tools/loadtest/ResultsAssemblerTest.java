package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsAssemblerTest {

  @Test
  void cohorts_groupTheConnectionsByCohortProtobufFirst() {
    ConnectionRecorder a = new ConnectionRecorder(0);
    ConnectionRecorder b = new ConnectionRecorder(1);
    ConnectionRecorder c = new ConnectionRecorder(2);
    for (ConnectionRecorder r : List.of(a, b, c)) {
      r.startWindow(0);
    }
    a.connected("json", "none", 0);
    b.connected("protobuf", "1.2.0", 0);
    c.connected("protobuf", "1.2.0", 0);
    c.switched("json", "1.2.0", 5);
    b.update(1, 100, 1, 10, 10);
    c.update(2, 100, 1, 10, 10);
    for (ConnectionRecorder r : List.of(a, b, c)) {
      r.endWindow(10);
    }
    List<CohortResults> cohorts = ResultsAssembler.cohorts(List.of(a, b, c));
    assertThat(cohorts).extracting(CohortResults::key)
        .containsExactly("protobuf/1.2.0", "json/1.2.0", "json/none");
    assertThat(cohorts.get(0).connections()).isEqualTo(2);
    assertThat(cohorts.get(0).messages()).isEqualTo(1);
    assertThat(cohorts.get(1).samples()).extracting(ConnectionSample::connection).containsExactly(2);
  }
}
