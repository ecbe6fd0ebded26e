package dev.protoshift.tools.loadtest;

import java.util.List;
import java.util.Optional;

/**
 * What the server reported about itself over the measured window (from its {@code /metrics}).
 *
 * @param metricsUrl where the figures came from
 * @param windowSeconds time between the first and the last scrape
 * @param cpuCoresAvg average CPU the server process used, in cores (2.0 = two cores busy)
 * @param processCpuMax highest "recent CPU usage" of the process seen in a scrape (0..1 of all cores)
 * @param systemCpuAvg average "recent CPU usage" of the whole machine (0..1)
 * @param heapUsedMaxBytes largest heap in use seen in a scrape
 * @param gcPauses GC pauses in the window
 * @param gcPauseTotalMs their total time
 * @param gcPauseMaxMs the longest pause the server reported (its recent maximum)
 * @param protocolSwitches live connections switched from one protocol to the other
 * @param protocols per-protocol figures
 */
public record ServerFigures(String metricsUrl, double windowSeconds, double cpuCoresAvg, double processCpuMax,
    double systemCpuAvg, long heapUsedMaxBytes, long gcPauses, double gcPauseTotalMs, double gcPauseMaxMs,
    long protocolSwitches, List<ServerProtocolFigures> protocols) {

  public ServerFigures {
    protocols = protocols == null ? List.of() : List.copyOf(protocols);
  }

  /** The figures of one protocol, if the server reported any. */
  public Optional<ServerProtocolFigures> protocol(String protocol) {
    return protocols.stream().filter(p -> p.protocol().equals(protocol)).findFirst();
  }
}
