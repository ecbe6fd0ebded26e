package dev.protoshift.server.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.protoshift.server.archfixture.ServerClassUsingGameInternal;
import dev.protoshift.versioning.archfixture.VersioningClassUsingConvert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module boundaries of docs/architecture.md (the layers of DESIGN.md), checked on the compiled
 * classes of every module. It lives in protoshift-reference-tools, the one module that sees all
 * the others. {@link ArchitecturePageTest} keeps the page's tables equal to these maps.
 */
class ModuleBoundariesTest {

  /** Each module and the packages its classes live in (docs/architecture.md, "What may depend on what"). */
  static final Map<String, List<String>> PACKAGES = ordered(
      "proto", List.of("dev.protoshift.proto", "dev.protoshift.proto.internal.."),
      "versioning", List.of("dev.protoshift.versioning.."),
      "compat", List.of("dev.protoshift.compat.."),
      "convert", List.of("dev.protoshift.convert.."),
      "session", List.of("dev.protoshift.session", "dev.protoshift.session.internal.."),
      "operations", List.of("dev.protoshift.operations.."),
      "session-micrometer", List.of("dev.protoshift.session.micrometer.."),
      "reference", List.of("dev.protoshift.reference..", "dev.protoshift.proto.game.."),
      "server", List.of("dev.protoshift.server.."),
      "tools", List.of("dev.protoshift.tools.."));

  /** Module → the protoshift modules it may use (docs/architecture.md, "What may depend on what"). */
  static final Map<String, List<String>> ALLOWED = ordered(
      "proto", List.of(),
      "versioning", List.of(),
      "compat", List.of("versioning"),
      "convert", List.of("proto", "versioning"),
      "session", List.of("proto", "versioning", "convert"),
      "operations", List.of("versioning", "convert", "session"),
      "session-micrometer", List.of("versioning", "session", "operations"),
      "reference", List.of("proto", "versioning", "convert"),
      "server", List.of("proto", "versioning", "convert", "session", "operations", "session-micrometer", "reference"),
      "tools", List.of("proto", "versioning", "convert", "session", "reference", "server"));

  /** Third-party packages only some modules may use. */
  static final Map<String, List<String>> THIRD_PARTY_ONLY_IN = Map.of(
      "org.eclipse.jetty..", List.of("server", "tools"),
      "io.micrometer..", List.of("session-micrometer", "server"),
      "com.google.protobuf..", List.of("proto", "compat", "convert", "session", "reference", "server", "tools"),
      "picocli..", List.of("compat", "server", "tools"));

  /** Modules no library module may use: the reference game, its server and its tools. */
  static final List<String> REFERENCE = List.of("reference", "server", "tools");

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
  void module_usesOnlyTheModulesItMay(String module, List<String> allowed) {
    moduleRule(module, allowed).check(production);
  }

  @Test
  void noLibraryModule_dependsOnTheReferenceGameServerOrTools() {
    List<String> libraries = PACKAGES.keySet().stream().filter(m -> !REFERENCE.contains(m)).toList();
    for (String library : libraries) {
      noClasses().that().resideInAnyPackage(packages(library))
          .should().dependOnClassesThat().resideInAnyPackage(packages(REFERENCE.toArray(String[]::new)))
          .allowEmptyShould(true)
          .because("docs/architecture.md: no library module depends on the reference game")
          .check(production);
    }
  }

  @Test
  void thirdPartyLibraries_stayInTheirModules() {
    THIRD_PARTY_ONLY_IN.forEach((library, modules) -> {
      noClasses().that().resideInAPackage("dev.protoshift..")
          .and().resideOutsideOfPackages(packages(modules.toArray(String[]::new)))
          .should().dependOnClassesThat().resideInAPackage(library)
          .allowEmptyShould(true)
          .because(library + " belongs to " + modules)
          .check(production);
    });
  }

  @Test
  void internalPackages_areUsedOnlyByTheirOwnModule() {
    for (String module : PACKAGES.keySet()) {
      internalRule(module).check(production);
    }
  }

  @Test
  void internalRule_failsOnAnotherModuleUsingAnInternalPackageBelowItsPackages() {
    // dev.protoshift.reference.game.internal is below the reference module's dev.protoshift.reference..
    JavaClasses violating = new ClassFileImporter().importClasses(ServerClassUsingGameInternal.class);

    assertThatThrownBy(() -> internalRule("reference").check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(ServerClassUsingGameInternal.class.getName())
        .hasMessageContaining("dev.protoshift.reference.game.internal.RouteJson");
  }

  @Test
  void everyModuleHasClasses() {
    // Guards the test itself: an import that found nothing would pass every rule above.
    for (String module : PACKAGES.keySet()) {
      assertThat(production.stream().anyMatch(c -> resideInAnyPackage(packages(module)).test(c)))
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
    List<String> own = new ArrayList<>(allowed);
    own.add(module);
    return classes().that().resideInAnyPackage(packages(module))
        .should().onlyDependOnClassesThat(
            not(resideInAnyPackage("dev.protoshift..")).or(resideInAnyPackage(packages(own.toArray(String[]::new)))))
        .allowEmptyShould(true)
        .because("docs/architecture.md: " + module + " depends on " + (allowed.isEmpty() ? "no other module" : allowed));
  }

  /** No class outside {@code module} uses an {@code internal} package anywhere below the module's packages. */
  static ArchRule internalRule(String module) {
    return noClasses().that().resideOutsideOfPackages(packages(module))
        .should().dependOnClassesThat().resideInAnyPackage(internalPackages(module))
        .allowEmptyShould(true)
        .because("docs/architecture.md: internal packages are not API");
  }

  /** {@code a.b} gives {@code a.b.internal..}, {@code a.b..} gives {@code a.b..internal..}; an internal package itself. */
  static String[] internalPackages(String module) {
    return PACKAGES.get(module).stream()
        .map(p -> p.contains(".internal") ? p : p.endsWith("..") ? p + "internal.." : p + ".internal..")
        .distinct().toArray(String[]::new);
  }

  static String[] packages(String... modules) {
    return Stream.of(modules).flatMap(m -> PACKAGES.get(m).stream()).toArray(String[]::new);
  }

  @SafeVarargs
  private static <V> Map<String, V> ordered(Object... pairs) {
    Map<String, V> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      V value = (V) pairs[i + 1];
      map.put((String) pairs[i], value);
    }
    return map;
  }
}
