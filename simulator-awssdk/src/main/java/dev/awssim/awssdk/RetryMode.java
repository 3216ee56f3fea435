package dev.awssim.awssdk;

/**
 * How the simulated SDK clients retry errors, on virtual time.
 *
 * <p>The modes copy the AWS SDK for Java v2 (2.40.2) retry strategies: same attempt counts, base
 * delays, jitter and retry quota, with the wait between attempts spent by advancing the
 * simulation's clock instead of sleeping. {@link #LEGACY} is what an SDK client built with no retry
 * configuration uses ({@code RetryMode.Resolver.SDK_DEFAULT_RETRY_MODE}); it is the default here,
 * so that code under test sees what it would see in AWS.
 *
 * <pre>{@code
 * SimulatedAws aws = SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build();
 * }</pre>
 */
public enum RetryMode {
  /**
   * The SDK's default: 4 attempts (DynamoDB: 9); transient errors wait a full-jitter exponential
   * backoff from 100 ms (DynamoDB: 25 ms), throttling errors a half-jitter backoff from 500 ms, at
   * most 20 s; a retry quota of 500 tokens where a transient retry costs 5 and a throttling retry
   * costs nothing.
   */
  LEGACY,
  /**
   * The cross-SDK "standard" mode: 3 attempts (DynamoDB: 9); full-jitter exponential backoff from
   * 100 ms (DynamoDB: 25 ms), throttling errors from 1 s, at most 20 s; a retry quota of 500 tokens
   * where every retry costs 5.
   */
  STANDARD,
  /** One attempt: every error reaches the caller at once, as with {@code maxAttempts(1)}. */
  NONE
}
