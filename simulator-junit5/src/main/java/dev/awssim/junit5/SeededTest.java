package dev.awssim.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test body once per seed, {@link #firstSeed()} to {@code firstSeed + count - 1}, each a
 * separate invocation named {@code seed=N} with its own simulator. With {@code -Dawssim.seed=N}
 * only that seed runs.
 *
 * <pre>{@code
 * @SeededTest(count = 50)
 * void consumerIsIdempotent(AwsSimulator sim) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@TestTemplate
@ExtendWith({SeedInvocations.class, AwsSimulatorExtension.class})
public @interface SeededTest {
  /** How many seeds to run. */
  int count() default 20;

  /** The first seed. */
  long firstSeed() default 1;
}
