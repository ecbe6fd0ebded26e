package dev.protoshift.compat.internal;

import static dev.protoshift.compat.Category.CSR;
import static dev.protoshift.compat.Category.FILE;
import static dev.protoshift.compat.Category.PACKAGE;
import static dev.protoshift.compat.Category.WIRE;
import static dev.protoshift.compat.Category.WIRE_JSON;

import dev.protoshift.compat.Category;
import java.util.EnumSet;

/** The category memberships buf 1.75 gives its v2 breaking rules (named by initials). */
final class Categories {

  static final EnumSet<Category> F = EnumSet.of(FILE);
  static final EnumSet<Category> CF = EnumSet.of(CSR, FILE);
  static final EnumSet<Category> FP = EnumSet.of(FILE, PACKAGE);
  static final EnumSet<Category> CFP = EnumSet.of(CSR, FILE, PACKAGE);
  static final EnumSet<Category> CFPJ = EnumSet.of(CSR, FILE, PACKAGE, WIRE_JSON);
  static final EnumSet<Category> CFPJW = EnumSet.of(CSR, FILE, PACKAGE, WIRE_JSON, WIRE);
  static final EnumSet<Category> P = EnumSet.of(PACKAGE);
  static final EnumSet<Category> CJ = EnumSet.of(CSR, WIRE_JSON);
  static final EnumSet<Category> CJW = EnumSet.of(CSR, WIRE_JSON, WIRE);
  static final EnumSet<Category> W = EnumSet.of(WIRE);

  private Categories() {}
}
