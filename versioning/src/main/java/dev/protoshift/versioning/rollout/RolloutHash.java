package dev.protoshift.versioning.rollout;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The pinned rollout bucketing hash, {@value #VERSION} (docs/rollout-hash.md, with test vectors
 * for ports to other languages):
 *
 * <pre>
 *   h      = murmur3_x86_32(utf8(salt + ":" + key), seed 0), read as an unsigned 32-bit integer
 *   bucket = h mod 10000
 *   a subject is in a rollout of P percent iff bucket &lt; P * 100
 * </pre>
 *
 * <p>10,000 buckets give 0.01% steps; raising the percentage only adds subjects; the salt (which
 * may not contain {@code :}, so {@code salt:key} is unambiguous) makes different rollouts
 * independent. Changing any of this is a new version id, never an edit of this one.
 */
public final class RolloutHash {

  /** The id of this algorithm; it changes whenever any bucket would change. */
  public static final String VERSION = "murmur3-x86-32/salt:key/mod10000/v1";

  /** Number of buckets: one per 0.01%. */
  public static final int BUCKETS = 10_000;

  private RolloutHash() {}

  /** The unsigned 32-bit murmur3 hash of {@code salt + ":" + key}, as a long in 0..2^32-1. */
  public static long hash(String salt, String key) {
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(key, "key");
    byte[] bytes = (salt + ":" + key).getBytes(StandardCharsets.UTF_8);
    return Integer.toUnsignedLong(Murmur3.hash32(bytes, 0));
  }

  /** The bucket of {@code key} under {@code salt}, in 0..9999. */
  public static int bucket(String salt, String key) {
    return (int) (hash(salt, key) % BUCKETS);
  }

  /** True if a subject in {@code bucket} is inside a rollout of {@code basisPoints} (0..10000, 100 = 1%). */
  public static boolean inRollout(int bucket, int basisPoints) {
    return bucket < basisPoints;
  }
}
