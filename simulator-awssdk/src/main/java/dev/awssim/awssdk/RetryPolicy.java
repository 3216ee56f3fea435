package dev.awssim.awssdk;

import java.time.Duration;

/**
 * The numbers of one SDK retry strategy, read from the AWS SDK for Java v2 2.40.2 sources ({@code
 * retries/DefaultRetryStrategy}, {@code LegacyRetryStrategy.builder()}, {@code
 * StandardRetryStrategy.builder()}, {@code services/dynamodb/DynamoDbRetryPolicy}).
 *
 * @param maxAttempts attempts including the first
 * @param baseDelay base of the transient-error backoff
 * @param throttledBaseDelay base of the throttling backoff
 * @param throttledHalfJitter whether throttling waits use half jitter (legacy) or full jitter
 * @param transientCost retry-quota tokens a transient-error retry takes
 * @param throttlingCost retry-quota tokens a throttling retry takes
 */
record RetryPolicy(
    int maxAttempts,
    Duration baseDelay,
    Duration throttledBaseDelay,
    boolean throttledHalfJitter,
    int transientCost,
    int throttlingCost) {

  /** {@code SdkDefaultRetrySetting.MAX_BACKOFF}: no wait is longer than 20 s. */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

  /** {@code TokenBucketStore} capacity in both modes: 500 tokens per client. */
  static final int RETRY_QUOTA = 500;

  /** {@code DefaultRetryStrategy.Legacy.BASE_DELAY} and {@code Standard.BASE_DELAY}: 100 ms. */
  static final Duration BASE_DELAY = Duration.ofMillis(100);

  /** {@code DefaultRetryStrategy.Legacy.THROTTLED_BASE_DELAY}: 500 ms. */
  static final Duration LEGACY_THROTTLED_BASE_DELAY = Duration.ofMillis(500);

  /** {@code DefaultRetryStrategy.Standard.THROTTLED_BASE_DELAY}: 1 s. */
  static final Duration STANDARD_THROTTLED_BASE_DELAY = Duration.ofSeconds(1);

  /** {@code DynamoDbRetryPolicy.MAX_ATTEMPTS}: 9 (8 retries), in legacy and standard mode. */
  static final int DYNAMODB_MAX_ATTEMPTS = 9;

  /**
   * {@code DynamoDbRetryPolicy.BASE_DELAY}: 25 ms. The DynamoDB client replaces only the
   * transient-error backoff; its throttling backoff stays the mode's (500 ms or 1 s).
   */
  static final Duration DYNAMODB_BASE_DELAY = Duration.ofMillis(25);

  /** The policy of {@code mode} for a generic client (SQS, Kinesis, DynamoDB Streams). */
  static RetryPolicy of(RetryMode mode) {
    return switch (mode) {
      case LEGACY -> new RetryPolicy(4, BASE_DELAY, LEGACY_THROTTLED_BASE_DELAY, true, 5, 0);
      case STANDARD -> new RetryPolicy(3, BASE_DELAY, STANDARD_THROTTLED_BASE_DELAY, false, 5, 5);
      case NONE -> new RetryPolicy(1, BASE_DELAY, BASE_DELAY, false, 0, 0);
    };
  }

  /** The policy of {@code mode} for the DynamoDB client ({@code DynamoDbRetryPolicy}). */
  static RetryPolicy ofDynamoDb(RetryMode mode) {
    RetryPolicy generic = of(mode);
    if (mode == RetryMode.NONE) {
      return generic;
    }
    return new RetryPolicy(
        DYNAMODB_MAX_ATTEMPTS,
        DYNAMODB_BASE_DELAY,
        generic.throttledBaseDelay(),
        generic.throttledHalfJitter(),
        generic.transientCost(),
        generic.throttlingCost());
  }
}
