package dev.protoshift.tools.loadtest;

import java.util.List;
import java.util.Objects;

/**
 * One cohort of a load test run: the connections that received one protocol at one agreed
 * schema version. A connection switched from protobuf to JSON mid-run (kill switch) appears in
 * both cohorts, each with the time it spent there. Build it with {@link #of}, which derives
 * every summary from the per-connection samples, so the two can never disagree.
 *
 * @param protocol {@code protobuf} or {@code json}
 * @param version agreed schema version, or {@code none} for a client that declared none
 * @param connections connections that spent time in this cohort
 * @param connectionSeconds total time those connections spent in it (the exposure of the rates)
 * @param messages state updates received
 * @param bytes bytes received in those updates
 * @param bytesPerSecondPerConnection {@code bytes / connectionSeconds}: the mean bandwidth of one connection
 * @param latencyMs server tick timestamp to receipt, milliseconds
 * @param decodeMs client decode time, milliseconds
 * @param decodeErrors frames that failed to decode
 * @param gaps ticks missing between consecutive updates
 * @param repeats updates not newer than the previous one
 * @param disconnects connections dropped (not closed by the tool)
 * @param reconnects connections opened again after a drop
 * @param samples one entry per connection: what the compare tool resamples
 */
public record CohortResults(String protocol, String version, int connections, double connectionSeconds,
    long messages, long bytes, double bytesPerSecondPerConnection, Percentiles latencyMs, Percentiles decodeMs,
    long decodeErrors, long gaps, long repeats, long disconnects, long reconnects, List<ConnectionSample> samples) {

  /** The protocols a cohort can have. */
  public static final List<String> PROTOCOLS = List.of("protobuf", "json");

  /**
   * @throws IllegalArgumentException naming the bad value (unknown protocol, blank version,
   *     negative counts)
   */
  public CohortResults {
    if (!PROTOCOLS.contains(protocol)) {
      throw new IllegalArgumentException("protocol must be one of " + PROTOCOLS + ", was " + quote(protocol));
    }
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("version must be a version or \"none\", was " + quote(version)
          + " (cohort " + protocol + ")");
    }
    Objects.requireNonNull(latencyMs, "latencyMs");
    Objects.requireNonNull(decodeMs, "decodeMs");
    samples = samples == null ? List.of() : List.copyOf(samples);
    if (connections < 0 || messages < 0 || bytes < 0 || decodeErrors < 0 || gaps < 0 || repeats < 0
        || disconnects < 0 || reconnects < 0 || connectionSeconds < 0) {
      throw new IllegalArgumentException("counts must be >= 0 in cohort " + protocol + "/" + version);
    }
  }

  /**
   * A cohort whose summaries are computed from its samples.
   *
   * @throws IllegalArgumentException if a sample's histogram cannot be decoded, or the protocol
   *     or version is bad
   */
  public static CohortResults of(String protocol, String version, long reconnects, List<ConnectionSample> samples) {
    SamplePool pool = SamplePool.of(samples);
    SamplePool.Stats s = pool.pointEstimate();
    return new CohortResults(protocol, version, samples.size(), s.seconds(), s.messages(), s.bytes(),
        s.bandwidth(), pool.latencyPercentiles(), pool.decodePercentiles(), s.decodeErrors(), s.gaps(),
        s.repeats(), s.disconnects(), reconnects, samples);
  }

  /** {@code protocol/version}, e.g. {@code protobuf/1.2.0}. */
  public String key() {
    return protocol + "/" + version;
  }

  private static String quote(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }
}
