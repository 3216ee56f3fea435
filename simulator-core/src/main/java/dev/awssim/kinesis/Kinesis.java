package dev.awssim.kinesis;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.internal.SimulationContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Amazon Kinesis Data Streams on the virtual clock: streams and shards, hash keys, per-shard write
 * and read limits, iterators, retention, resharding and enhanced fan-out ({@code
 * https://docs.aws.amazon.com/streams/latest/dev/introduction.html}).
 *
 * <pre>{@code
 * Kinesis kinesis = AwsSimulator.withSeed(42).kinesis();
 * kinesis.createStream("orders", 2);
 * kinesis.putRecord(PutRecordRequest.of("orders", "hello".getBytes(UTF_8), "customer-1"));
 * String it = kinesis.getShardIterator(GetShardIteratorRequest.of(
 *     "orders", "shardId-000000000000", ShardIteratorType.TRIM_HORIZON));
 * List<Record> records = kinesis.getRecords(it).records();
 * }</pre>
 *
 * <p>Every method is safe to call from several threads (it holds the simulation's lock) and throws
 * {@link KinesisException} with AWS's error code for bad input, leaving state unchanged.
 */
public final class Kinesis {
  private static final Duration SCALING_INTERVAL = KinesisLimits.ON_DEMAND_SCALING_INTERVAL;

  private final SimulationContext context;
  private final Streams streams;
  private final ShardWriter writer;
  private final ShardReader reader;
  private final Resharder resharder;
  private final FanOut fanOut;
  private final ShardListing listing;

  /**
   * Creates the model.
   *
   * @throws NullPointerException if an argument is null
   */
  public Kinesis(SimulationContext context, KinesisLimits limits) {
    this.context = checkNotNull(context, "context");
    this.streams = new Streams(context, checkNotNull(limits, "limits"));
    this.writer = new ShardWriter(streams);
    this.reader = new ShardReader(streams);
    this.resharder = new Resharder(streams);
    this.fanOut = new FanOut(streams, reader);
    this.listing = new ShardListing(streams);
  }

  /** The limits this model enforces. */
  public KinesisLimits limits() {
    return streams.limits;
  }

  /**
   * CreateStream in provisioned mode with {@code shardCount} shards splitting the hash-key space
   * evenly.
   *
   * @throws KinesisException ResourceInUseException if the name is taken, ValidationException for a
   *     bad name or shard count
   */
  public void createStream(String streamName, Integer shardCount) {
    createStream(streamName, shardCount, StreamMode.PROVISIONED);
  }

  /**
   * CreateStream in {@code mode}; an on-demand stream ignores {@code shardCount} (it may be null)
   * and starts with 4 shards.
   *
   * @throws KinesisException ResourceInUseException if the name is taken, ValidationException for a
   *     bad name or shard count
   */
  public void createStream(String streamName, Integer shardCount, StreamMode mode) {
    createStream(streamName, shardCount, mode, null);
  }

  /**
   * CreateStream in {@code mode} with a maximum record size of {@code maxRecordSizeInKiB} (1,024 to
   * 10,240; null for the default of 1,024): {@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_CreateStream.html}.
   *
   * @throws KinesisException ResourceInUseException if the name is taken, ValidationException for a
   *     bad name, shard count or record size, LimitExceededException past 5 calls per second
   */
  public void createStream(
      String streamName, Integer shardCount, StreamMode mode, Integer maxRecordSizeInKiB) {
    synchronized (context.lock()) {
      streams.rates.admit(ControlPlaneRates.Action.CREATE_STREAM);
      Streams.validateName(streamName, "streamName");
      if (maxRecordSizeInKiB != null) {
        validateMaxRecordSize(maxRecordSizeInKiB);
      }
      StreamMode effective = mode == null ? StreamMode.PROVISIONED : mode;
      int shards = shardCount(shardCount, effective);
      if (streams.all().containsKey(streamName)) {
        throw KinesisErrors.resourceInUse(
            "Stream "
                + streamName
                + " under account "
                + streams.limits.accountId()
                + " already exists.");
      }
      DataStream stream = streams.create(streamName, effective);
      if (maxRecordSizeInKiB != null) {
        stream.maxRecordBytes = maxRecordSizeInKiB * 1_024L;
      }
      streams.addEvenShards(stream, shards, Map.of());
      stream.status = StreamStatus.CREATING;
      streams.afterTransition(() -> stream.status = StreamStatus.ACTIVE);
      if (effective == StreamMode.ON_DEMAND) {
        scheduleOnDemandScaling(stream);
      }
      streams.trace(
          KinesisEventType.STREAM_CREATED,
          streamName,
          ImmutableMap.of("shards", Integer.toString(shards), "mode", effective.name()));
    }
  }

  private int shardCount(Integer shardCount, StreamMode mode) {
    if (mode == StreamMode.ON_DEMAND) {
      return streams.limits.onDemandInitialShards();
    }
    if (shardCount == null || shardCount < 1) {
      throw KinesisErrors.validation(
          "shardCount", shardCount, "Member must have value greater than or equal to 1");
    }
    if (shardCount > KinesisLimits.MAX_SHARDS_PER_STREAM) {
      throw KinesisErrors.limitExceeded(
          "This request would exceed the shard limit for the account "
              + streams.limits.accountId()
              + ".");
    }
    return shardCount;
  }

  private void scheduleOnDemandScaling(DataStream stream) {
    Cancellable[] task = new Cancellable[1];
    task[0] =
        context
            .scheduler()
            .every(
                SCALING_INTERVAL,
                () -> {
                  synchronized (context.lock()) {
                    if (streams.all().get(stream.name) != stream
                        || stream.mode != StreamMode.ON_DEMAND) {
                      task[0].cancel();
                      return;
                    }
                    resharder.scaleOnDemand(stream, SCALING_INTERVAL.toNanos());
                  }
                });
    stream.onDemandScaling = task[0];
  }

  /**
   * DeleteStream: the stream goes to DELETING and disappears (at once by default, [SIM]).
   *
   * @throws KinesisException ResourceNotFoundException if it does not exist
   */
  public void deleteStream(String streamName) {
    synchronized (context.lock()) {
      streams.rates.admit(ControlPlaneRates.Action.DELETE_STREAM);
      DataStream stream = streams.require(streamName);
      stream.status = StreamStatus.DELETING;
      new ArrayList<>(stream.consumers.values())
          .forEach(c -> new ArrayList<>(c.subscriptions.values()).forEach(s -> s.complete()));
      streams.afterTransition(
          () -> {
            if (streams.all().get(streamName) == stream) {
              streams.remove(streamName);
            }
          });
      streams.trace(KinesisEventType.STREAM_DELETED, streamName, ImmutableMap.of());
    }
  }

  /**
   * DescribeStream with every listed shard (closed shards whose data expired are omitted).
   *
   * @throws KinesisException ResourceNotFoundException if the stream does not exist
   */
  public StreamDescription describeStream(String streamName) {
    synchronized (context.lock()) {
      streams.rates.admit(ControlPlaneRates.Action.DESCRIBE_STREAM);
      DataStream stream = streams.require(streamName);
      List<ShardDescription> shards = new ArrayList<>();
      stream.listedShards(streams.now()).forEach(s -> shards.add(s.describe()));
      return describe(stream, shards);
    }
  }

  /**
   * DescribeStreamSummary: the description without the shard list.
   *
   * @throws KinesisException ResourceNotFoundException if the stream does not exist
   */
  public StreamDescription describeStreamSummary(String streamName) {
    synchronized (context.lock()) {
      streams.rates.admit(ControlPlaneRates.Action.DESCRIBE_STREAM_SUMMARY);
      return describe(streams.require(streamName), List.of());
    }
  }

  private StreamDescription describe(DataStream stream, List<ShardDescription> shards) {
    return new StreamDescription(
        stream.name,
        stream.arn,
        stream.status,
        stream.mode,
        shards,
        false,
        stream.openShards.size(),
        (int) Duration.ofNanos(stream.retentionNanos).toHours(),
        context.clock().toInstant(stream.createdAtNanos),
        stream.consumers.size(),
        ShardLevelMetric.names(stream.enhancedMetrics),
        (int) (stream.maxRecordBytes / 1_024));
  }

  /** ListStreams: every stream name, in alphabetical order. */
  public ListStreamsResult listStreams() {
    synchronized (context.lock()) {
      streams.rates.admit(ControlPlaneRates.Action.LIST_STREAMS);
      return new ListStreamsResult(new ArrayList<>(streams.all().keySet()), false);
    }
  }

  /**
   * ListShards: every listed shard of the stream, in creation order, in one page.
   *
   * @throws KinesisException ResourceNotFoundException if the stream does not exist
   */
  public ListShardsResult listShards(String streamName) {
    synchronized (context.lock()) {
      return listing.list(new ListShardsRequest(streamName, null, null, null, null));
    }
  }

  /**
   * ListShards: the listed shards of a stream (expired ones are omitted) that pass the request's
   * ShardFilter and follow its ExclusiveStartShardId, in creation order, at most MaxResults
   * (1-10,000, default 10,000) per page; NextToken continues a listing for 300 seconds.
   *
   * @throws KinesisException ResourceNotFoundException for an unknown stream, ValidationException
   *     for MaxResults out of range or a filter without type, InvalidArgumentException for a bad
   *     filter, a malformed NextToken or one combined with StreamName or ExclusiveStartShardId,
   *     ExpiredNextTokenException for a NextToken older than 300 seconds
   */
  public ListShardsResult listShards(ListShardsRequest request) {
    synchronized (context.lock()) {
      return listing.list(request);
    }
  }

  /**
   * IncreaseStreamRetentionPeriod: above the current value, at most 8,760 hours.
   *
   * @throws KinesisException InvalidArgumentException if not above the current value or over 8,760
   *     hours
   */
  public void increaseStreamRetentionPeriod(String streamName, int retentionPeriodHours) {
    synchronized (context.lock()) {
      DataStream stream = streams.requireActive(streamName);
      long current = Duration.ofNanos(stream.retentionNanos).toHours();
      if (retentionPeriodHours > KinesisLimits.MAX_RETENTION_HOURS) {
        throw KinesisErrors.invalidArgument(
            "Maximum allowed retention period is "
                + KinesisLimits.MAX_RETENTION_HOURS
                + " hours. Requested retention period ("
                + retentionPeriodHours
                + " hours) is too long.");
      }
      if (retentionPeriodHours < current) {
        throw KinesisErrors.invalidArgument(
            "Requested retention period ("
                + retentionPeriodHours
                + " hours) for stream "
                + streamName
                + " can not be shorter than existing retention period ("
                + current
                + " hours). Use DecreaseRetentionPeriod API.");
      }
      stream.retentionNanos = Duration.ofHours(retentionPeriodHours).toNanos();
    }
  }

  /**
   * DecreaseStreamRetentionPeriod: below the current value, at least 24 hours; records past the new
   * retention are dropped.
   *
   * @throws KinesisException InvalidArgumentException if not below the current value or under 24
   *     hours
   */
  public void decreaseStreamRetentionPeriod(String streamName, int retentionPeriodHours) {
    synchronized (context.lock()) {
      DataStream stream = streams.requireActive(streamName);
      long current = Duration.ofNanos(stream.retentionNanos).toHours();
      long minimum = KinesisLimits.DEFAULT_RETENTION.toHours();
      if (retentionPeriodHours < minimum) {
        throw KinesisErrors.invalidArgument(
            "Minimum allowed retention period is "
                + minimum
                + " hours. Requested retention period ("
                + retentionPeriodHours
                + " hours) is too short.");
      }
      if (retentionPeriodHours > current) {
        throw KinesisErrors.invalidArgument(
            "Requested retention period ("
                + retentionPeriodHours
                + " hours) for stream "
                + streamName
                + " can not be longer than existing retention period ("
                + current
                + " hours). Use IncreaseRetentionPeriod API.");
      }
      stream.retentionNanos = Duration.ofHours(retentionPeriodHours).toNanos();
      stream.trim(streams.now());
    }
  }

  /**
   * PutRecord: to the shard whose range holds the MD5 of the partition key (or the explicit hash
   * key), within the shard's 1 MiB/s and 1,000 records/s.
   *
   * @throws KinesisException ProvisionedThroughputExceededException over the shard's limits,
   *     ResourceNotFoundException for an unknown stream, ValidationException or
   *     InvalidArgumentException for bad input
   */
  public PutRecordResult putRecord(PutRecordRequest request) {
    synchronized (context.lock()) {
      return writer.putRecord(request);
    }
  }

  /**
   * PutRecords: up to 500 records and 10 MiB; records over their shard's limits fail one by one
   * with ProvisionedThroughputExceededException, the others are written (HTTP 200).
   *
   * @throws KinesisException ResourceNotFoundException, ValidationException or
   *     InvalidArgumentException for a bad request as a whole
   */
  public PutRecordsResult putRecords(String streamName, List<PutRecordsRequestEntry> records) {
    synchronized (context.lock()) {
      return writer.putRecords(streamName, records);
    }
  }

  /**
   * GetShardIterator: an iterator valid for 5 minutes.
   *
   * @throws KinesisException ResourceNotFoundException or InvalidArgumentException
   */
  public String getShardIterator(GetShardIteratorRequest request) {
    synchronized (context.lock()) {
      return reader.getShardIterator(request);
    }
  }

  /** GetRecords with the default limit of 10,000 records. */
  public GetRecordsResult getRecords(String shardIterator) {
    return getRecords(shardIterator, null);
  }

  /**
   * GetRecords: up to {@code limit} records (1-10,000) and 10 MiB, within the shard's shared 5
   * calls/s and 2 MiB/s.
   *
   * @throws KinesisException ProvisionedThroughputExceededException over the shard's read limits,
   *     ExpiredIteratorException for an iterator older than 5 minutes, ValidationException for a
   *     bad limit, InvalidArgumentException for a malformed iterator
   */
  public GetRecordsResult getRecords(String shardIterator, Integer limit) {
    synchronized (context.lock()) {
      return reader.getRecords(shardIterator, limit);
    }
  }

  /**
   * SplitShard at {@code newStartingHashKey}: the parent closes, two children take its range.
   *
   * @throws KinesisException ResourceInUseException unless ACTIVE, ValidationException on an
   *     on-demand stream, InvalidArgumentException for a hash key outside the shard
   */
  public void splitShard(String streamName, String shardToSplit, String newStartingHashKey) {
    synchronized (context.lock()) {
      streams.rates.admit(ControlPlaneRates.Action.SPLIT_SHARD);
      resharder.splitShard(streamName, shardToSplit, newStartingHashKey);
    }
  }

  /**
   * MergeShards: two adjacent open shards close and one child takes their ranges.
   *
   * @throws KinesisException InvalidArgumentException if the shards are not adjacent
   */
  public void mergeShards(String streamName, String shardToMerge, String adjacentShardToMerge) {
    synchronized (context.lock()) {
      streams.rates.admit(ControlPlaneRates.Action.MERGE_SHARDS);
      resharder.mergeShards(streamName, shardToMerge, adjacentShardToMerge);
    }
  }

  /**
   * UpdateShardCount with uniform scaling; returns the previous open shard count.
   *
   * @throws KinesisException LimitExceededException beyond 2x, below half, or past 10 updates per
   *     rolling 24 hours
   */
  public int updateShardCount(String streamName, Integer targetShardCount) {
    return updateShardCount(streamName, targetShardCount, ScalingType.UNIFORM_SCALING);
  }

  /**
   * UpdateShardCount; returns the previous open shard count. ScalingType is required, as in AWS.
   *
   * @throws KinesisException ValidationException without a scaling type, LimitExceededException
   *     beyond 2x, below half, past 10 updates per rolling 24 hours, or past 10 calls a second
   */
  public int updateShardCount(
      String streamName, Integer targetShardCount, ScalingType scalingType) {
    synchronized (context.lock()) {
      if (scalingType == null) {
        throw KinesisErrors.validation("scalingType", null, "Member must not be null");
      }
      streams.rates.admit(ControlPlaneRates.Action.UPDATE_SHARD_COUNT);
      return resharder.updateShardCount(streamName, targetShardCount);
    }
  }

  /**
   * UpdateStreamMode: switches the stream between PROVISIONED and ON_DEMAND, at most twice per
   * rolling 24 hours. The stream is UPDATING for the transition and keeps its shard count; from
   * then on an on-demand stream scales its shards with its writes, a provisioned one keeps them
   * until UpdateShardCount ({@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateStreamMode.html}, {@code
   * https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html}). Asking for the
   * mode the stream already has changes nothing.
   *
   * @throws KinesisException ValidationException without a mode, ResourceNotFoundException for an
   *     unknown stream, ResourceInUseException unless ACTIVE, LimitExceededException for a third
   *     switch within 24 hours
   */
  public void updateStreamMode(String streamArn, StreamMode streamMode) {
    synchronized (context.lock()) {
      if (streamMode == null) {
        throw KinesisErrors.validation(
            "streamModeDetails.streamMode", null, "Member must not be null");
      }
      DataStream stream = streams.requireActive(streams.requireByArn(streamArn).name);
      if (stream.mode == streamMode) {
        return;
      }
      long now = streams.now();
      long window = KinesisLimits.STREAM_MODE_UPDATE_WINDOW.toNanos();
      stream.modeUpdates.removeIf(t -> t + window <= now);
      if (stream.modeUpdates.size() >= KinesisLimits.STREAM_MODE_UPDATES_PER_DAY) {
        throw KinesisErrors.limitExceeded(
            "Stream "
                + stream.name
                + " under account "
                + streams.limits.accountId()
                + " has already switched capacity mode "
                + KinesisLimits.STREAM_MODE_UPDATES_PER_DAY
                + " times in the last 24 hours.");
      }
      stream.modeUpdates.add(now);
      stream.mode = streamMode;
      if (stream.onDemandScaling != null) {
        stream.onDemandScaling.cancel();
        stream.onDemandScaling = null;
      }
      for (Shard shard : stream.openShards.values()) {
        shard.bytesSinceScalingCheck = 0;
      }
      if (streamMode == StreamMode.ON_DEMAND) {
        scheduleOnDemandScaling(stream);
      }
      stream.status = StreamStatus.UPDATING;
      streams.afterTransition(
          () -> {
            if (stream.status == StreamStatus.UPDATING) {
              stream.status = StreamStatus.ACTIVE;
            }
          });
      streams.trace(
          KinesisEventType.RESHARDED,
          stream.name,
          ImmutableMap.of("operation", "UpdateStreamMode", "mode", streamMode.name()));
    }
  }

  /**
   * UpdateMaxRecordSize: the largest record (data plus partition key) the stream takes from now on,
   * 1,024 to 10,240 KiB. Records above 1 MiB go through by bursting: a shard takes up to 10 MiB at
   * once and refills that burst at its 1 MiB/s ({@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateMaxRecordSize.html}, {@code
   * https://docs.aws.amazon.com/streams/latest/dev/large-records.html}).
   *
   * @throws KinesisException ValidationException for a size out of range, ResourceNotFoundException
   *     for an unknown stream, ResourceInUseException unless ACTIVE
   */
  public void updateMaxRecordSize(String streamArn, Integer maxRecordSizeInKiB) {
    synchronized (context.lock()) {
      validateMaxRecordSize(maxRecordSizeInKiB);
      DataStream stream = streams.requireActive(streams.requireByArn(streamArn).name);
      stream.maxRecordBytes = maxRecordSizeInKiB * 1_024L;
    }
  }

  private static void validateMaxRecordSize(Integer kib) {
    if (kib == null
        || kib < KinesisLimits.MIN_MAX_RECORD_SIZE_KIB
        || kib > KinesisLimits.MAX_MAX_RECORD_SIZE_KIB) {
      throw KinesisErrors.validation(
          "maxRecordSizeInKiB",
          kib,
          "Member must have value less than or equal to "
              + KinesisLimits.MAX_MAX_RECORD_SIZE_KIB
              + " and greater than or equal to "
              + KinesisLimits.MIN_MAX_RECORD_SIZE_KIB);
    }
  }

  /**
   * RegisterStreamConsumer for enhanced fan-out (20 per stream).
   *
   * @throws KinesisException ResourceInUseException for a name taken, LimitExceededException past
   *     20 consumers or past 5 calls a second in the account
   */
  public ConsumerDescription registerStreamConsumer(String streamArn, String consumerName) {
    synchronized (context.lock()) {
      return fanOut.register(streamArn, consumerName);
    }
  }

  /**
   * DeregisterStreamConsumer by stream ARN and name; its subscriptions end.
   *
   * @throws KinesisException ResourceNotFoundException for an unknown consumer,
   *     LimitExceededException past 5 calls a second for the stream
   */
  public void deregisterStreamConsumer(String streamArn, String consumerName) {
    deregisterStreamConsumer(streamArn, consumerName, null);
  }

  /**
   * DeregisterStreamConsumer of the consumer named by its ARN, or by its stream's ARN and its name
   * (either way, as AWS takes it); its subscriptions end.
   *
   * @throws KinesisException InvalidArgumentException without a consumer ARN or a stream ARN and
   *     name, ResourceNotFoundException for an unknown consumer, LimitExceededException past 5
   *     calls a second for the stream
   */
  public void deregisterStreamConsumer(String streamArn, String consumerName, String consumerArn) {
    synchronized (context.lock()) {
      fanOut.deregister(streamArn, consumerName, consumerArn);
    }
  }

  /**
   * ListStreamConsumers: the first page (up to 100) of the stream's consumers, in registration
   * order.
   *
   * @throws KinesisException ResourceNotFoundException for an unknown stream,
   *     LimitExceededException past 5 calls a second for the stream
   */
  public List<ConsumerDescription> listStreamConsumers(String streamArn) {
    return listStreamConsumers(streamArn, null, null).consumers();
  }

  /**
   * ListStreamConsumers, in registration order, in pages of {@code maxResults} (100 when null, at
   * most 100) with a NextToken that expires after 300 seconds ({@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListStreamConsumers.html}).
   *
   * @throws KinesisException ValidationException for MaxResults outside 1-10,000,
   *     InvalidArgumentException for a NextToken that is not one or is another stream's,
   *     ExpiredNextTokenException for one older than 300 seconds, ResourceNotFoundException for an
   *     unknown stream, LimitExceededException past 5 calls a second for the stream
   */
  public ListStreamConsumersResult listStreamConsumers(
      String streamArn, Integer maxResults, String nextToken) {
    synchronized (context.lock()) {
      return fanOut.list(streamArn, maxResults, nextToken);
    }
  }

  /**
   * DescribeStreamConsumer by ARN.
   *
   * @throws KinesisException ResourceNotFoundException for an unknown consumer,
   *     LimitExceededException past 20 calls a second for its stream
   */
  public ConsumerDescription describeStreamConsumer(String consumerArn) {
    return describeStreamConsumer(null, null, consumerArn);
  }

  /**
   * DescribeStreamConsumer of the consumer named by its ARN, or by its stream's ARN and its name.
   *
   * @throws KinesisException InvalidArgumentException without a consumer ARN or a stream ARN and
   *     name, ResourceNotFoundException for an unknown consumer, LimitExceededException past 20
   *     calls a second for its stream
   */
  public ConsumerDescription describeStreamConsumer(
      String streamArn, String consumerName, String consumerArn) {
    synchronized (context.lock()) {
      return fanOut.describe(streamArn, consumerName, consumerArn);
    }
  }

  /**
   * SubscribeToShard: records are pushed to {@code listener} on virtual time for up to 5 minutes,
   * as far as its demand allows ({@link SubscribeToShardListener#initialDemand()}, then {@link
   * ShardSubscription#request(long)}); cancel the result to end it early. Each event carries the
   * ContinuationSequenceNumber to resume after (null only in the last event of a closed shard,
   * which carries its ChildShards) and MillisBehindLatest.
   *
   * @throws KinesisException ResourceInUseException within 5 s of the last subscription of the same
   *     consumer and shard, ResourceNotFoundException for an unknown consumer or shard
   */
  public ShardSubscription subscribeToShard(
      String consumerArn,
      String shardId,
      StartingPosition startingPosition,
      SubscribeToShardListener listener) {
    synchronized (context.lock()) {
      return fanOut.subscribe(consumerArn, shardId, startingPosition, listener);
    }
  }

  /**
   * EnableEnhancedMonitoring: from now on the stream records the named shard-level metrics ({@code
   * ALL} for every one); AWS records none until this is called.
   *
   * @throws KinesisException ValidationException for no metric or an unknown name,
   *     ResourceNotFoundException for an unknown stream, ResourceInUseException unless ACTIVE
   */
  public EnhancedMonitoringResult enableEnhancedMonitoring(
      String streamName, List<String> shardLevelMetrics) {
    return changeMonitoring(streamName, shardLevelMetrics, true);
  }

  /**
   * DisableEnhancedMonitoring: the stream stops recording the named shard-level metrics ({@code
   * ALL} for every one).
   *
   * @throws KinesisException ValidationException for no metric or an unknown name,
   *     ResourceNotFoundException for an unknown stream, ResourceInUseException unless ACTIVE
   */
  public EnhancedMonitoringResult disableEnhancedMonitoring(
      String streamName, List<String> shardLevelMetrics) {
    return changeMonitoring(streamName, shardLevelMetrics, false);
  }

  private EnhancedMonitoringResult changeMonitoring(
      String streamName, List<String> names, boolean enable) {
    synchronized (context.lock()) {
      Set<ShardLevelMetric> metrics = shardLevelMetrics(names);
      DataStream stream = streams.requireActive(streamName);
      List<String> before = ShardLevelMetric.names(stream.enhancedMetrics);
      if (enable) {
        stream.enhancedMetrics.addAll(metrics);
      } else {
        stream.enhancedMetrics.removeAll(metrics);
      }
      return new EnhancedMonitoringResult(
          stream.name, stream.arn, before, ShardLevelMetric.names(stream.enhancedMetrics));
    }
  }

  private static Set<ShardLevelMetric> shardLevelMetrics(List<String> names) {
    if (names == null || names.isEmpty() || names.size() > ShardLevelMetric.values().length + 1) {
      throw KinesisErrors.validation(
          "shardLevelMetrics",
          names,
          "Member must have length less than or equal to 7 and greater than or equal to 1");
    }
    EnumSet<ShardLevelMetric> metrics = EnumSet.noneOf(ShardLevelMetric.class);
    for (String name : names) {
      ShardLevelMetric metric = ShardLevelMetric.of(name);
      if (ShardLevelMetric.ALL.equals(name)) {
        metrics.addAll(EnumSet.allOf(ShardLevelMetric.class));
      } else if (metric == null) {
        throw KinesisErrors.validation(
            "shardLevelMetrics",
            names,
            "Member must satisfy constraint: [Member must satisfy enum value set: [ALL,"
                + " IncomingBytes, IncomingRecords, OutgoingBytes, OutgoingRecords,"
                + " WriteProvisionedThroughputExceeded, ReadProvisionedThroughputExceeded,"
                + " IteratorAgeMilliseconds]]");
      } else {
        metrics.add(metric);
      }
    }
    return metrics;
  }

  /** The model of a stream, for tests in this package that look at what it holds. */
  DataStream streamModel(String streamName) {
    synchronized (context.lock()) {
      return streams.require(streamName);
    }
  }

  /** The ARN of a stream name in this simulation's account and Region. */
  public String streamArn(String streamName) {
    return streams.arn(streamName);
  }
}
