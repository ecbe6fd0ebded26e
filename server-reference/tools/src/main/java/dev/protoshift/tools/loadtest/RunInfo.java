package dev.protoshift.tools.loadtest;

import java.util.Objects;

/**
 * How a load test run was made.
 *
 * @param tool the tool and its version
 * @param startedAt when the measured window began (ISO-8601 instant)
 * @param durationSeconds length of the measured window
 * @param rampUpSeconds time spent opening connections before the window
 * @param url the game endpoint
 * @param connections connections requested
 * @param rooms rooms the connections were spread over
 * @param protocol protocol requested: {@code protobuf}, {@code json} or {@code mixed}
 * @param protoVersion schema version the clients declared, or {@code none}
 * @param connectFailures connections that never opened
 * @param clientCpuSeconds CPU time the load tool itself used in the window
 * @param machine where the load tool ran
 */
public record RunInfo(String tool, String startedAt, double durationSeconds, double rampUpSeconds, String url,
    int connections, int rooms, String protocol, String protoVersion, long connectFailures,
    double clientCpuSeconds, Machine machine) {

  /**
   * @throws IllegalArgumentException naming the bad value
   */
  public RunInfo {
    Objects.requireNonNull(startedAt, "startedAt");
    if (!Double.isFinite(durationSeconds) || durationSeconds <= 0) {
      throw new IllegalArgumentException("durationSeconds must be > 0, was " + durationSeconds);
    }
    if (connections < 0 || rooms < 0 || connectFailures < 0) {
      throw new IllegalArgumentException("connections, rooms and connectFailures must be >= 0, were "
          + connections + ", " + rooms + ", " + connectFailures);
    }
  }
}
