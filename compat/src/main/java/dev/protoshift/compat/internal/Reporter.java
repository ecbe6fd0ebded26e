package dev.protoshift.compat.internal;

/** Where a rule's check sends what it found. */
interface Reporter {

  /**
   * Reports a finding.
   *
   * @param current where it is in the current schema, or null when nothing there is left to point
   *     at (a deleted file or package)
   * @param previous where it was in the previous schema, or null for pure additions
   */
  void report(Location current, Location previous, String message);

  /** The previous and current schemas, for checks that look up types. */
  Schema previousSchema();

  Schema currentSchema();
}
