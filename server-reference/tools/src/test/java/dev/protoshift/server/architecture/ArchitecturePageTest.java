package dev.protoshift.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.server.architecture.ArchitecturePage.ModuleRow;
import dev.protoshift.server.architecture.ArchitecturePage.Pom;
import dev.protoshift.server.architecture.ArchitecturePage.RuleRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md, the rule that enforces it and the poms cannot drift apart: the page's
 * "What may depend on what" table and graph are {@link ModuleBoundariesTest}'s maps, its "Modules"
 * tables list every artifact of the build with the protoshift dependencies its pom declares, and no
 * pom declares a dependency its rule module may not have.
 */
class ArchitecturePageTest {

  /** Artifacts of the build that are no module of the rule, each for a reason the page gives. */
  static final Set<String> OUTSIDE_THE_RULE = Set.of(
      "protoshift-bom",            // no classes
      "protoshift-maven-plugin",   // not on the tools module's class path; its pom is its boundary
      "protoshift-example-arena"); // com.example, checked by its own PublicApiOnlyTest

  private static final String PAGE = ArchitecturePage.read();

  @Test
  void ruleTable_isModuleBoundariesTestsRule() {
    assertRuleTableIsTheRule(PAGE);
  }

  @Test
  void graph_drawsExactlyTheAllowedDependencies() {
    assertGraphIsTheRule(PAGE);
  }

  @Test
  void thirdPartyTable_isModuleBoundariesTestsRule() {
    Map<String, List<String>> rule = new TreeMap<>(ModuleBoundariesTest.THIRD_PARTY_ONLY_IN);
    assertThat(new TreeMap<>(ArchitecturePage.thirdParty(PAGE))).as("docs/architecture.md, third-party packages")
        .isEqualTo(rule);
  }

  @Test
  void modulesTables_listEveryArtifactWithThePomsProtoshiftDependencies() {
    assertModulesTablesAreThePoms(PAGE, ArchitecturePage.poms());
  }

  @Test
  void modulesTables_nameEveryOptionalDependencyAsOptional() {
    Map<String, ModuleRow> page = ArchitecturePage.modules(PAGE);
    ArchitecturePage.poms().values().forEach(pom -> pom.optional().forEach(optional ->
        assertThat(page.get(pom.artifact()).thirdParty()).as("%s's third-party cell", pom.artifact())
            .contains("`" + optional + "`").contains("optional")));
  }

  @Test
  void everyPom_dependsOnlyOnModulesItsRuleModuleMayUse() {
    Map<String, String> moduleOf = new HashMap<>();
    for (RuleRow row : ArchitecturePage.rule(PAGE)) {
      row.artifacts().forEach(a -> moduleOf.put(a, row.module()));
    }
    Map<String, Pom> poms = ArchitecturePage.poms();
    Set<String> outside = new TreeSet<>(poms.keySet());
    outside.removeAll(moduleOf.keySet());
    assertThat(outside).as("artifacts of the build in no rule module").isEqualTo(new TreeSet<>(OUTSIDE_THE_RULE));
    assertThat(poms).as("the rule's artifacts are the build's").containsKeys(moduleOf.keySet().toArray(String[]::new));

    List<String> violations = new ArrayList<>();
    moduleOf.forEach((artifact, module) -> {
      for (String dependency : poms.get(artifact).dependsOn()) {
        String target = moduleOf.get(dependency);
        if (!module.equals(target) && !ModuleBoundariesTest.ALLOWED.get(module).contains(target)) {
          violations.add(artifact + " (" + module + ") depends on " + dependency + " (" + target + ")");
        }
      }
    });
    assertThat(violations).as("pom dependencies the rule does not allow").isEmpty();
  }

  @Test
  void checks_failWhenThePageDrifts() {
    // The page as someone might leave it: convert's rule without versioning, the graph without one
    // arrow, session's row without convert.
    String ruleEdited = edit("| `convert` | `protoshift-convert` | `dev.protoshift.convert..` | `proto`, `versioning` |",
        "| `convert` | `protoshift-convert` | `dev.protoshift.convert..` | `proto` |");
    String graphEdited = edit("  tools --> server\n", "");
    String moduleEdited = edit("| `proto`, `versioning`, `convert` | protobuf-java, jackson-databind |",
        "| `proto`, `versioning` | protobuf-java, jackson-databind |");

    assertThatThrownBy(() -> assertRuleTableIsTheRule(ruleEdited)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("convert");
    assertThatThrownBy(() -> assertGraphIsTheRule(graphEdited)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("tools -> server");
    assertThatThrownBy(() -> assertModulesTablesAreThePoms(moduleEdited, ArchitecturePage.poms()))
        .isInstanceOf(AssertionError.class).hasMessageContaining("protoshift-session");
  }

  /** The page with {@code text} replaced; the text must be on the page (update the edit when the page changes). */
  private static String edit(String text, String replacement) {
    assertThat(PAGE.contains(text)).as("this test's edit applies to docs/architecture.md: %s", text.strip()).isTrue();
    return PAGE.replace(text, replacement);
  }

  // ---- the checks, on any version of the page ----------------------------------------------------

  static void assertRuleTableIsTheRule(String page) {
    Map<String, List<String>> packages = new LinkedHashMap<>();
    Map<String, List<String>> allowed = new LinkedHashMap<>();
    for (RuleRow row : ArchitecturePage.rule(page)) {
      packages.put(row.module(), row.packages());
      allowed.put(row.module(), row.mayDependOn());
    }
    assertThat(packages).as("docs/architecture.md: each module's packages (ModuleBoundariesTest.PACKAGES)")
        .containsExactlyEntriesOf(ModuleBoundariesTest.PACKAGES);
    assertThat(allowed).as("docs/architecture.md: what each module may depend on (ModuleBoundariesTest.ALLOWED)")
        .containsExactlyEntriesOf(ModuleBoundariesTest.ALLOWED);
  }

  static void assertGraphIsTheRule(String page) {
    Set<String> edges = new TreeSet<>();
    ModuleBoundariesTest.ALLOWED.forEach((module, uses) -> uses.forEach(u -> edges.add(module + " -> " + u)));
    assertThat(ArchitecturePage.graph(page)).as("docs/architecture.md: the graph's arrows").isEqualTo(edges);
  }

  static void assertModulesTablesAreThePoms(String page, Map<String, Pom> poms) {
    Map<String, String> documented = new TreeMap<>();
    ArchitecturePage.modules(page).values().forEach(r -> documented.put(r.artifact(), r.directory() + " " + r.dependsOn()));
    Map<String, String> built = new TreeMap<>();
    poms.values().forEach(p -> built.put(p.artifact(), p.directory() + " " + p.dependsOn()));
    assertThat(documented).as("docs/architecture.md, Modules: artifact -> directory and protoshift dependencies"
        + " (compile scope), against the poms").isEqualTo(built);
  }
}
