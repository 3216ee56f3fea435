package dev.awssim.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an injected {@code SimulatedRegion}, Lambda model, SDK client ({@code SqsClient}, {@code
 * DynamoDbClient}, ..., or {@code SimulatedAws}) that belongs to Region {@link #value()} of the
 * test's simulator, as an SDK client built with {@code .region(Region.of(...))} talks to that
 * Region's endpoint: its own queues, streams, tables, topics and metrics, on the test's one clock
 * (see {@code AwsSimulator.region(String)}). Without it, a client talks to the simulation's default
 * Region.
 *
 * <pre>{@code
 * @Test
 * void replicates(SqsClient home, @InRegion("eu-west-1") SqsClient europe) {
 *   home.createQueue(b -> b.queueName("orders"));
 *   europe.createQueue(b -> b.queueName("orders")); // another queue, in eu-west-1
 * }
 * }</pre>
 *
 * <p>With simulator-lambda on the class path, {@code @InRegion} on a {@code Lambda} or {@code
 * LambdaClient} gives that Region's Lambda ({@code Lambda.create(sim.region(...))}): its own
 * functions, event source mappings and concurrency quota.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface InRegion {
  /** The Region code, such as {@code eu-west-1}. */
  String value();
}
