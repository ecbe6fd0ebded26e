package com.example.arena;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.arena.archfixture.UsesAnInternalPackage;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example is a game team's code: it uses protoshift's public artifacts only, never the
 * reference game, its server or tools, nor any {@code internal} package.
 */
class PublicApiOnlyTest {

  static final ArchRule PUBLIC_API_ONLY = noClasses().should().dependOnClassesThat().resideInAnyPackage(
          "dev.protoshift.reference..", "dev.protoshift.server..", "dev.protoshift.tools..", "dev.protoshift..internal..")
      .because("a game team uses protoshift's public API, not the reference game nor internal packages");

  @Test
  void exampleClasses_mainAndTest_useOnlyThePublicNonReferenceApi() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(location -> !location.contains("/archfixture/"))
        .importPackages("com.example.arena");
    assertThat(classes.contain(ArenaServer.class) && classes.contain(ArenaProtocol.class)).isTrue();

    PUBLIC_API_ONLY.check(classes);
  }

  @Test
  void rule_failsOnAClassUsingAnInternalPackage() {
    JavaClasses violating = new ClassFileImporter().importClasses(UsesAnInternalPackage.class);

    assertThatThrownBy(() -> PUBLIC_API_ONLY.check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dev.protoshift.convert.internal.ChainHistory");
  }

  @Test
  void classPath_holdsNoReferenceArtifact() throws IOException {
    ClassLoader loader = getClass().getClassLoader();
    assertThat(loader.getResources("dev/protoshift/convert").hasMoreElements()).as("the check sees packages").isTrue();
    for (String absent : List.of("dev/protoshift/reference", "dev/protoshift/server", "dev/protoshift/tools",
        "META-INF/protoshift/schemas/reference")) {
      assertThat(loader.getResources(absent).hasMoreElements()).as(absent).isFalse();
    }
  }
}
