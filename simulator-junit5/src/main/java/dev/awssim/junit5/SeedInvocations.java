package dev.awssim.junit5;

import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** One invocation of a {@link SeededTest} per seed, named {@code seed=N}. */
final class SeedInvocations implements TestTemplateInvocationContextProvider {
  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return AnnotationSupport.isAnnotated(context.getTestMethod(), SeededTest.class);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    return seeds(context).mapToObj(Invocation::new);
  }

  /** The seeds a seeded test runs: the override alone, or the annotation's range. */
  static LongStream seeds(ExtensionContext context) {
    Long override = Seeds.override(context);
    if (override != null) {
      return LongStream.of(override);
    }
    SeededTest seeded =
        AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), SeededTest.class)
            .orElseThrow();
    if (seeded.count() < 1) {
      throw new IllegalArgumentException("@SeededTest count must be positive: " + seeded.count());
    }
    return LongStream.range(seeded.firstSeed(), seeded.firstSeed() + seeded.count());
  }

  /** One seed's invocation. */
  private record Invocation(long seed) implements TestTemplateInvocationContext {
    @Override
    public String getDisplayName(int invocationIndex) {
      return "seed=" + seed;
    }
  }
}
