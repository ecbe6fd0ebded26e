package com.example.arena.archfixture;

/**
 * Breaks the rule {@code PublicApiOnlyTest} enforces, to show that it fails: it names a class of an
 * {@code internal} package (the test imports it on its own; the rule's import leaves this package out).
 */
public final class UsesAnInternalPackage {

  private UsesAnInternalPackage() {}

  /** A signature with an internal type is enough for the rule to fire. */
  public static Class<?> internal() {
    return dev.protoshift.convert.internal.ChainHistory.class;
  }
}
