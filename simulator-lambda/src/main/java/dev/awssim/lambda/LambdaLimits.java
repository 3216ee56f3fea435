package dev.awssim.lambda;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * The quotas and fixed numbers of simulated AWS Lambda. {@link #defaults()} holds AWS's documented
 * values; a test may lower the account quota (as AWS does for new accounts) to keep scenarios
 * small.
 *
 * @param accountConcurrency concurrent executions per account and Region, shared by all functions
 * @param unreservedConcurrencyMinimum the unreserved pool that reservations may not go below
 * @param scalingBurst new execution environments a function may create at once
 * @param scalingRefill new environments added back to a function's scaling capacity per {@code
 *     scalingPeriod}, continuously
 * @param scalingPeriod the period of {@code scalingRefill}
 * @param invocationRateMultiplier invoke requests per second allowed per unit of account
 *     concurrency
 * @param defaultTimeout a function's timeout when none is given
 * @param maximumTimeout the longest timeout a function may have
 * @param defaultMemorySize a function's memory in MB when none is given
 * @param minimumMemorySize the least memory in MB
 * @param maximumMemorySize the most memory in MB
 * @param maximumRetryAttempts the default and maximum retries of an async event after function
 *     errors
 * @param firstRetryDelay the wait before the second attempt of an async event
 * @param secondRetryDelay the wait before the third attempt of an async event
 * @param minimumEventAge the least {@code MaximumEventAgeInSeconds}
 * @param maximumEventAge the default and greatest {@code MaximumEventAgeInSeconds}
 * @param throttleRetryInitialDelay the first wait of an async event after a throttle
 * @param throttleRetryMaximumDelay the longest wait of an async event after a throttle
 * @param provisionedAllocationDelay how long provisioned concurrency takes to become READY
 */
