package dev.awssim.kinesis;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.awssim.engine.AwsAccount;
import java.time.Duration;

/**
 * The limits of simulated Kinesis Data Streams. {@link #defaults()} holds AWS's documented numbers
 * (the AWS documentation); each constant names its source page.
 *
 * <pre>{@code
 * AwsSimulator sim = AwsSimulator.builder()
 *     .kinesisLimits(KinesisLimits.defaults().withStatusTransitionDelay(Duration.ofSeconds(30)))
 *     .build();
 * }</pre>
 *
 * @param accountId the simulated account in ARNs and messages
 * @param region the simulated Region in ARNs
 * @param shardWriteBytesPerSecond per-shard write bytes over any one-second span
 * @param shardWriteRecordsPerSecond per-shard write records over any one-second span
 * @param shardReadCallsPerSecond per-shard GetRecords calls over any one-second span
 * @param shardReadBytesPerSecond per-shard GetRecords bytes per second
 * @param maxRecordBytes the largest record (data plus partition key)
 * @param putRecordsMaxRecords the most records in one PutRecords call
 * @param putRecordsMaxBytes the largest PutRecords request (data plus partition keys)
 * @param getRecordsMaxBytes the most bytes one GetRecords call returns
 * @param iteratorLifetime how long a shard iterator stays valid
 * @param consumersPerStream the most enhanced fan-out consumers per stream
 * @param onDemandInitialShards the shards a new on-demand stream starts with
 * @param onDemandSplitBytesPerSecond the write rate above which an on-demand shard is split
 * @param statusTransitionDelay how long CREATING, UPDATING and DELETING last ([SIM])
 * @param controlPlaneRateLimits whether the control-plane calls (CreateStream, DescribeStream,
 *     ListShards, ...) are limited to AWS's transactions per second; on by default, as in AWS
 */
