package dev.protoshift.server.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.protoshift.versioning.archfixture.VersioningClassUsingConvert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module boundaries of DESIGN.md, checked on the compiled classes of every module. This
 * test lives in server-reference because it is the one module that sees all the others.
 */
class ModuleBoundariesTest {

  /** Module package → the protoshift modules it may use (DESIGN.md, "depends on"). */
  static final Map<String, List<String>> ALLOWED = Map.of(
      "proto", List.of(),
      "versioning", List.of(),
      "compat", List.of("versioning"),
      "convert", List.of("proto", "versioning"),
      "server", List.of("proto", "versioning", "compat", "convert"));

  /** Third-party packages only some modules may use. */
  static final Map<String, List<String>> THIRD_PARTY_ONLY_IN = Map.of(
      "org.eclipse.jetty..", List.of("server"),
      "io.micrometer..", List.of("server"),
      "com.google.protobuf..", List.of("proto", "compat", "convert", "server"),
      "picocli..", List.of("compat", "server"));

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.protoshift");
  }

  static Stream<Arguments> modules() {
    return ALLOWED.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0} uses only {1}")
  @MethodSource("modules")
  void module_usesOnlyTheModulesDesignAllows(String module, List<String> allowed) {
    moduleRule(module, allowed).check(production);
  }

  @Test
  void nothing_dependsOnServerReference() {
    noClasses().that().resideOutsideOfPackage("dev.protoshift.server..")
        .should().dependOnClassesThat().resideInAPackage("dev.protoshift.server..")
        .allowEmptyShould(true)
        .check(production);
  }

  @Test
  void thirdPartyLibraries_stayInTheirModules() {
    THIRD_PARTY_ONLY_IN.forEach((library, modules) -> {
      String[] allowedPackages = modules.stream().map(m -> "dev.protoshift." + m + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage("dev.protoshift..")
          .and().resideOutsideOfPackages(allowedPackages)
          .should().dependOnClassesThat().resideInAPackage(library)
          .allowEmptyShould(true)
          .because(library + " belongs to " + modules)
          .check(production);
    });
  }

  @Test
  void internalPackages_areUsedOnlyByTheirOwnModule() {
    for (String module : ALLOWED.keySet()) {
      noClasses().that().resideOutsideOfPackage("dev.protoshift." + module + "..")
          .should().dependOnClassesThat().resideInAPackage("dev.protoshift." + module + ".internal..")
          .allowEmptyShould(true)
          .check(production);
    }
  }

  @Test
  void everyModuleHasClasses() {
    // Guards the test itself: an import that found nothing would pass every rule above.
    for (String module : List.of("proto", "versioning", "compat", "convert", "server")) {
      assertThat(production.stream().anyMatch(c -> c.getPackageName().startsWith("dev.protoshift." + module)))
          .as(module).isTrue();
    }
  }

  @Test
  void moduleRule_failsOnAViolation() {
    JavaClasses violating = new ClassFileImporter().importClasses(VersioningClassUsingConvert.class);

    assertThatThrownBy(() -> moduleRule("versioning", ALLOWED.get("versioning")).check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(VersioningClassUsingConvert.class.getName())
        .hasMessageContaining("dev.protoshift.convert");
  }

  static ArchRule moduleRule(String module, List<String> allowed) {
    List<String> packages = new ArrayList<>();
    packages.add("dev.protoshift." + module + "..");
    allowed.forEach(m -> packages.add("dev.protoshift." + m + ".."));
    return classes().that().resideInAPackage("dev.protoshift." + module + "..")
        .should().onlyDependOnClassesThat(
            not(resideInAPackage("dev.protoshift..")).or(resideInAnyPackage(packages.toArray(String[]::new))))
        .allowEmptyShould(true)
        .because("DESIGN.md: " + module + " depends on " + (allowed.isEmpty() ? "no other module" : allowed));
  }
}
