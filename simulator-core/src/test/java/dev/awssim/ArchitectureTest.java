package dev.awssim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layering of simulator-core: the engine knows no service; each service depends on the engine
 * and never on another service or on the facade; no package cycles.
 */
class ArchitectureTest {
  private static final List<String> SERVICES =
      List.of("sqs", "kinesis", "dynamodb", "apigateway", "sns", "cloudwatch", "xray", "dax");

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.awssim");

  @Test
  void engine_dependsOnNoServiceAndNotOnTheFacade() {
    noClasses()
        .that()
        .resideInAPackage("dev.awssim.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.awssim.sqs..",
            "dev.awssim.kinesis..",
            "dev.awssim.dynamodb..",
            "dev.awssim.apigateway..",
            "dev.awssim.examples..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(AwsSimulator.class.getName())
        .allowEmptyShould(false)
        .check(CLASSES);
  }

  @Test
  void services_dependOnTheEngineOnly_neverOnEachOtherOrTheFacade() {
    for (String service : SERVICES) {
      String[] others =
          SERVICES.stream()
              .filter(s -> !s.equals(service))
              .map(s -> "dev.awssim." + s + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage("dev.awssim." + service + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName(AwsSimulator.class.getName())
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("dev.awssim.examples..")
          .allowEmptyShould(false)
          .check(CLASSES);
    }
  }

  @Test
  void noPackageCycles() {
    slices()
        .matching("dev.awssim.(**)")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(false)
        .check(CLASSES);
  }
}
