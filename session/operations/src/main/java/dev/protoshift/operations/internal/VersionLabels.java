package dev.protoshift.operations.internal;

import dev.protoshift.versioning.ProtocolVersion;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client versions as labels of the windowed counts and of a gauge: a client chooses what it
 * declares, so the number of distinct labels is capped. The first {@link #CAPACITY} versions
 * seen keep their own label for the life of the process; later ones are counted as {@value
 * #OTHER}. A client that declared nothing is {@value #NONE}. Thread-safe.
 */
public final class VersionLabels {

  /** Distinct version labels kept. */
  public static final int CAPACITY = 64;
  /** The label of a client that declared no version. */
  public static final String NONE = "none";
  /** The label of versions beyond the capacity. */
  public static final String OTHER = "other";

  /** Oldest first: {@code none}, then versions in semantic-version order, then {@code other}. */
  public static final Comparator<String> OLDEST_FIRST = Comparator.comparingInt(VersionLabels::rank)
      .thenComparing((a, b) -> rank(a) == 1 ? ProtocolVersion.parse(a).compareTo(ProtocolVersion.parse(b)) : 0)
      .thenComparing(Comparator.naturalOrder());

  private final Set<String> kept = ConcurrentHashMap.newKeySet();

  /** The label of a declared version. */
  public String label(Optional<ProtocolVersion> declared) {
    if (declared.isEmpty()) {
      return NONE;
    }
    String text = declared.get().toString();
    if (kept.contains(text)) {
      return text;
    }
    synchronized (kept) {
      if (kept.size() < CAPACITY) {
        kept.add(text);
        return text;
      }
    }
    return OTHER;
  }

  private static int rank(String label) {
    if (label.equals(NONE)) {
      return 0;
    }
    return label.equals(OTHER) || ProtocolVersion.tryParse(label).isEmpty() ? 2 : 1;
  }
}
