package dev.awssim.junit5;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Where a test's seed comes from: the override property, the seeded invocation, the annotation. */
final class Seeds {
  /** The system property (or JUnit configuration parameter) that reruns a test with one seed. */
  static final String PROPERTY = "awssim.seed";

  private static final long DEFAULT_SEED = 42;

  private Seeds() {}

  /**
   * The seed of the test: {@code -Dawssim.seed}, else the seed of a {@link SeededTest} invocation,
   * else {@link AwsSimulation#seed()} on the method or class, else 42.
   */
  static long of(ExtensionContext context) {
    Long override = override(context);
    if (override != null) {
      return override;
    }
    if (AnnotationSupport.isAnnotated(context.getTestMethod(), SeededTest.class)) {
      return invocationSeed(context);
    }
    return context
        .getTestMethod()
        .flatMap(m -> AnnotationSupport.findAnnotation(m, AwsSimulation.class))
        .or(
            () ->
                context
                    .getTestClass()
                    .flatMap(c -> AnnotationSupport.findAnnotation(c, AwsSimulation.class)))
        .map(AwsSimulation::seed)
        .orElse(DEFAULT_SEED);
  }

  static Long override(ExtensionContext context) {
    Optional<String> value =
        context
            .getConfigurationParameter(PROPERTY)
            .or(() -> Optional.ofNullable(System.getProperty(PROPERTY)));
    if (value.isEmpty() || value.get().isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.get().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(PROPERTY + " must be a whole number: " + value.get(), e);
    }
  }

  /** The seed of a seeded invocation, from its display name {@code seed=N}. */
  private static long invocationSeed(ExtensionContext context) {
    String name = context.getDisplayName();
    if (!name.startsWith("seed=")) {
      throw new IllegalStateException("not a @SeededTest invocation: " + name);
    }
    return Long.parseLong(name.substring("seed=".length()));
  }
}
