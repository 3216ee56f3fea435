/**
 * JUnit 5 support: a fresh, seeded simulator per test, and deterministic simulation testing of
 * users' code against AWS's documented nondeterminism.
 *
 * <pre>{@code
 * @AwsSimulation(seed = 7)
 * class OrderConsumerTest {
 *   @SeededTest(count = 50)                 // seed=1 ... seed=50, each its own invocation
 *   @Faults(duplicates = 0.2)               // SQS at-least-once delivery, drawn from the seed
 *   void chargesEachOrderOnce(AwsSimulator sim) { ... }
 * }
 * }</pre>
 *
 * <p>A failure names its seed and the property that reruns it ({@code -Dawssim.seed=N}, which also
 * restricts a {@code @SeededTest} to that seed), and carries the last trace events, in the message
 * and as a report entry. Same seed, same calls: same trace.
 *
 * <p>With simulator-awssdk on the class path, tests also get SDK clients ({@code SqsClient}, {@code
 * KinesisClient}, {@code DynamoDbClient}, {@code DynamoDbStreamsClient}, {@code
 * DynamoDbEnhancedClient}, {@code SimulatedAws}) over their simulator, by field or parameter; with
 * simulator-lambda, the simulated {@code Lambda} model and a {@code LambdaClient} over it.
 *
 * <p>Fault profiles ({@link dev.awssim.junit5.Faults}): SQS duplicates, reordering and short-poll
 * sampling; throttling of chosen SDK operations with a given probability; latency added to every
 * SDK call. All drawn from the test's seed, all off by default.
 */
package dev.awssim.junit5;
