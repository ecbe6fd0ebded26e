package dev.protoshift.tools.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.AbstractHistogram;

/** Load test results drawn from known distributions, for the compare tool's tests. */
final class SyntheticRuns {

  /**
   * How a cohort's connections behave: each message is {@code bytesPerMessage} bytes (±2% per
   * connection), latency and decode time are log-normal with the given medians and spread.
   */
  record Shape(double bytesPerMessage, double latencyMedianMs, double latencySigma, double decodeMedianUs,
      double decodeSigma) {

    Shape withBytes(double b) {
      return new Shape(b, latencyMedianMs, latencySigma, decodeMedianUs, decodeSigma);
    }

    Shape withLatency(double medianMs) {
      return new Shape(bytesPerMessage, medianMs, latencySigma, decodeMedianUs, decodeSigma);
    }

    Shape withDecode(double medianUs) {
      return new Shape(bytesPerMessage, latencyMedianMs, latencySigma, medianUs, decodeSigma);
    }
  }

  static final Shape PROTOBUF = new Shape(240, 1.2, 0.5, 25, 0.4);
  static final Shape JSON = new Shape(610, 1.4, 0.5, 60, 0.4);

  /** Events a cohort's connections see: each connection gets its share, the first ones the remainder. */
  record Events(long decodeErrors, long gaps, long repeats, long disconnects) {
    static final Events NONE = new Events(0, 0, 0, 0);
  }

  private SyntheticRuns() {}

  static CohortResults cohort(String protocol, String version, int connections, int messagesEach, Shape shape,
      Events events, long seed) {
    return cohort(protocol, version, connections, messagesEach, 20, shape, events, seed);
  }

  /** A cohort whose connections received {@code messagesEach} updates at {@code rateHz}. */
  static CohortResults cohort(String protocol, String version, int connections, int messagesEach, double rateHz,
      Shape shape, Events events, long seed) {
    Random random = new Random(seed);
    List<ConnectionSample> samples = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      AbstractHistogram latency = Histograms.newLatencyUs();
      AbstractHistogram decode = Histograms.newDecodeNs();
      for (int m = 0; m < messagesEach; m++) {
        Histograms.record(latency, Math.round(shape.latencyMedianMs() * 1000
            * Math.exp(shape.latencySigma() * random.nextGaussian())));
        Histograms.record(decode, Math.round(shape.decodeMedianUs() * 1000
            * Math.exp(shape.decodeSigma() * random.nextGaussian())));
      }
      long bytes = Math.round(messagesEach * shape.bytesPerMessage() * (1 + 0.02 * random.nextGaussian()));
      samples.add(new ConnectionSample(i, messagesEach / rateHz, messagesEach, bytes,
          share(events.decodeErrors(), connections, i), share(events.gaps(), connections, i),
          share(events.repeats(), connections, i), share(events.disconnects(), connections, i),
          Histograms.encode(latency), Histograms.encode(decode)));
    }
    return CohortResults.of(protocol, version, events.disconnects(), samples);
  }

  private static long share(long total, int connections, int i) {
    return total / connections + (i < total % connections ? 1 : 0);
  }

  static RunInfo run(String protocol, int connections) {
    return new RunInfo("protoshift-loadtest test", "2026-11-27T04:00:00Z", 10.0, 2.0, "ws://127.0.0.1:8080/ws",
        connections, 4, protocol, "1.2.0", 0, 1.5, new Machine("test-host", 2, "17", "Linux", 0.5));
  }

  static ServerFigures server(double protobufEncodeP99Ms, double jsonEncodeP99Ms) {
    return new ServerFigures("http://127.0.0.1:9090/metrics", 10.0, 0.6, 0.45, 0.7, 80L << 20, 4, 12.5, 5.0, 0,
        List.of(new ServerProtocolFigures("protobuf", 800, protobufEncodeP99Ms / 4, protobufEncodeP99Ms, 0, 0,
                1_000_000, 0, 0),
            new ServerProtocolFigures("json", 800, jsonEncodeP99Ms / 4, jsonEncodeP99Ms, 0, 0, 2_500_000, 0, 0)));
  }

  /** A mixed run: a protobuf and a JSON cohort of {@code connections} each. */
  static LoadResults mixed(int connections, Shape protobuf, Shape json, Events protobufEvents, Events jsonEvents,
      ServerFigures server) {
    return LoadResults.of(run("mixed", 2 * connections), List.of(
        cohort("protobuf", "1.2.0", connections, 200, protobuf, protobufEvents, 1),
        cohort("json", "none", connections, 200, json, jsonEvents, 2)), server);
  }

  static LoadResults mixed(int connections) {
    return mixed(connections, PROTOBUF, JSON, Events.NONE, Events.NONE, server(0.08, 0.12));
  }

  static ComparisonSide side(LoadResults results, String protocol) {
    return new ComparisonSide(protocol, results.run(), results.server(),
        results.cohorts().stream().filter(c -> c.protocol().equals(protocol)).toList());
  }

  static Comparison compare(LoadResults results) {
    return Comparison.of(side(results, "protobuf"), side(results, "json"), BootstrapSettings.DEFAULTS);
  }
}
