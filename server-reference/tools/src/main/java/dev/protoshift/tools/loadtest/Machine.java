package dev.protoshift.tools.loadtest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;

/**
 * Where a run happened: a result is only comparable with one from a similar machine.
 *
 * @param host host name
 * @param cores available processors
 * @param java Java runtime version
 * @param os operating system name, version and architecture
 * @param loadAverage one-minute system load average when the run started (-1 if unknown)
 */
public record Machine(String host, int cores, String java, String os, double loadAverage) {

  /** This machine, now. */
  public static Machine current() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown";
    }
    return new Machine(host, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
