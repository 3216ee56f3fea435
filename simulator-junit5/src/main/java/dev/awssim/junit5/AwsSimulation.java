package dev.awssim.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test a fresh {@link dev.awssim.AwsSimulator}, by parameter or by field, seeded with
 * {@link #seed()} (or the {@code awssim.seed} system property, to rerun a failure).
 *
 * <pre>{@code
 * @AwsSimulation(seed = 7)
 * class OrdersTest {
 *   AwsSimulator sim;                       // injected before each test
 *
 *   @Test
 *   void redelivers(AwsSimulator sameSim) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(AwsSimulatorExtension.class)
public @interface AwsSimulation {
  /** The root seed of the test's simulation. */
  long seed() default 42;
}
