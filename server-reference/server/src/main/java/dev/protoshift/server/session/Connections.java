package dev.protoshift.server.session;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The server's open game connections, for limits, drain and the admin API. */
public final class Connections {

  private final Set<PlayerConnection> open = ConcurrentHashMap.newKeySet();

  void add(PlayerConnection c) {
    open.add(c);
  }

  /** True if it was open (so a close is counted once). */
  boolean remove(PlayerConnection c) {
    return open.remove(c);
  }

  public int count() {
    return open.size();
  }

  /** A snapshot of the open connections. */
  public List<PlayerConnection> all() {
    return List.copyOf(open);
  }
}
