package dev.protoshift.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts every call by its name and tags, for assertions. */
final class RecordingMetrics implements SessionMetrics {

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

  long count(String key) {
    AtomicLong c = counts.get(key);
    return c == null ? 0 : c.get();
  }

  long gauge(String protocol, String version) {
    AtomicLong g = gauges.get(protocol + " " + version);
    return g == null ? 0 : g.get();
  }

  private void inc(String key) {
    counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }

  @Override
  public void messageSize(String protocol, String version, String type, Direction direction, int bytes) {
    inc("size " + protocol + " " + version + " " + type + " " + direction.tag());
  }

  @Override
  public void encoded(String protocol, String version, String type, long nanos) {
    inc("encoded " + protocol + " " + version + " " + type);
  }

  @Override
  public void decoded(String protocol, String version, String type, long nanos) {
    inc("decoded " + protocol + " " + version + " " + type);
  }

  @Override
  public void decodeError(String protocol, String version, String reason) {
    inc("decodeError " + protocol + " " + version + " " + reason);
  }

  @Override
  public void connectionEntered(String protocol, String version) {
    gauges.computeIfAbsent(protocol + " " + version, k -> new AtomicLong()).incrementAndGet();
  }

  @Override
  public void connectionLeft(String protocol, String version) {
    gauges.computeIfAbsent(protocol + " " + version, k -> new AtomicLong()).decrementAndGet();
  }

  @Override
  public void connectionOpened() {
    inc("opened");
  }

  @Override
  public void connectionClosed(int code) {
    inc("closed " + code);
  }

  @Override
  public void decision(String protocol, String reason) {
    inc("decision " + protocol + " " + reason);
  }

  @Override
  public void switched(String from, String to, String reason) {
    inc("switched " + from + " " + to + " " + reason);
  }

  @Override
  public void updateDropped(String protocol, String version) {
    inc("dropped " + protocol + " " + version);
  }

  @Override
  public void inboundDropped(String reason) {
    inc("inboundDropped " + reason);
  }

  @Override
  public void shadowMismatch(String protocol, String version) {
    inc("shadowMismatch " + protocol + " " + version);
  }

  @Override
  public void shadowChecked(String protocol, String version) {
    inc("shadowChecked " + protocol + " " + version);
  }
}
