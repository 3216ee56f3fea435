package dev.awssim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.awssim.internal.SimulatorAccess;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of simulator-core: the engine knows no service; each service depends on the engine
 * and never on another service or on the facade; no package cycles. And its public surface: the
 * internal package is used only where it is meant to be, and every public type is one that was
 * added to {@code public-api.txt} on purpose.
 */
class ArchitectureTest {
  private static final List<String> SERVICES =
      List.of("sqs", "kinesis", "dynamodb", "apigateway", "sns", "cloudwatch", "xray", "dax");

  /** The project's own types that users must not need: public only for awssim's other packages. */
  private static final String INTERNAL = "dev.awssim.internal..";

  /**
   * The packages allowed to use {@link #INTERNAL}: the facade, the engine, the internal package
   * itself and the service models. (The project's other modules, such as dev.awssim.awssdk and
   * dev.awssim.lambda, use it too; this module's tests cannot see them.)
   */
  private static final String[] MAY_USE_INTERNAL =
      concat(
          List.of("dev.awssim", "dev.awssim.engine..", INTERNAL),
          SERVICES.stream().map(s -> "dev.awssim." + s + "..").toList());

  /** The list of public types, one binary name a line, sorted; '#' starts a comment. */
  private static final String PUBLIC_API = "public-api.txt";

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

  @Test
  void internal_isUsedOnlyFromTheAllowListedPackages() {
    classes()
        .that(dependOnAnyClassIn(INTERNAL))
        .should()
        .resideInAnyPackage(MAY_USE_INTERNAL)
        .allowEmptyShould(false)
        .check(CLASSES);
  }

  @Test
  void internal_knowsTheFacadeOnlyInSimulatorAccess() {
    noClasses()
        .that()
        .resideInAPackage(INTERNAL)
        .and()
        .doNotHaveFullyQualifiedName(SimulatorAccess.class.getName())
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(AwsSimulator.class.getName())
        .allowEmptyShould(false)
        .check(CLASSES);
  }

  @Test
  void facade_hasNoPublicDoorToTheInternalPackage() {
    noMethods()
        .that()
        .areDeclaredIn(AwsSimulator.class)
        .and()
        .arePublic()
        .should()
        .haveRawReturnType(resideInAPackageMatching(INTERNAL))
        .allowEmptyShould(false)
        .check(CLASSES);
  }

  @Test
  void engine_usesOnlyTheLowestInternalLayer() {
    noClasses()
        .that()
        .resideInAPackage("dev.awssim.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.awssim.internal",
            "dev.awssim.internal.throttle..",
            "dev.awssim.internal.metrics..",
            "dev.awssim.internal.trace..")
        .allowEmptyShould(false)
        .check(CLASSES);
  }

  @Test
  void publicTypes_areExactlyTheListedOnes() throws IOException {
    Set<String> listed = listedPublicTypes();
    classes()
        .that(arePublicApi())
        .should(beListedIn(listed))
        .allowEmptyShould(false)
        .check(CLASSES);
    Set<String> stale =
        listed.stream()
            .filter(
                name -> CLASSES.stream().noneMatch(c -> c.getName().equals(name) && isPublicApi(c)))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(
        Set.of(),
        stale,
        "listed in " + PUBLIC_API + " but no longer public types: remove these lines");
  }

  private static Set<String> listedPublicTypes() throws IOException {
    try (InputStream in = ArchitectureTest.class.getResourceAsStream(PUBLIC_API)) {
      String text = new String(Optional.ofNullable(in).orElseThrow().readAllBytes(), UTF_8);
      return text.lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** Public, and so are the classes it is nested in; not anonymous or local. */
  private static boolean isPublicApi(JavaClass c) {
    if (!c.getModifiers().contains(JavaModifier.PUBLIC)
        || c.isAnonymousClass()
        || c.isLocalClass()) {
      return false;
    }
    return c.getEnclosingClass().map(ArchitectureTest::isPublicApi).orElse(true);
  }

  private static DescribedPredicate<JavaClass> arePublicApi() {
    return DescribedPredicate.describe(
        "are public (and nested only in public types)", ArchitectureTest::isPublicApi);
  }

  private static ArchCondition<JavaClass> beListedIn(Set<String> listed) {
    return new ArchCondition<>("be listed in " + PUBLIC_API) {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        boolean ok = listed.contains(c.getName());
        events.add(
            new SimpleConditionEvent(
                c,
                ok,
                c.getName()
                    + (ok
                        ? " is listed"
                        : " is public but not in "
                            + PUBLIC_API
                            + ": make it package-private, move it to dev.awssim.internal, or add"
                            + " this line on purpose")));
      }
    };
  }

  private static DescribedPredicate<JavaClass> dependOnAnyClassIn(String packageIdentifier) {
    PackageMatcher matcher = PackageMatcher.of(packageIdentifier);
    return DescribedPredicate.describe(
        "depend on classes in " + packageIdentifier,
        c ->
            c.getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> matcher.matches(d.getTargetClass().getPackageName())));
  }

  private static DescribedPredicate<JavaClass> resideInAPackageMatching(String packageIdentifier) {
    PackageMatcher matcher = PackageMatcher.of(packageIdentifier);
    return DescribedPredicate.describe(
        "a type in " + packageIdentifier, c -> matcher.matches(c.getPackageName()));
  }

  private static String[] concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
  }
}
