package dev.awssim.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fault profile for the test's simulation: AWS's documented nondeterminism, switched on and drawn
 * from the test's seed, so a failure reruns exactly. Everything is off by default.
 *
 * <ul>
 *   <li>{@link #duplicates()}: SQS standard queues deliver a message more than once ("at-least-once
 *       delivery": a delete may be lost and the message comes back after its visibility timeout).
 *   <li>{@link #reorder()}: SQS standard queues deliver out of order ("best-effort ordering").
 *   <li>{@link #shortPollSampling()}: a short poll samples a subset of the servers and may return
 *       fewer messages, or none, while messages are waiting.
 *   <li>{@link #throttle()} on {@link #throttledOperations()}: injected SDK clients (with
 *       simulator-awssdk on the class path) get the service's throttling error on those operations
 *       with that probability per attempt, and retry as the SDK does.
 *   <li>{@link #latencyMillis()}: injected SDK clients add this latency to every call, on virtual
 *       time.
 * </ul>
 *
 * <pre>{@code
 * @SeededTest(count = 20)
 * @Faults(duplicates = 0.2)
 * void chargesEachOrderOnce(AwsSimulator sim) { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Faults {
  /** The probability that a standard-queue delete is lost, so the message is delivered again. */
  double duplicates() default 0;

  /** The probability that a standard-queue message is held back behind later ones. */
  double reorder() default 0;

  /** The longest hold-back of a reordered message, in milliseconds. */
  long reorderMaxDelayMillis() default 1_000;

  /** Whether short polls sample, as AWS's do. */
  boolean shortPollSampling() default false;

  /**
   * The probability that an SDK client's attempt of a chosen operation is throttled. The error is
   * the one each service uses for request-rate throttling, which is not always the capacity error:
   *
   * <ul>
   *   <li>{@code SqsClient}: {@code RequestThrottledException} (RequestThrottled, HTTP 403);
   *   <li>{@code KinesisClient}: {@code ProvisionedThroughputExceededException} (HTTP 400);
   *   <li>{@code DynamoDbClient} and the Enhanced Client: {@code ThrottlingException} (HTTP 400),
   *       <em>not</em> {@code ProvisionedThroughputExceededException}, which only a table's own
   *       capacity raises;
   *   <li>{@code DynamoDbStreamsClient}: {@code LimitExceededException} (HTTP 400).
   * </ul>
   *
   * <p>Every one is a throttling error to the SDK ({@code isThrottlingException()}), so a client
   * with the default retries retries it with the SDK's backoff; a {@link NoRetries} client throws
   * it at once.
   */
  double throttle() default 0;

  /** The operations that may be throttled, such as {@code PutItem}; empty means all. */
  String[] throttledOperations() default {};

  /** Milliseconds of virtual time added to every SDK client call. */
  long latencyMillis() default 0;
}
