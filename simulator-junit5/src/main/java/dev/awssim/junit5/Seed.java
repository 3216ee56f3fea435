package dev.awssim.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code long} test parameter that receives the test's seed.
 *
 * <pre>{@code
 * @SeededTest(count = 10)
 * void works(AwsSimulator sim, @Seed long seed) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Seed {}
