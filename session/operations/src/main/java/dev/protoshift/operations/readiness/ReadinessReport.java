package dev.protoshift.operations.readiness;

import dev.protoshift.operations.ConnectionKey;
import dev.protoshift.operations.ConnectionWindows;
import dev.protoshift.operations.internal.Percent;
import dev.protoshift.operations.internal.VersionLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * "Can we remove JSON yet?", answered from one server's own counts over a window
 * (docs/operations.md, "Readiness report"). Ready when, over the window:
 *
 * <ol>
 *   <li>the window is covered: the server has counted for all of it (within one bucket);
 *   <li>no connection was served JSON because of the rollout config ({@link Category#CONFIG}: the
 *       rollout must have been at 100% for every room for the whole window);
 *   <li>the JSON share of connection time and the JSON share of bytes sent are both at most the
 *       allowed share (default 0.1%): what is left are clients that cannot speak protobuf and
 *       connections switched back after decode errors, each listed with its client versions.
 * </ol>
 *
 * @param at when the report was made
 * @param window the window asked for
 * @param covered how much of it the server counted
 * @param maxJsonShare the JSON share allowed, 0..1
 * @param ready the verdict
 * @param summary one line: {@code ready: ...} or {@code not yet: ...}
 * @param reasons why not yet (empty when ready)
 * @param notes what is left on JSON although ready (clients that removing JSON will refuse)
 * @param averageOpen open connections on average over the window
 * @param bytesSent bytes sent to clients in the window
 * @param jsonConnectionShare share of connection time on JSON
 * @param jsonTrafficShare share of bytes sent as JSON
 * @param byReason each (protocol, reason) with its shares, protobuf first, then by share
 * @param clientVersions each declared client version with its shares, oldest first
 */
public record ReadinessReport(Instant at, Duration window, Duration covered, double maxJsonShare, boolean ready,
    String summary, List<String> reasons, List<String> notes, double averageOpen, long bytesSent,
    double jsonConnectionShare, double jsonTrafficShare, List<ReasonShare> byReason, List<VersionShare> clientVersions) {

  /** Versions listed in a reason line before "and N more". */
  static final int VERSIONS_IN_A_LINE = 5;

  /**
   * One reason's share of the window's connection time and bytes.
   *
   * @param protocol {@code json} or {@code protobuf}
   * @param reason the reason counted (see {@link Category#reason})
   * @param category what the reason means for removing JSON
   * @param connections its share of all connection time, 0..1
   * @param traffic its share of all bytes sent, 0..1
   */
  public record ReasonShare(String protocol, String reason, Category category, double connections, double traffic) {}

  /**
   * One declared client version ({@code none}, {@code 1.0.0}, ..., {@code other}).
   *
   * @param version the version label
   * @param connections its share of all connection time
   * @param traffic its share of all bytes sent
   * @param json the share of its own connection time that was on JSON
   */
  public record VersionShare(String version, double connections, double traffic, double json) {}

  /** @throws NullPointerException if a list is null */
  public ReadinessReport {
    reasons = List.copyOf(reasons);
    notes = List.copyOf(notes);
    byReason = List.copyOf(byReason);
    clientVersions = List.copyOf(clientVersions);
  }

  /**
   * The report over the last {@code window} of a server's counts. Immutable and thread-safe, like
   * every report.
   *
   * @param windows the server's windowed counts
   * @param window how far back to judge, at least one bucket and at most the retention
   * @param maxJsonShare the JSON share of connection time and of bytes still called ready, 0..1
   *     (0.001 for 0.1%)
   * @throws IllegalArgumentException if the window is shorter than a bucket or longer than the
   *     retention, or {@code maxJsonShare} is not in [0, 1]
   */
  public static ReadinessReport of(ConnectionWindows windows, Duration window, double maxJsonShare) {
    long now = windows.nowMillis();
    long res = windows.resolutionMillis();
    if (window.toMillis() < res || window.toMillis() > windows.retentionMillis()) {
      throw new IllegalArgumentException("window must be " + Percent.duration(Duration.ofMillis(res)) + ".."
          + Percent.duration(Duration.ofMillis(windows.retentionMillis())) + " (the readiness resolution to"
          + " its retention), was " + Percent.duration(window));
    }
    long from = now - window.toMillis();
    Duration covered = Duration.ofMillis(Math.min(window.toMillis(), now - windows.startedMillis()));
    return compute(windows.connections(from, now), Instant.ofEpochMilli(now), window, covered,
        Duration.ofMillis(res), maxJsonShare);
  }

  /**
   * The report from counts: connection milliseconds and bytes sent per key (as {@link
   * ConnectionWindows#connections} gives them, e.g. summed over several replicas).
   *
   * @param counts connection milliseconds and bytes sent per key
   * @param at when the report is made
   * @param window the window the counts are of
   * @param covered how much of the window was counted
   * @param tolerance how much of the window may be uncovered (one bucket)
   * @param maxJsonShare the JSON share allowed, 0..1
   * @throws IllegalArgumentException if {@code maxJsonShare} is not in [0, 1]
   */
  public static ReadinessReport compute(Map<ConnectionKey, long[]> counts, Instant at, Duration window,
      Duration covered, Duration tolerance, double maxJsonShare) {
    if (!(maxJsonShare >= 0 && maxJsonShare <= 1)) {
      throw new IllegalArgumentException("the JSON share allowed must be 0..1, was " + maxJsonShare);
    }
    Objects.requireNonNull(window, "window");
    Tally total = new Tally();
    Map<List<String>, Tally> reasons = new LinkedHashMap<>();
    Map<String, Tally> versions = new TreeMap<>(VersionLabels.OLDEST_FIRST);
    Map<String, Tally> versionsOnJson = new TreeMap<>(VersionLabels.OLDEST_FIRST);
    Map<Category, Tally> categories = new EnumMap<>(Category.class);
    Map<Category, Map<String, Tally>> categoryReasons = new EnumMap<>(Category.class);
    Map<Category, Map<String, Tally>> categoryVersions = new EnumMap<>(Category.class);
    counts.forEach((key, c) -> {
      String reason = Category.reason(key.protocol(), key.reason(), key.protobufOffered());
      Category category = Category.of(key.protocol(), reason);
      long millis = c[ConnectionWindows.CONNECTION_MILLIS];
      long bytes = c[ConnectionWindows.BYTES_SENT];
      total.add(millis, bytes);
      reasons.computeIfAbsent(List.of(key.protocol(), reason), k -> new Tally()).add(millis, bytes);
      versions.computeIfAbsent(key.clientVersion(), k -> new Tally()).add(millis, bytes);
      if (category != Category.PROTOBUF) {
        versionsOnJson.computeIfAbsent(key.clientVersion(), k -> new Tally()).add(millis, bytes);
      }
      categories.computeIfAbsent(category, k -> new Tally()).add(millis, bytes);
      categoryReasons.computeIfAbsent(category, k -> new TreeMap<>()).computeIfAbsent(reason, k -> new Tally())
          .add(millis, bytes);
      categoryVersions.computeIfAbsent(category, k -> new TreeMap<>(VersionLabels.OLDEST_FIRST))
          .computeIfAbsent(key.clientVersion(), k -> new Tally()).add(millis, bytes);
    });

    Tally protobuf = categories.getOrDefault(Category.PROTOBUF, new Tally());
    Tally json = new Tally();
    json.add(total.millis - protobuf.millis, total.bytes - protobuf.bytes);
    double jsonConnections = share(json, total, true);
    double jsonTraffic = share(json, total, false);
    double protobufConnections = total.millis == 0 ? 0 : share(protobuf, total, true);
    double protobufTraffic = total.bytes == 0 ? 1 : share(protobuf, total, false);
    String w = Percent.duration(window);
    List<String> why = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (total.millis == 0) {
      why.add("no connections in the last " + w + ": nothing to judge yet");
    } else {
      if (covered.plus(tolerance).compareTo(window) < 0) {
        why.add("only " + Percent.duration(covered) + " of the " + w + " window is covered: this server has counted"
            + " for " + Percent.duration(covered) + " (counts are per process, in memory); ask again later or for a"
            + " shorter window");
      }
      boolean tooMuchJson = jsonConnections > maxJsonShare || jsonTraffic > maxJsonShare;
      if (tooMuchJson) {
        why.add(Percent.format(jsonConnections) + " of connections and " + Percent.format(jsonTraffic)
            + " of traffic were JSON over the last " + w + ", more than the " + Percent.format(maxJsonShare)
            + " allowed");
      }
      Tally config = categories.get(Category.CONFIG);
      if (config != null && config.millis > 0) {
        why.add("the rollout is not finished: " + Percent.format(share(config, total, true))
            + " of connections were served JSON by the rollout config (" + reasonList(categoryReasons.get(Category.CONFIG), total)
            + "); set enabled: true, rollout_percentage: 100 and no force_disable_rooms, then wait a full window");
      }
      Tally client = categories.get(Category.CLIENT);
      if (client != null && client.millis > 0) {
        String line = Percent.format(share(client, total, true)) + " of connections are clients that cannot speak"
            + " protobuf (" + reasonList(categoryReasons.get(Category.CLIENT), total) + "): versions "
            + versionList(categoryVersions.get(Category.CLIENT), total);
        (tooMuchJson ? why : notes).add(tooMuchJson ? line : line + "; removing JSON refuses them");
      }
      Tally downgrade = categories.get(Category.DOWNGRADE);
      if (downgrade != null && downgrade.millis > 0) {
        String line = Percent.format(share(downgrade, total, true)) + " of connections were switched back to JSON"
            + " after protobuf decode errors (decode_errors): versions "
            + versionList(categoryVersions.get(Category.DOWNGRADE), total);
        (tooMuchJson ? why : notes).add(line + (tooMuchJson ? "; fix those clients first"
            : "; removing JSON leaves them without a working protocol"));
      }
    }
    boolean ready = why.isEmpty();
    String summary = ready
        ? "ready: " + Percent.format(protobufConnections) + " of connections and " + Percent.format(protobufTraffic)
            + " of traffic were protobuf over the last " + w + " (at most " + Percent.format(maxJsonShare)
            + " JSON allowed)"
        : "not yet: " + String.join("; ", why);

    List<ReasonShare> byReason = new ArrayList<>();
    reasons.forEach((k, t) -> byReason.add(new ReasonShare(k.get(0), k.get(1), Category.of(k.get(0), k.get(1)),
        share(t, total, true), share(t, total, false))));
    byReason.sort(Comparator.comparing((ReasonShare r) -> r.category() != Category.PROTOBUF)
        .thenComparing(Comparator.comparingDouble(ReasonShare::connections).reversed())
        .thenComparing(ReasonShare::reason));
    List<VersionShare> byVersion = new ArrayList<>();
    versions.forEach((v, t) -> {
      Tally onJson = versionsOnJson.get(v);
      byVersion.add(new VersionShare(v, share(t, total, true), share(t, total, false),
          onJson == null || t.millis == 0 ? 0 : (double) onJson.millis / t.millis));
    });
    double averageOpen = window.isZero() ? 0 : (double) total.millis / window.toMillis();
    return new ReadinessReport(at, window, covered, maxJsonShare, ready, summary, why, notes, averageOpen, total.bytes,
        jsonConnections, jsonTraffic, byReason, byVersion);
  }

  private static String reasonList(Map<String, Tally> reasons, Tally total) {
    return reasons.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, Tally> e) -> e.getValue().millis).reversed())
        .map(e -> e.getKey() + " " + Percent.format(share(e.getValue(), total, true)))
        .collect(Collectors.joining(", "));
  }

  private static String versionList(Map<String, Tally> versions, Tally total) {
    List<String> items = versions.entrySet().stream()
        .map(e -> e.getKey() + " " + Percent.format(share(e.getValue(), total, true))).toList();
    String shown = String.join(", ", items.subList(0, Math.min(VERSIONS_IN_A_LINE, items.size())));
    return items.size() > VERSIONS_IN_A_LINE ? shown + " and " + (items.size() - VERSIONS_IN_A_LINE) + " more" : shown;
  }

  private static double share(Tally part, Tally total, boolean connections) {
    if (part == null) {
      return 0;
    }
    long whole = connections ? total.millis : total.bytes;
    return whole == 0 ? 0 : (double) (connections ? part.millis : part.bytes) / whole;
  }

  private static final class Tally {
    long millis;
    long bytes;

    void add(long m, long b) {
      millis += m;
      bytes += b;
    }
  }
}
