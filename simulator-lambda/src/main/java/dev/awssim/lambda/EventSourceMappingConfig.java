package dev.awssim.lambda;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parameters of {@code CreateEventSourceMapping}
 * (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html); null means
 * "not given" (AWS's default). {@link Lambda#createEventSourceMapping} checks them and answers
 * {@code InvalidParameterValueException} as AWS does.
 *
 * <pre>{@code
 * lambda.createEventSourceMapping(EventSourceMappingConfig.of("orders", queueArn)
 *     .withBatchSize(10).withReportBatchItemFailures(true).withMaximumConcurrency(20));
 * lambda.createEventSourceMapping(EventSourceMappingConfig.of("audit", streamArn)
 *     .withStartingPosition(StartingPosition.TRIM_HORIZON).withBisectBatchOnFunctionError(true));
 * }</pre>
 *
 * @param functionName the function ({@code name} or {@code name:version})
 * @param eventSourceArn an SQS queue, Kinesis stream or DynamoDB stream ARN
 * @param enabled whether the mapping polls
 * @param batchSize records per batch, or null for 10 (SQS) / 100 (streams)
 * @param maximumBatchingWindow how long to gather records, 0-300 s, or null for 0
 * @param maximumConcurrency SQS {@code ScalingConfig.MaximumConcurrency} (2-1,000), or null
 * @param reportBatchItemFailures {@code FunctionResponseTypes: ["ReportBatchItemFailures"]}
 * @param startingPosition streams: where to start reading (required for streams)
 * @param startingPositionTimestamp for {@link StartingPosition#AT_TIMESTAMP}
 * @param parallelizationFactor streams: concurrent batches per shard, 1-10, or null for 1
 * @param maximumRetryAttempts streams: -1 (infinite) or 0-10,000, or null for -1
 * @param maximumRecordAge streams: 60 s - 7 days, or null for infinite
 * @param bisectBatchOnFunctionError streams: split a failing batch in two
 * @param onFailureDestinationArn streams: an SQS queue ARN for records of discarded batches, or
 *     null
 * @param filterPatterns {@code FilterCriteria.Filters[].Pattern}: records that match none of them
 *     are not sent to the function (empty: no filtering); at most 5
 *     (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html)
 * @param tumblingWindow streams: {@code TumblingWindowInSeconds}, 0-900 s, or null for none
 */
public record EventSourceMappingConfig(
    String functionName,
    String eventSourceArn,
    boolean enabled,
    Integer batchSize,
    Duration maximumBatchingWindow,
    Integer maximumConcurrency,
    boolean reportBatchItemFailures,
    StartingPosition startingPosition,
    Instant startingPositionTimestamp,
    Integer parallelizationFactor,
    Integer maximumRetryAttempts,
    Duration maximumRecordAge,
    boolean bisectBatchOnFunctionError,
    String onFailureDestinationArn,
    List<String> filterPatterns,
    Duration tumblingWindow) {

  /**
   * Checks that the function and source are present, and copies the filter patterns (null means
   * none).
   *
   * @throws NullPointerException if the function name or source ARN is null
   */
  public EventSourceMappingConfig {
    checkNotNull(functionName, "functionName");
    checkNotNull(eventSourceArn, "eventSourceArn");
    // A null element stays, so that validation can answer AWS's error for it.
    filterPatterns =
        filterPatterns == null
            ? List.of()
            : Collections.unmodifiableList(new ArrayList<>(filterPatterns));
  }

  /**
   * A configuration without filters or tumbling window (the parameters this record had before
   * {@code FilterCriteria} and {@code TumblingWindowInSeconds}).
   *
   * @throws NullPointerException if the function name or source ARN is null
   */
  public EventSourceMappingConfig(
      String functionName,
      String eventSourceArn,
      boolean enabled,
      Integer batchSize,
      Duration maximumBatchingWindow,
      Integer maximumConcurrency,
      boolean reportBatchItemFailures,
      StartingPosition startingPosition,
      Instant startingPositionTimestamp,
      Integer parallelizationFactor,
      Integer maximumRetryAttempts,
      Duration maximumRecordAge,
      boolean bisectBatchOnFunctionError,
      String onFailureDestinationArn) {
    this(
        functionName,
        eventSourceArn,
        enabled,
        batchSize,
        maximumBatchingWindow,
        maximumConcurrency,
        reportBatchItemFailures,
        startingPosition,
        startingPositionTimestamp,
        parallelizationFactor,
        maximumRetryAttempts,
        maximumRecordAge,
        bisectBatchOnFunctionError,
        onFailureDestinationArn,
        List.of(),
        null);
  }

  /** Where a stream mapping starts reading. */
  public enum StartingPosition {
    /** The oldest record in each shard. */
    TRIM_HORIZON,
    /** Only records written after the mapping starts. */
    LATEST,
    /** Records from {@code StartingPositionTimestamp} on (Kinesis only). */
    AT_TIMESTAMP
  }

  /** An enabled mapping with every optional parameter not given. */
  public static EventSourceMappingConfig of(String functionName, String eventSourceArn) {
    return new EventSourceMappingConfig(
        functionName,
        eventSourceArn,
        true,
        null,
        null,
        null,
        false,
        null,
        null,
        null,
        null,
        null,
        false,
        null);
  }

  /** This configuration, enabled or disabled. */
  public EventSourceMappingConfig withEnabled(boolean value) {
    Fields b = new Fields(this);
    b.enabled = value;
    return b.build();
  }

  /** This configuration with another {@code BatchSize}. */
  public EventSourceMappingConfig withBatchSize(Integer value) {
    Fields b = new Fields(this);
    b.batchSize = value;
    return b.build();
  }

  /** This configuration with another {@code MaximumBatchingWindowInSeconds}. */
  public EventSourceMappingConfig withMaximumBatchingWindow(Duration value) {
    Fields b = new Fields(this);
    b.maximumBatchingWindow = value;
    return b.build();
  }

  /** This configuration with another {@code ScalingConfig.MaximumConcurrency}. */
  public EventSourceMappingConfig withMaximumConcurrency(Integer value) {
    Fields b = new Fields(this);
    b.maximumConcurrency = value;
    return b.build();
  }

  /** This configuration with or without {@code ReportBatchItemFailures}. */
  public EventSourceMappingConfig withReportBatchItemFailures(boolean value) {
    Fields b = new Fields(this);
    b.reportBatchItemFailures = value;
    return b.build();
  }

  /** This configuration with another {@code StartingPosition}. */
  public EventSourceMappingConfig withStartingPosition(StartingPosition value) {
    Fields b = new Fields(this);
    b.startingPosition = value;
    return b.build();
  }

  /** This configuration with another {@code ParallelizationFactor}. */
  public EventSourceMappingConfig withParallelizationFactor(Integer value) {
    Fields b = new Fields(this);
    b.parallelizationFactor = value;
    return b.build();
  }

  /** This configuration with another {@code MaximumRetryAttempts}. */
  public EventSourceMappingConfig withMaximumRetryAttempts(Integer value) {
    Fields b = new Fields(this);
    b.maximumRetryAttempts = value;
    return b.build();
  }

  /** This configuration with another {@code MaximumRecordAgeInSeconds}. */
  public EventSourceMappingConfig withMaximumRecordAge(Duration value) {
    Fields b = new Fields(this);
    b.maximumRecordAge = value;
    return b.build();
  }

  /** This configuration with or without {@code BisectBatchOnFunctionError}. */
  public EventSourceMappingConfig withBisectBatchOnFunctionError(boolean value) {
    Fields b = new Fields(this);
    b.bisectBatchOnFunctionError = value;
    return b.build();
  }

  /** This configuration with an on-failure destination (an SQS queue ARN). */
  public EventSourceMappingConfig withOnFailureDestination(String value) {
    Fields b = new Fields(this);
    b.onFailureDestinationArn = value;
    return b.build();
  }

  /** This configuration with another function ({@code name} or {@code name:qualifier}). */
  public EventSourceMappingConfig withFunctionName(String value) {
    Fields b = new Fields(this);
    b.functionName = value;
    return b.build();
  }

  /**
   * This configuration with these {@code FilterCriteria} patterns (each a JSON filter rule), or
   * none when empty.
   */
  public EventSourceMappingConfig withFilterPatterns(List<String> value) {
    Fields b = new Fields(this);
    b.filterPatterns = value;
    return b.build();
  }

  /** This configuration with another {@code TumblingWindowInSeconds}, or null for none. */
  public EventSourceMappingConfig withTumblingWindow(Duration value) {
    Fields b = new Fields(this);
    b.tumblingWindow = value;
    return b.build();
  }

  /** This configuration starting {@link StartingPosition#AT_TIMESTAMP} {@code value}. */
  public EventSourceMappingConfig withStartingPositionTimestamp(Instant value) {
    Fields b = new Fields(this);
    b.startingPosition = StartingPosition.AT_TIMESTAMP;
    b.startingPositionTimestamp = value;
    return b.build();
  }

  /** A mutable copy, so that each wither names only what it changes. */
  private static final class Fields {
    String functionName;
    String eventSourceArn;
    boolean enabled;
    Integer batchSize;
    Duration maximumBatchingWindow;
    Integer maximumConcurrency;
    boolean reportBatchItemFailures;
    StartingPosition startingPosition;
    Instant startingPositionTimestamp;
    Integer parallelizationFactor;
    Integer maximumRetryAttempts;
    Duration maximumRecordAge;
    boolean bisectBatchOnFunctionError;
    String onFailureDestinationArn;
    List<String> filterPatterns;
    Duration tumblingWindow;

    Fields(EventSourceMappingConfig c) {
      functionName = c.functionName();
      eventSourceArn = c.eventSourceArn();
      enabled = c.enabled();
      batchSize = c.batchSize();
      maximumBatchingWindow = c.maximumBatchingWindow();
      maximumConcurrency = c.maximumConcurrency();
      reportBatchItemFailures = c.reportBatchItemFailures();
      startingPosition = c.startingPosition();
      startingPositionTimestamp = c.startingPositionTimestamp();
      parallelizationFactor = c.parallelizationFactor();
      maximumRetryAttempts = c.maximumRetryAttempts();
      maximumRecordAge = c.maximumRecordAge();
      bisectBatchOnFunctionError = c.bisectBatchOnFunctionError();
      onFailureDestinationArn = c.onFailureDestinationArn();
      filterPatterns = c.filterPatterns();
      tumblingWindow = c.tumblingWindow();
    }

    EventSourceMappingConfig build() {
      return new EventSourceMappingConfig(
          functionName,
          eventSourceArn,
          enabled,
          batchSize,
          maximumBatchingWindow,
          maximumConcurrency,
          reportBatchItemFailures,
          startingPosition,
          startingPositionTimestamp,
          parallelizationFactor,
          maximumRetryAttempts,
          maximumRecordAge,
          bisectBatchOnFunctionError,
          onFailureDestinationArn,
          filterPatterns,
          tumblingWindow);
    }
  }
}
