package dev.protoshift.compat;

import java.util.EnumSet;
import java.util.Set;

/**
 * A breaking-change rule as users see it: buf's id, a one-line purpose and the categories it
 * belongs to.
 *
 * @param categories buf's category membership (FILE, PACKAGE, WIRE_JSON, WIRE, CSR)
 */
public record RuleInfo(String id, String purpose, Set<Category> categories) {

  public RuleInfo {
    categories = java.util.Collections.unmodifiableSet(EnumSet.copyOf(categories));
  }

  /** True if the default selection (FILE) runs this rule. */
  public boolean isDefault() {
    return categories.contains(Category.FILE);
  }

  /**
   * The strictest guarantee this rule protects, the category a finding reports: WIRE (binary
   * clients break), WIRE_JSON (JSON clients break), PACKAGE (generated code breaks within a
   * package) or FILE (generated code breaks per file).
   */
  public Category primaryCategory() {
    for (Category c : new Category[] {Category.WIRE, Category.WIRE_JSON, Category.PACKAGE, Category.FILE}) {
      if (categories.contains(c)) {
        return c;
      }
    }
    return Category.FILE;
  }

  /** The categories in buf's order, e.g. {@code FILE, PACKAGE, WIRE_JSON}. */
  public String categoriesText() {
    return String.join(", ", EnumSet.copyOf(categories).stream().map(Enum::name).toList());
  }
}