public record LambdaLimits(
    int accountConcurrency,
    int unreservedConcurrencyMinimum,
    int scalingBurst,
    int scalingRefill,
    Duration scalingPeriod,
    int invocationRateMultiplier,
    Duration defaultTimeout,
    Duration maximumTimeout,
    int defaultMemorySize,
    int minimumMemorySize,
    int maximumMemorySize,
    int maximumRetryAttempts,
    Duration firstRetryDelay,
    Duration secondRetryDelay,
    Duration minimumEventAge,
    Duration maximumEventAge,
    Duration throttleRetryInitialDelay,
    Duration throttleRetryMaximumDelay,
    Duration provisionedAllocationDelay) {

  /**
   * Concurrent executions per account and Region: 1,000.
   * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
   */
  public static final int ACCOUNT_CONCURRENCY = 1_000;

  /**
   * Reservations may not take the unreserved pool below 100.
   * https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html
   */
  public static final int UNRESERVED_CONCURRENCY_MINIMUM = 100;

  /**
   * Each function scales by 1,000 execution environments every 10 seconds, refilled continuously,
   * with no accumulation beyond 1,000.
   * https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html
   */
  public static final int SCALING_BURST = 1_000;

  /** See {@link #SCALING_BURST}: 1,000 environments per 10 s. */
  public static final Duration SCALING_PERIOD = Duration.ofSeconds(10);

  /**
   * Invocation requests per second: 10 times the account concurrency quota.
   * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
   */
  public static final int INVOCATION_RATE_MULTIPLIER = 10;

  /**
   * Function timeout: 3 s by default, at most 900 s (15 minutes).
   * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
   */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

  /** See {@link #DEFAULT_TIMEOUT}. */
  public static final Duration MAXIMUM_TIMEOUT = Duration.ofMinutes(15);

  /**
   * Function memory: 128 MB by default and at least, at most 10,240 MB.
   * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
   */
  public static final int DEFAULT_MEMORY_SIZE = 128;

  /** See {@link #DEFAULT_MEMORY_SIZE}. */
  public static final int MAXIMUM_MEMORY_SIZE = 10_240;

  /**
   * Async events are retried twice after function errors, waiting 1 minute before the second
   * attempt and 2 minutes before the third; {@code MaximumRetryAttempts} is 0-2.
   * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html
   */
  public static final int MAXIMUM_RETRY_ATTEMPTS = 2;

  /** See {@link #MAXIMUM_RETRY_ATTEMPTS}. */
  public static final Duration FIRST_RETRY_DELAY = Duration.ofMinutes(1);

  /** See {@link #MAXIMUM_RETRY_ATTEMPTS}. */
  public static final Duration SECOND_RETRY_DELAY = Duration.ofMinutes(2);

  /**
   * {@code MaximumEventAgeInSeconds}: 60 to 21,600 (6 hours), default 21,600.
   * https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html
   */
  public static final Duration MINIMUM_EVENT_AGE = Duration.ofSeconds(60);

  /** See {@link #MINIMUM_EVENT_AGE}. */
  public static final Duration MAXIMUM_EVENT_AGE = Duration.ofHours(6);

  /**
   * A throttled async event returns to the queue; the retry interval grows exponentially from 1
   * second to at most 5 minutes. https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html
   */
  public static final Duration THROTTLE_RETRY_INITIAL_DELAY = Duration.ofSeconds(1);

  /** See {@link #THROTTLE_RETRY_INITIAL_DELAY}. */
  public static final Duration THROTTLE_RETRY_MAXIMUM_DELAY = Duration.ofMinutes(5);

  /**
   * Provisioned concurrency is allocated after "a minute or two of preparation"; the model makes it
   * READY 2 minutes after {@code PutProvisionedConcurrencyConfig} (AWS publishes no exact figure).
   * https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html
   */
  public static final Duration PROVISIONED_ALLOCATION_DELAY = Duration.ofMinutes(2);

  /**
   * A dead-letter message carries the first 1 KB of the error message in {@code ErrorMessage}.
   * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html
   */
  public static final int DEAD_LETTER_ERROR_MESSAGE_LENGTH = 1_024;

  /**
   * SQS event source mapping {@code BatchSize}: default 10; at most 10,000 for standard queues and
   * 10 for FIFO queues; a batch size above 10 needs a batching window of at least 1 second.
   * https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
   */
  public static final int SQS_DEFAULT_BATCH_SIZE = 10;

  /** See {@link #SQS_DEFAULT_BATCH_SIZE}. */
  public static final int SQS_MAXIMUM_BATCH_SIZE = 10_000;

  /** See {@link #SQS_DEFAULT_BATCH_SIZE}. */
  public static final int SQS_FIFO_MAXIMUM_BATCH_SIZE = 10;

  /**
   * Kinesis and DynamoDB Streams event source mapping {@code BatchSize}: default 100, at most
   * 10,000. https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
   */
  public static final int STREAM_DEFAULT_BATCH_SIZE = 100;

  /** See {@link #STREAM_DEFAULT_BATCH_SIZE}. */
  public static final int STREAM_MAXIMUM_BATCH_SIZE = 10_000;

  /**
   * {@code MaximumBatchingWindowInSeconds}: 0-300 s, default 0.
   * https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
   */
  public static final Duration MAXIMUM_BATCHING_WINDOW = Duration.ofMinutes(5);

  /**
   * An SQS event source starts with 5 concurrent batches, adds up to 300 per minute while messages
   * remain, up to 1,000 concurrent batches.
   * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html
   */
  public static final int SQS_INITIAL_POLLERS = 5;

  /** See {@link #SQS_INITIAL_POLLERS}: added per minute. */
  public static final int SQS_POLLERS_ADDED_PER_MINUTE = 300;

  /** See {@link #SQS_INITIAL_POLLERS}. */
  public static final int SQS_MAXIMUM_POLLERS = 1_000;

  /**
   * {@code ScalingConfig.MaximumConcurrency}: 2-1,000.
   * https://docs.aws.amazon.com/lambda/latest/api/API_ScalingConfig.html
   */
  public static final int MINIMUM_MAXIMUM_CONCURRENCY = 2;

  /** See {@link #MINIMUM_MAXIMUM_CONCURRENCY}. */
  public static final int MAXIMUM_MAXIMUM_CONCURRENCY = 1_000;

  /**
   * Lambda long-polls SQS; the wait is not documented, the model uses SQS's longest, 20 s.
   * https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
   */
  public static final int SQS_LONG_POLL_WAIT_SECONDS = 20;

  /**
   * With a batching window, if window + function timeout exceeds the queue's visibility timeout,
   * the messages are hidden for window + function timeout + 30 s.
   * https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
   */
  public static final Duration SQS_WINDOW_VISIBILITY_MARGIN = Duration.ofSeconds(30);

  /**
   * {@code ParallelizationFactor}: 1-10 batches of one shard at a time.
   * https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
   */
  public static final int MAXIMUM_PARALLELIZATION_FACTOR = 10;

  /**
   * Stream {@code MaximumRetryAttempts}: -1 (infinite, the default) or 0-10,000.
   * https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
   */
  public static final int STREAM_MAXIMUM_RETRY_ATTEMPTS = 10_000;

  /**
   * Stream {@code MaximumRecordAgeInSeconds}: -1 (infinite, the default) or 60-604,800.
   * https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
   */
  public static final Duration STREAM_MINIMUM_RECORD_AGE = Duration.ofSeconds(60);

  /** See {@link #STREAM_MINIMUM_RECORD_AGE}. */
  public static final Duration STREAM_MAXIMUM_RECORD_AGE = Duration.ofDays(7);

  /**
   * Lambda polls each Kinesis shard at a base rate of once per second, and each DynamoDB Streams
   * shard 4 times per second. https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html,
   * https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
   */
  public static final Duration KINESIS_POLL_INTERVAL = Duration.ofSeconds(1);

  /** See {@link #KINESIS_POLL_INTERVAL}. */
  public static final Duration DYNAMODB_STREAMS_POLL_INTERVAL = Duration.ofMillis(250);

  /**
   * {@code FilterCriteria}: up to 5 filters per event source mapping by default (a quota AWS may
   * raise to 10). https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
   */
  public static final int MAXIMUM_FILTERS = 5;

  /**
   * A filter's {@code Pattern} has at most 4,096 characters.
   * https://docs.aws.amazon.com/lambda/latest/api/API_Filter.html
   */
  public static final int FILTER_PATTERN_MAXIMUM_LENGTH = 4_096;

  /**
   * {@code TumblingWindowInSeconds}: 0-900 s, for Kinesis and DynamoDB Streams sources.
   * https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
   */
  public static final Duration MAXIMUM_TUMBLING_WINDOW = Duration.ofMinutes(15);

  /**
   * State carried between the invocations of one tumbling window is at most 1 MB per shard; beyond
   * it the window ends early. https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
   */
  public static final int TUMBLING_WINDOW_MAXIMUM_STATE_BYTES = 1_048_576;

  /**
   * How long an updated event source mapping stays {@code Updating} before its new parameters apply
   * and it is {@code Enabled} or {@code Disabled}. AWS documents the states
   * (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateEventSourceMapping.html) but not their
   * timing: 1 s is the model's choice.
   */
  public static final Duration MAPPING_UPDATE_DELAY = Duration.ofSeconds(1);

  /**
   * An alias points to a version and at most one additional version ({@code
   * RoutingConfig.AdditionalVersionWeights}, weights 0.0-1.0).
   * https://docs.aws.amazon.com/lambda/latest/api/API_AliasRoutingConfiguration.html
   */
  public static final int ALIAS_MAXIMUM_ADDITIONAL_VERSIONS = 1;

  /**
   * An alias name has 1-128 characters and is not a number.
   * https://docs.aws.amazon.com/lambda/latest/api/API_CreateAlias.html
   */
  public static final int ALIAS_NAME_MAXIMUM_LENGTH = 128;

  /**
   * The shortest function timeout: 1 second.
   * https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html
   */
  public static final java.time.Duration MINIMUM_TIMEOUT = java.time.Duration.ofSeconds(1);

  /**
   * The largest {@code Invoke} payload of a synchronous invocation: 6 MB.
   * https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html,
   * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
   */
  public static final int SYNCHRONOUS_PAYLOAD_MAXIMUM_BYTES = 6 * 1_024 * 1_024;

  /**
   * The largest {@code Invoke} payload of an asynchronous ({@code Event}) invocation: 1 MB.
   * https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
   */
  public static final int ASYNCHRONOUS_PAYLOAD_MAXIMUM_BYTES = 1_024 * 1_024;

  /**
   * {@code Invoke} with {@code LogType=Tail} returns the last 4 KB of the execution log.
   * https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
   */
  public static final int LOG_RESULT_MAXIMUM_BYTES = 4_096;

  /**
   * Duration is billed rounded up to the nearest millisecond.
   * https://aws.amazon.com/lambda/pricing/
   */
  public static final java.time.Duration BILLED_DURATION_INCREMENT = java.time.Duration.ofMillis(1);

  /**
   * A function's description has at most 256 characters.
   * https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html
   */
  public static final int DESCRIPTION_MAXIMUM_LENGTH = 256;

  /**
   * The greatest {@code MaxItems} of ListFunctions, ListVersionsByFunction, ListAliases and
   * ListEventSourceMappings: 10,000 (the least is 1).
   * https://docs.aws.amazon.com/lambda/latest/api/API_ListFunctions.html
   */
  public static final int LIST_MAXIMUM_MAX_ITEMS = 10_000;

  /**
   * ListFunctions and ListVersionsByFunction return at most 50 items per response, even with a
   * higher {@code MaxItems}. https://docs.aws.amazon.com/lambda/latest/api/API_ListFunctions.html,
   * https://docs.aws.amazon.com/lambda/latest/api/API_ListVersionsByFunction.html
   */
  public static final int LIST_FUNCTIONS_PAGE_SIZE = 50;

  /**
   * ListEventSourceMappings returns at most 100 items per response, even with a higher {@code
   * MaxItems}. https://docs.aws.amazon.com/lambda/latest/api/API_ListEventSourceMappings.html
   */
  public static final int LIST_EVENT_SOURCE_MAPPINGS_PAGE_SIZE = 100;

  /**
   * The greatest {@code MaxItems} of ListFunctionEventInvokeConfigs: 50 (the least is 1).
   * https://docs.aws.amazon.com/lambda/latest/api/API_ListFunctionEventInvokeConfigs.html
   */
  public static final int LIST_EVENT_INVOKE_CONFIGS_MAXIMUM_MAX_ITEMS = 50;

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException if a number is out of range
   * @throws NullPointerException if a duration is null
   */
  public LambdaLimits {
    checkArgument(accountConcurrency > 0, "accountConcurrency must be positive");
    checkArgument(
        unreservedConcurrencyMinimum >= 0 && unreservedConcurrencyMinimum <= accountConcurrency,
        "unreservedConcurrencyMinimum must be within [0, accountConcurrency]");
    checkArgument(scalingBurst > 0 && scalingRefill >= 0, "scaling numbers must be positive");
    checkArgument(invocationRateMultiplier > 0, "invocationRateMultiplier must be positive");
    checkArgument(
        minimumMemorySize > 0
            && minimumMemorySize <= defaultMemorySize
            && defaultMemorySize <= maximumMemorySize,
        "memory sizes must satisfy 0 < minimum <= default <= maximum");
    checkArgument(maximumRetryAttempts >= 0, "maximumRetryAttempts must not be negative");
    for (Duration d :
        new Duration[] {
          scalingPeriod,
          defaultTimeout,
          maximumTimeout,
          firstRetryDelay,
          secondRetryDelay,
          minimumEventAge,
          maximumEventAge,
          throttleRetryInitialDelay,
          throttleRetryMaximumDelay,
          provisionedAllocationDelay
        }) {
      checkNotNull(d, "duration");
      checkArgument(!d.isNegative(), "durations must not be negative: %s", d);
    }
    checkArgument(!scalingPeriod.isZero(), "scalingPeriod must be positive");
    checkArgument(
        defaultTimeout.compareTo(maximumTimeout) <= 0, "defaultTimeout must not exceed maximum");
    checkArgument(
        minimumEventAge.compareTo(maximumEventAge) <= 0, "minimumEventAge must not exceed maximum");
  }

  /** AWS's documented values. */
  public static LambdaLimits defaults() {
    return new LambdaLimits(
        ACCOUNT_CONCURRENCY,
        UNRESERVED_CONCURRENCY_MINIMUM,
        SCALING_BURST,
        SCALING_BURST,
        SCALING_PERIOD,
        INVOCATION_RATE_MULTIPLIER,
        DEFAULT_TIMEOUT,
        MAXIMUM_TIMEOUT,
        DEFAULT_MEMORY_SIZE,
        DEFAULT_MEMORY_SIZE,
        MAXIMUM_MEMORY_SIZE,
        MAXIMUM_RETRY_ATTEMPTS,
        FIRST_RETRY_DELAY,
        SECOND_RETRY_DELAY,
        MINIMUM_EVENT_AGE,
        MAXIMUM_EVENT_AGE,
        THROTTLE_RETRY_INITIAL_DELAY,
        THROTTLE_RETRY_MAXIMUM_DELAY,
        PROVISIONED_ALLOCATION_DELAY);
  }

  /**
   * These limits with another account concurrency quota (AWS raises or lowers it per account).
   *
   * @throws IllegalArgumentException if the quota is not positive or below the unreserved minimum
   */
  public LambdaLimits withAccountConcurrency(int quota) {
    return new LambdaLimits(
        quota,
        unreservedConcurrencyMinimum,
        scalingBurst,
        scalingRefill,
        scalingPeriod,
        invocationRateMultiplier,
        defaultTimeout,
        maximumTimeout,
        defaultMemorySize,
        minimumMemorySize,
        maximumMemorySize,
        maximumRetryAttempts,
        firstRetryDelay,
        secondRetryDelay,
        minimumEventAge,
        maximumEventAge,
        throttleRetryInitialDelay,
        throttleRetryMaximumDelay,
        provisionedAllocationDelay);
  }

  /** Invoke requests per second the account admits: the multiplier times the quota. */
  public long invocationRatePerSecond() {
    return (long) invocationRateMultiplier * accountConcurrency;
  }
}
