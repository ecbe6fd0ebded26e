package dev.protoshift.convert.internal;

/**
 * ProtoJson's options as the engine reads them (the public {@code ProtoJson.Options} maps onto
 * this record, so the machinery does not depend on the API class).
 *
 * @param protoNames write proto field names instead of JSON names
 * @param int64AsNumbers write 64-bit integers as JSON numbers instead of strings
 * @param writeDefaults write fields without presence even when they hold their default
 * @param enumsAsNumbers write enum values as numbers instead of names
 * @param ignoreUnknownKeys skip unknown keys and unknown enum names when reading
 * @param strictNames accept only the written form of each key when reading
 * @param recursionLimit how deeply objects and arrays of messages may nest when reading
 */
public record JsonSettings(boolean protoNames, boolean int64AsNumbers, boolean writeDefaults, boolean enumsAsNumbers,
    boolean ignoreUnknownKeys, boolean strictNames, int recursionLimit) {

  /** The highest recursion limit: Jackson refuses deeper input anyway (its own limit is 1000). */
  public static final int MAX_RECURSION_LIMIT = 500;

  public JsonSettings {
    if (recursionLimit < 1 || recursionLimit > MAX_RECURSION_LIMIT) {
      throw new IllegalArgumentException("recursionLimit must be 1.." + MAX_RECURSION_LIMIT + ", was " + recursionLimit);
    }
  }
}
