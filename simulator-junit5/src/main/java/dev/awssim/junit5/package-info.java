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
 * <p>Fault profiles available: SQS duplicates, reordering and short-poll sampling. Not yet:
 * throttling at a given rate on chosen operations, added latency, and injection of SDK clients.
 */
package dev.awssim.junit5;