public record KinesisLimits(
    String accountId,
    String region,
    long shardWriteBytesPerSecond,
    long shardWriteRecordsPerSecond,
    long shardReadCallsPerSecond,
    long shardReadBytesPerSecond,
    long maxRecordBytes,
    int putRecordsMaxRecords,
    long putRecordsMaxBytes,
    long getRecordsMaxBytes,
    Duration iteratorLifetime,
    int consumersPerStream,
    int onDemandInitialShards,
    long onDemandSplitBytesPerSecond,
    Duration statusTransitionDelay,
    boolean controlPlaneRateLimits) {

  /** 1 MiB/s per shard, partition keys included: {@code service-sizes-and-limits.html}. */
  public static final long SHARD_WRITE_BYTES_PER_SECOND = 1_048_576;

  /** 1,000 records/s per shard: {@code service-sizes-and-limits.html}. */
  public static final long SHARD_WRITE_RECORDS_PER_SECOND = 1_000;

  /** 5 GetRecords transactions/s per shard, shared: {@code API_GetRecords.html}. */
  public static final long SHARD_READ_CALLS_PER_SECOND = 5;

  /** 2 MiB/s read per shard, shared: {@code service-sizes-and-limits.html}. */
  public static final long SHARD_READ_BYTES_PER_SECOND = 2_097_152;

  /** 1 MiB, data plus partition key (the default record size): {@code API_PutRecord.html}. */
  public static final long MAX_RECORD_BYTES = 1_048_576;

  /** 500 records per PutRecords: {@code API_PutRecords.html}. */
  public static final int PUT_RECORDS_MAX_RECORDS = 500;

  /** 10 MiB per PutRecords request since the 2025-10-27 model update ([CHG]). */
  public static final long PUT_RECORDS_MAX_BYTES = 10_485_760;

  /** 10 MiB per GetRecords call: {@code API_GetRecords.html}. */
  public static final long GET_RECORDS_MAX_BYTES = 10_485_760;

  /** 10,000 records per GetRecords call (the Limit's maximum): {@code API_GetRecords.html}. */
  public static final int GET_RECORDS_MAX_RECORDS = 10_000;

  /** Iterators expire 5 minutes after they are returned: {@code API_GetShardIterator.html}. */
  public static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(5);

  /**
   * ListShards: MaxResults 1-10,000, and 10,000 when not given: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListShards.html}.
   */
  public static final int LIST_SHARDS_MAX_RESULTS = 10_000;

  /**
   * A ListShards NextToken expires 300 seconds after it is returned (ExpiredNextTokenException):
   * {@code https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListShards.html}.
   */
  public static final Duration LIST_SHARDS_NEXT_TOKEN_LIFETIME = Duration.ofMinutes(5);

  /** 20 enhanced fan-out consumers per stream: {@code API_RegisterStreamConsumer.html}. */
  public static final int CONSUMERS_PER_STREAM = 20;

  /** An enhanced fan-out subscription lasts up to 5 minutes: {@code API_SubscribeToShard.html}. */
  public static final Duration SUBSCRIPTION_LIFETIME = Duration.ofMinutes(5);

  /**
   * 5 GetShardIterator calls per second per open shard (ProvisionedThroughputExceededException
   * beyond): {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetShardIterator.html}.
   */
  public static final long GET_SHARD_ITERATOR_CALLS_PER_SECOND = 5;

  /**
   * Each enhanced fan-out consumer gets its own 2 MiB/s per shard: {@code
   * https://docs.aws.amazon.com/streams/latest/dev/enhanced-consumers.html}.
   */
  public static final long FAN_OUT_PIPE_BYTES_PER_SECOND = 2_097_152;

  /**
   * A second SubscribeToShard for the same consumer and shard within 5 seconds of a successful one
   * is ResourceInUseException: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SubscribeToShard.html}.
   */
  public static final Duration SUBSCRIBE_RESUBSCRIBE_GUARD = Duration.ofSeconds(5);

  /**
   * [SIM] A subscription pushes the records waiting every 200 ms of virtual time: AWS pushes them
   * as they arrive over HTTP/2 and documents no interval ({@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SubscribeToShard.html}).
   */
  public static final Duration FAN_OUT_PUSH_INTERVAL = Duration.ofMillis(200);

  /**
   * [SIM] A subscription with nothing to push sends an empty event every 5 seconds, so that the
   * subscriber sees it is alive and how far behind it is ({@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SubscribeToShardEvent.html}).
   */
  public static final Duration FAN_OUT_HEARTBEAT = Duration.ofSeconds(5);

  /**
   * UpdateShardCount counts its scalings over a rolling 24 hours: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateShardCount.html}.
   */
  public static final Duration SHARD_COUNT_UPDATE_WINDOW = Duration.ofHours(24);

  /**
   * [SIM] How often on-demand scaling looks at each shard's write rate; AWS splits a hot shard
   * within 15 minutes ({@code
   * https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html}).
   */
  public static final Duration ON_DEMAND_SCALING_INTERVAL = Duration.ofMinutes(1);

  /** 24 hours of retention by default: {@code key-concepts.html}. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

  /** Retention between 24 and 8,760 hours: {@code API_IncreaseStreamRetentionPeriod.html}. */
  public static final int MAX_RETENTION_HOURS = 8_760;

  /**
   * A new on-demand stream writes 4 MB/s, so it starts with 4 shards: {@code
   * service-sizes-and-limits.html}.
   */
  public static final int ON_DEMAND_INITIAL_SHARDS = 4;

  /**
   * On-demand splits any shard that receives more than 500 KB/s: {@code
   * how-do-i-size-a-stream.html}.
   */
  public static final long ON_DEMAND_SPLIT_BYTES_PER_SECOND = 500 * 1024;

  /**
   * UpdateShardCount: at most 10 scalings per rolling 24 hours: {@code API_UpdateShardCount.html}.
   */
  public static final int SHARD_COUNT_UPDATES_PER_DAY = 10;

  /** UpdateShardCount: at most 10,000 shards per stream: {@code API_UpdateShardCount.html}. */
  public static final int MAX_SHARDS_PER_STREAM = 10_000;

  /**
   * UpdateMaxRecordSize and CreateStream take MaxRecordSizeInKiB from 1,024 (1 MiB, the default of
   * every stream) to 10,240 (10 MiB); outside that range ValidationException: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateMaxRecordSize.html}.
   */
  public static final int MIN_MAX_RECORD_SIZE_KIB = 1_024;

  /** The largest MaxRecordSizeInKiB, 10,240 (10 MiB): see {@link #MIN_MAX_RECORD_SIZE_KIB}. */
  public static final int MAX_MAX_RECORD_SIZE_KIB = 10_240;

  /**
   * A shard takes a record larger than its 1 MiB/s by bursting: it "can burst up to 10 MiBs, while
   * averaging 1 MiB per second", so a second 10 MiB record waits until the burst has refilled at
   * the shard's write rate: {@code
   * https://docs.aws.amazon.com/streams/latest/dev/large-records.html}.
   */
  public static final long LARGE_RECORD_BURST_BYTES = 10_485_760;

  /**
   * A stream may switch capacity mode (UpdateStreamMode) twice within 24 hours: {@code
   * https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html}.
   */
  public static final int STREAM_MODE_UPDATES_PER_DAY = 2;

  /** The rolling window of {@link #STREAM_MODE_UPDATES_PER_DAY}: 24 hours. */
  public static final Duration STREAM_MODE_UPDATE_WINDOW = Duration.ofHours(24);

  /**
   * CreateStream: 5 transactions per second per account (LimitExceededException beyond): {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_CreateStream.html}, {@code
   * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html}.
   */
  public static final int CREATE_STREAM_CALLS_PER_SECOND = 5;

  /**
   * DeleteStream: 5 transactions per second per account: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DeleteStream.html}.
   */
  public static final int DELETE_STREAM_CALLS_PER_SECOND = 5;

  /**
   * ListStreams: 5 transactions per second per account: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListStreams.html}.
   */
  public static final int LIST_STREAMS_CALLS_PER_SECOND = 5;

  /**
   * DescribeStream: 10 transactions per second per account: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStream.html}.
   */
  public static final int DESCRIBE_STREAM_CALLS_PER_SECOND = 10;

  /**
   * DescribeStreamSummary: 20 transactions per second per account: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStreamSummary.html}.
   */
  public static final int DESCRIBE_STREAM_SUMMARY_CALLS_PER_SECOND = 20;

  /**
   * ListShards: 1,000 transactions per second per data stream: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListShards.html}.
   */
  public static final int LIST_SHARDS_CALLS_PER_SECOND = 1_000;

  /**
   * SplitShard: 5 transactions per second per account: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SplitShard.html}.
   */
  public static final int SPLIT_SHARD_CALLS_PER_SECOND = 5;

  /**
   * MergeShards: 5 transactions per second per account: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_MergeShards.html}.
   */
  public static final int MERGE_SHARDS_CALLS_PER_SECOND = 5;

  /**
   * UpdateShardCount: 10 transactions per second ("TPS over 10 will trigger the
   * LimitExceededException"), counted per account here: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateShardCount.html}.
   */
  public static final int UPDATE_SHARD_COUNT_CALLS_PER_SECOND = 10;

  /**
   * RegisterStreamConsumer: 5 transactions per second per account: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_RegisterStreamConsumer.html}.
   */
  public static final int REGISTER_STREAM_CONSUMER_CALLS_PER_SECOND = 5;

  /**
   * DeregisterStreamConsumer: 5 transactions per second per stream: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DeregisterStreamConsumer.html}.
   */
  public static final int DEREGISTER_STREAM_CONSUMER_CALLS_PER_SECOND = 5;

  /**
   * DescribeStreamConsumer: 20 transactions per second per stream: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStreamConsumer.html}.
   */
  public static final int DESCRIBE_STREAM_CONSUMER_CALLS_PER_SECOND = 20;

  /**
   * ListStreamConsumers: 5 transactions per second per stream: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListStreamConsumers.html}.
   */
  public static final int LIST_STREAM_CONSUMERS_CALLS_PER_SECOND = 5;

  /**
   * ListStreamConsumers: MaxResults from 1 to 10,000, outside that ValidationException: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListStreamConsumers.html}.
   */
  public static final int LIST_STREAM_CONSUMERS_MAX_RESULTS = 10_000;

  /**
   * ListStreamConsumers returns 100 consumers a page when MaxResults is not given, and at most 100
   * when it is larger: {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListStreamConsumers.html}.
   */
  public static final int LIST_STREAM_CONSUMERS_PAGE_SIZE = 100;

  /**
   * A ListStreamConsumers NextToken expires 300 seconds after it is returned
   * (ExpiredNextTokenException): {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListStreamConsumers.html}.
   */
  public static final Duration LIST_STREAM_CONSUMERS_NEXT_TOKEN_LIFETIME = Duration.ofMinutes(5);

  /**
   * Validates the limits.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a number is not positive
   */
  public KinesisLimits {
    checkNotNull(accountId, "accountId");
    checkNotNull(region, "region");
    checkNotNull(iteratorLifetime, "iteratorLifetime");
    checkNotNull(statusTransitionDelay, "statusTransitionDelay");
    checkArgument(shardWriteBytesPerSecond > 0, "shardWriteBytesPerSecond must be positive");
    checkArgument(shardWriteRecordsPerSecond > 0, "shardWriteRecordsPerSecond must be positive");
    checkArgument(shardReadCallsPerSecond > 0, "shardReadCallsPerSecond must be positive");
    checkArgument(shardReadBytesPerSecond > 0, "shardReadBytesPerSecond must be positive");
    checkArgument(maxRecordBytes > 0, "maxRecordBytes must be positive");
    checkArgument(putRecordsMaxRecords > 0, "putRecordsMaxRecords must be positive");
    checkArgument(putRecordsMaxBytes > 0, "putRecordsMaxBytes must be positive");
    checkArgument(getRecordsMaxBytes > 0, "getRecordsMaxBytes must be positive");
    checkArgument(consumersPerStream > 0, "consumersPerStream must be positive");
    checkArgument(onDemandInitialShards > 0, "onDemandInitialShards must be positive");
    checkArgument(onDemandSplitBytesPerSecond > 0, "onDemandSplitBytesPerSecond must be positive");
    checkArgument(
        !statusTransitionDelay.isNegative(), "statusTransitionDelay must not be negative");
    checkArgument(
        !iteratorLifetime.isNegative() && !iteratorLifetime.isZero(),
        "iteratorLifetime must be positive");
  }

  /**
   * AWS's documented limits, account 000000000000 in us-east-1, and status changes that take no
   * time ([SIM]: CREATING, UPDATING and DELETING are instant, so that code that creates a stream
   * and uses it at once works; set a delay to see the transitions).
   */
  public static KinesisLimits defaults() {
    return new KinesisLimits(
        AwsAccount.DEFAULT_ACCOUNT_ID,
        AwsAccount.DEFAULT_REGION,
        SHARD_WRITE_BYTES_PER_SECOND,
        SHARD_WRITE_RECORDS_PER_SECOND,
        SHARD_READ_CALLS_PER_SECOND,
        SHARD_READ_BYTES_PER_SECOND,
        MAX_RECORD_BYTES,
        PUT_RECORDS_MAX_RECORDS,
        PUT_RECORDS_MAX_BYTES,
        GET_RECORDS_MAX_BYTES,
        ITERATOR_LIFETIME,
        CONSUMERS_PER_STREAM,
        ON_DEMAND_INITIAL_SHARDS,
        ON_DEMAND_SPLIT_BYTES_PER_SECOND,
        Duration.ZERO,
        true);
  }

  /** These limits with CREATING, UPDATING and DELETING lasting {@code delay}. */
  public KinesisLimits withStatusTransitionDelay(Duration delay) {
    return new KinesisLimits(
        accountId,
        region,
        shardWriteBytesPerSecond,
        shardWriteRecordsPerSecond,
        shardReadCallsPerSecond,
        shardReadBytesPerSecond,
        maxRecordBytes,
        putRecordsMaxRecords,
        putRecordsMaxBytes,
        getRecordsMaxBytes,
        iteratorLifetime,
        consumersPerStream,
        onDemandInitialShards,
        onDemandSplitBytesPerSecond,
        delay,
        controlPlaneRateLimits);
  }

  /**
   * These limits in {@code account}'s account and Region (stream ARNs carry them), as a simulation
   * gives each of its Regions.
   *
   * @throws NullPointerException if {@code account} is null
   */
  public KinesisLimits withAccount(AwsAccount account) {
    return new KinesisLimits(
        account.accountId(),
        account.region(),
        shardWriteBytesPerSecond,
        shardWriteRecordsPerSecond,
        shardReadCallsPerSecond,
        shardReadBytesPerSecond,
        maxRecordBytes,
        putRecordsMaxRecords,
        putRecordsMaxBytes,
        getRecordsMaxBytes,
        iteratorLifetime,
        consumersPerStream,
        onDemandInitialShards,
        onDemandSplitBytesPerSecond,
        statusTransitionDelay,
        controlPlaneRateLimits);
  }

  /**
   * These limits without the control-plane rate limits (an explicit opt-out: AWS limits
   * CreateStream, DescribeStream, ListShards and the others to a few calls per second).
   */
  public KinesisLimits withoutControlPlaneRateLimits() {
    return new KinesisLimits(
        accountId,
        region,
        shardWriteBytesPerSecond,
        shardWriteRecordsPerSecond,
        shardReadCallsPerSecond,
        shardReadBytesPerSecond,
        maxRecordBytes,
        putRecordsMaxRecords,
        putRecordsMaxBytes,
        getRecordsMaxBytes,
        iteratorLifetime,
        consumersPerStream,
        onDemandInitialShards,
        onDemandSplitBytesPerSecond,
        statusTransitionDelay,
        false);
  }
}
