package dev.protoshift.reference.game;

/**
 * Something a ghost carries (since 1.1.0, optional feature {@code inventory}).
 *
 * @param id the item's id
 * @param kind what it is, e.g. {@code key}
 * @param count how many, {@code >= 0}
 */
public record Item(String id, String kind, int count) {

  /**
   * @throws NullPointerException if a string is null
   * @throws IllegalArgumentException if {@code count} is negative or a string is not well-formed
   */
  public Item {
    Checks.text("item.id", id);
    Checks.text("item.kind", kind);
    Checks.range("item.count", count, 0, Integer.MAX_VALUE);
  }
}
