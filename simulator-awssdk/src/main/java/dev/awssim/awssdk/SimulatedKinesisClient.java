package dev.awssim.awssdk;

import static com.google.common.base.Preconditions.checkNotNull;
import static dev.awssim.awssdk.KinesisConverters.streamName;

import dev.awssim.kinesis.ConsumerDescription;
import dev.awssim.kinesis.EnhancedMonitoringResult;
import dev.awssim.kinesis.Kinesis;
import dev.awssim.kinesis.ListStreamConsumersResult;
import dev.awssim.kinesis.ScalingType;
import dev.awssim.kinesis.ShardDescription;
import dev.awssim.kinesis.ShardIteratorType;
import dev.awssim.kinesis.StreamDescription;
import dev.awssim.kinesis.StreamMode;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisServiceClientConfiguration;
import software.amazon.awssdk.services.kinesis.model.AddTagsToStreamRequest;
import software.amazon.awssdk.services.kinesis.model.AddTagsToStreamResponse;
import software.amazon.awssdk.services.kinesis.model.CreateStreamRequest;
import software.amazon.awssdk.services.kinesis.model.CreateStreamResponse;
import software.amazon.awssdk.services.kinesis.model.DecreaseStreamRetentionPeriodRequest;
import software.amazon.awssdk.services.kinesis.model.DecreaseStreamRetentionPeriodResponse;
import software.amazon.awssdk.services.kinesis.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.kinesis.model.DeleteResourcePolicyResponse;
import software.amazon.awssdk.services.kinesis.model.DeleteStreamRequest;
import software.amazon.awssdk.services.kinesis.model.DeleteStreamResponse;
import software.amazon.awssdk.services.kinesis.model.DeregisterStreamConsumerRequest;
import software.amazon.awssdk.services.kinesis.model.DeregisterStreamConsumerResponse;
import software.amazon.awssdk.services.kinesis.model.DescribeAccountSettingsRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeAccountSettingsResponse;
import software.amazon.awssdk.services.kinesis.model.DescribeLimitsRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamConsumerRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamConsumerResponse;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamResponse;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.DisableEnhancedMonitoringRequest;
import software.amazon.awssdk.services.kinesis.model.DisableEnhancedMonitoringResponse;
import software.amazon.awssdk.services.kinesis.model.EnableEnhancedMonitoringRequest;
import software.amazon.awssdk.services.kinesis.model.EnableEnhancedMonitoringResponse;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.kinesis.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.kinesis.model.IncreaseStreamRetentionPeriodRequest;
import software.amazon.awssdk.services.kinesis.model.IncreaseStreamRetentionPeriodResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ListStreamConsumersRequest;
import software.amazon.awssdk.services.kinesis.model.ListStreamConsumersResponse;
import software.amazon.awssdk.services.kinesis.model.ListStreamsRequest;
import software.amazon.awssdk.services.kinesis.model.ListStreamsResponse;
import software.amazon.awssdk.services.kinesis.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.kinesis.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.kinesis.model.ListTagsForStreamRequest;
import software.amazon.awssdk.services.kinesis.model.ListTagsForStreamResponse;
import software.amazon.awssdk.services.kinesis.model.MergeShardsRequest;
import software.amazon.awssdk.services.kinesis.model.MergeShardsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.kinesis.model.PutResourcePolicyResponse;
import software.amazon.awssdk.services.kinesis.model.RegisterStreamConsumerRequest;
import software.amazon.awssdk.services.kinesis.model.RegisterStreamConsumerResponse;
import software.amazon.awssdk.services.kinesis.model.RemoveTagsFromStreamRequest;
import software.amazon.awssdk.services.kinesis.model.RemoveTagsFromStreamResponse;
import software.amazon.awssdk.services.kinesis.model.SplitShardRequest;
import software.amazon.awssdk.services.kinesis.model.SplitShardResponse;
import software.amazon.awssdk.services.kinesis.model.StartStreamEncryptionRequest;
import software.amazon.awssdk.services.kinesis.model.StartStreamEncryptionResponse;
import software.amazon.awssdk.services.kinesis.model.StopStreamEncryptionRequest;
import software.amazon.awssdk.services.kinesis.model.StopStreamEncryptionResponse;
import software.amazon.awssdk.services.kinesis.model.StreamSummary;
import software.amazon.awssdk.services.kinesis.model.TagResourceRequest;
import software.amazon.awssdk.services.kinesis.model.TagResourceResponse;
import software.amazon.awssdk.services.kinesis.model.UntagResourceRequest;
import software.amazon.awssdk.services.kinesis.model.UntagResourceResponse;
import software.amazon.awssdk.services.kinesis.model.UpdateAccountSettingsRequest;
import software.amazon.awssdk.services.kinesis.model.UpdateAccountSettingsResponse;
import software.amazon.awssdk.services.kinesis.model.UpdateMaxRecordSizeRequest;
import software.amazon.awssdk.services.kinesis.model.UpdateMaxRecordSizeResponse;
import software.amazon.awssdk.services.kinesis.model.UpdateShardCountRequest;
import software.amazon.awssdk.services.kinesis.model.UpdateShardCountResponse;
import software.amazon.awssdk.services.kinesis.model.UpdateStreamModeRequest;
import software.amazon.awssdk.services.kinesis.model.UpdateStreamModeResponse;
import software.amazon.awssdk.services.kinesis.model.UpdateStreamWarmThroughputRequest;
import software.amazon.awssdk.services.kinesis.model.UpdateStreamWarmThroughputResponse;
import software.amazon.awssdk.services.kinesis.waiters.KinesisWaiter;

/**
 * A {@link KinesisClient} whose calls go to the simulator's {@link Kinesis}: streams, shards and
 * resharding, PutRecord and PutRecords (with per-record throttling in the result), iterators and
 * GetRecords, retention, and enhanced fan-out consumers. Streams may be named by StreamName or
 * StreamARN.
 *
 * <p>Paging that the simulator leaves to the caller is done here: ListStreams returns at most
 * {@code Limit} names (100 when not given, and never more than 100) after {@code
 * ExclusiveStartStreamName} or the {@code NextToken}; ListShards pages in the simulator
 * (ShardFilter, MaxResults, NextToken); DescribeStream at most {@code Limit} shards (100 when not
 * given) after {@code ExclusiveStartShardId} ({@code API_ListStreams.html}, {@code
 * API_ListShards.html}, {@code API_DescribeStream.html}). SubscribeToShard exists only on the
 * asynchronous client; the simulator's callback form is {@link Kinesis#subscribeToShard}.
 */
final class SimulatedKinesisClient implements KinesisClient {
  private static final int LIST_STREAMS_LIMIT = 100;
  private static final int DESCRIBE_STREAM_LIMIT = 100;
  private static final int DESCRIBE_STREAM_MAX_LIMIT = 10_000;

  private final Kinesis kinesis;
  private final RetryExecutor retries;

  SimulatedKinesisClient(Kinesis kinesis, RetryExecutor retries) {
    this.kinesis = checkNotNull(kinesis, "kinesis");
    this.retries = checkNotNull(retries, "retries");
  }

  /**
   * A waiter that checks once: simulated streams change status at once by default, and the SDK's
   * waiter would sleep on the wall clock between checks, which a simulation never does.
   */
  @Override
  public KinesisWaiter waiter() {
    return KinesisWaiter.builder()
        .client(this)
        .overrideConfiguration(c -> c.maxAttempts(1))
        .build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {
    // Nothing to release: no connection was opened.
  }

  @Override
  public KinesisServiceClientConfiguration serviceClientConfiguration() {
    return KinesisServiceClientConfiguration.builder()
        .region(Region.of(kinesis.limits().region()))
        .build();
  }

  @Override
  public CreateStreamResponse createStream(CreateStreamRequest request) {
    StreamMode mode =
        request.streamModeDetails() == null
            ? null
            : SdkErrors.KINESIS.enumOf(
                StreamMode.class, request.streamModeDetails().streamModeAsString());
    retries.run(
        "CreateStream",
        () ->
            kinesis.createStream(
                request.streamName(), request.shardCount(), mode, request.maxRecordSizeInKiB()));
    return CreateStreamResponse.builder().build();
  }

  @Override
  public DeleteStreamResponse deleteStream(DeleteStreamRequest request) {
    String name = streamName(request.streamName(), request.streamARN());
    retries.run("DeleteStream", () -> kinesis.deleteStream(name));
    return DeleteStreamResponse.builder().build();
  }

  @Override
  public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
    String name = streamName(request.streamName(), request.streamARN());
    StreamDescription d = retries.call("DescribeStream", () -> kinesis.describeStream(name));
    List<String> ids = Convert.list(d.shards(), ShardDescription::shardId);
    int limit = request.limit() == null ? DESCRIBE_STREAM_LIMIT : request.limit();
    if (limit < 1 || limit > DESCRIBE_STREAM_MAX_LIMIT) {
      // The Limit's documented range (API_DescribeStream.html), checked before any state is read.
      throw SdkErrors.KINESIS.validation(
          "1 validation error detected: Value '"
              + limit
              + "' at 'limit' failed to satisfy constraint: Member must have value less than or"
              + " equal to 10000 and greater than or equal to 1");
    }
    List<String> page = Pages.after(ids, request.exclusiveStartShardId(), limit);
    List<ShardDescription> shards = Convert.list(page, id -> d.shards().get(ids.indexOf(id)));
    return DescribeStreamResponse.builder()
        .streamDescription(
            KinesisConverters.describe(d, shards, Pages.lastEvaluated(ids, page) != null))
        .build();
  }

  @Override
  public DescribeStreamSummaryResponse describeStreamSummary(DescribeStreamSummaryRequest request) {
    String name = streamName(request.streamName(), request.streamARN());
    return DescribeStreamSummaryResponse.builder()
        .streamDescriptionSummary(
            KinesisConverters.summary(
                retries.call("DescribeStreamSummary", () -> kinesis.describeStreamSummary(name))))
        .build();
  }

  @Override
  public ListStreamsResponse listStreams(ListStreamsRequest request) {
    List<String> names = retries.call("ListStreams", () -> kinesis.listStreams().streamNames());
    String start =
        request.nextToken() != null ? request.nextToken() : request.exclusiveStartStreamName();
    int limit =
        Math.min(
            LIST_STREAMS_LIMIT, request.limit() == null ? LIST_STREAMS_LIMIT : request.limit());
    List<String> page = Pages.after(names, start, limit);
    String last = Pages.lastEvaluated(names, page);
    return ListStreamsResponse.builder()
        .streamNames(page)
        .hasMoreStreams(last != null)
        .nextToken(last)
        .streamSummaries(
            Convert.list(
                page,
                n -> StreamSummary.builder().streamName(n).streamARN(kinesis.streamArn(n)).build()))
        .build();
  }

  @Override
  public ListShardsResponse listShards(ListShardsRequest request) {
    // With a NextToken the token names the stream; a StreamARN may come along (the KCL sends
    // it), a StreamName may not (API_ListShards.html).
    String name =
        request.nextToken() == null
            ? streamName(request.streamName(), request.streamARN())
            : request.streamName();
    var converted =
        new dev.awssim.kinesis.ListShardsRequest(
            name,
            request.nextToken(),
            request.exclusiveStartShardId(),
            request.maxResults(),
            KinesisConverters.shardFilter(request.shardFilter()));
    var result = retries.call("ListShards", () -> kinesis.listShards(converted));
    return ListShardsResponse.builder()
        .shards(Convert.list(result.shards(), KinesisConverters::shard))
        .nextToken(result.nextToken())
        .build();
  }

  @Override
  public IncreaseStreamRetentionPeriodResponse increaseStreamRetentionPeriod(
      IncreaseStreamRetentionPeriodRequest request) {
    String name = streamName(request.streamName(), request.streamARN());
    int hours = SdkErrors.KINESIS.required(request.retentionPeriodHours(), "retentionPeriodHours");
    retries.run(
        "IncreaseStreamRetentionPeriod", () -> kinesis.increaseStreamRetentionPeriod(name, hours));
    return IncreaseStreamRetentionPeriodResponse.builder().build();
  }

  @Override
  public DecreaseStreamRetentionPeriodResponse decreaseStreamRetentionPeriod(
      DecreaseStreamRetentionPeriodRequest request) {
    String name = streamName(request.streamName(), request.streamARN());
    int hours = SdkErrors.KINESIS.required(request.retentionPeriodHours(), "retentionPeriodHours");
    retries.run(
        "DecreaseStreamRetentionPeriod", () -> kinesis.decreaseStreamRetentionPeriod(name, hours));
    return DecreaseStreamRetentionPeriodResponse.builder().build();
  }

  @Override
  public PutRecordResponse putRecord(PutRecordRequest request) {
    var converted =
        new dev.awssim.kinesis.PutRecordRequest(
            streamName(request.streamName(), request.streamARN()),
            KinesisConverters.bytes(request.data()),
            request.partitionKey(),
            request.explicitHashKey(),
            request.sequenceNumberForOrdering());
    var r = retries.call("PutRecord", () -> kinesis.putRecord(converted));
    return PutRecordResponse.builder()
        .shardId(r.shardId())
        .sequenceNumber(r.sequenceNumber())
        .encryptionType(r.encryptionType())
        .build();
  }

  @Override
  public PutRecordsResponse putRecords(PutRecordsRequest request) {
    String name = streamName(request.streamName(), request.streamARN());
    var entries = KinesisConverters.entries(request.records());
    return KinesisConverters.putRecords(
        retries.call("PutRecords", () -> kinesis.putRecords(name, entries)));
  }

  @Override
  public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
    var converted =
        new dev.awssim.kinesis.GetShardIteratorRequest(
            streamName(request.streamName(), request.streamARN()),
            request.shardId(),
            SdkErrors.KINESIS.required(
                SdkErrors.KINESIS.enumOf(
                    ShardIteratorType.class, request.shardIteratorTypeAsString()),
                "shardIteratorType"),
            request.startingSequenceNumber(),
            request.timestamp());
    return GetShardIteratorResponse.builder()
        .shardIterator(retries.call("GetShardIterator", () -> kinesis.getShardIterator(converted)))
        .build();
  }

  @Override
  public GetRecordsResponse getRecords(GetRecordsRequest request) {
    return KinesisConverters.getRecords(
        retries.call(
            "GetRecords", () -> kinesis.getRecords(request.shardIterator(), request.limit())));
  }

  @Override
  public SplitShardResponse splitShard(SplitShardRequest request) {
    String name = streamName(request.streamName(), request.streamARN());
    retries.run(
        "SplitShard",
        () -> kinesis.splitShard(name, request.shardToSplit(), request.newStartingHashKey()));
    return SplitShardResponse.builder().build();
  }

  @Override
  public MergeShardsResponse mergeShards(MergeShardsRequest request) {
    String name = streamName(request.streamName(), request.streamARN());
    retries.run(
        "MergeShards",
        () -> kinesis.mergeShards(name, request.shardToMerge(), request.adjacentShardToMerge()));
    return MergeShardsResponse.builder().build();
  }

  @Override
  public UpdateShardCountResponse updateShardCount(UpdateShardCountRequest request) {
    String name = streamName(request.streamName(), request.streamARN());
    ScalingType scaling =
        SdkErrors.KINESIS.enumOf(ScalingType.class, request.scalingTypeAsString());
    int previous =
        retries.call(
            "UpdateShardCount",
            () -> kinesis.updateShardCount(name, request.targetShardCount(), scaling));
    return UpdateShardCountResponse.builder()
        .streamName(name)
        .streamARN(kinesis.streamArn(name))
        .currentShardCount(previous)
        .targetShardCount(request.targetShardCount())
        .build();
  }

  @Override
  public RegisterStreamConsumerResponse registerStreamConsumer(
      RegisterStreamConsumerRequest request) {
    ConsumerDescription c =
        retries.call(
            "RegisterStreamConsumer",
            () -> kinesis.registerStreamConsumer(request.streamARN(), request.consumerName()));
    return RegisterStreamConsumerResponse.builder().consumer(KinesisConverters.consumer(c)).build();
  }

  @Override
  public DeregisterStreamConsumerResponse deregisterStreamConsumer(
      DeregisterStreamConsumerRequest request) {
    retries.run(
        "DeregisterStreamConsumer",
        () ->
            kinesis.deregisterStreamConsumer(
                request.streamARN(), request.consumerName(), request.consumerARN()));
    return DeregisterStreamConsumerResponse.builder().build();
  }

  @Override
  public DescribeStreamConsumerResponse describeStreamConsumer(
      DescribeStreamConsumerRequest request) {
    ConsumerDescription c =
        retries.call(
            "DescribeStreamConsumer",
            () ->
                kinesis.describeStreamConsumer(
                    request.streamARN(), request.consumerName(), request.consumerARN()));
    return DescribeStreamConsumerResponse.builder()
        .consumerDescription(KinesisConverters.consumerDescription(c))
        .build();
  }

  @Override
  public ListStreamConsumersResponse listStreamConsumers(ListStreamConsumersRequest request) {
    ListStreamConsumersResult page =
        retries.call(
            "ListStreamConsumers",
            () ->
                kinesis.listStreamConsumers(
                    request.streamARN(), request.maxResults(), request.nextToken()));
    return ListStreamConsumersResponse.builder()
        .consumers(Convert.list(page.consumers(), KinesisConverters::consumer))
        .nextToken(page.nextToken())
        .build();
  }

  @Override
  public AddTagsToStreamResponse addTagsToStream(AddTagsToStreamRequest request) {
    throw Unsupported.operation("Kinesis", "AddTagsToStream");
  }

  @Override
  public DeleteResourcePolicyResponse deleteResourcePolicy(DeleteResourcePolicyRequest request) {
    throw Unsupported.operation("Kinesis", "DeleteResourcePolicy");
  }

  @Override
  public DescribeAccountSettingsResponse describeAccountSettings(
      DescribeAccountSettingsRequest request) {
    throw Unsupported.operation("Kinesis", "DescribeAccountSettings");
  }

  @Override
  public DescribeLimitsResponse describeLimits(DescribeLimitsRequest request) {
    throw Unsupported.operation("Kinesis", "DescribeLimits");
  }

  @Override
  public DisableEnhancedMonitoringResponse disableEnhancedMonitoring(
      DisableEnhancedMonitoringRequest request) {
    String name = streamName(request.streamName(), request.streamARN());
    List<String> metrics =
        request.hasShardLevelMetrics() ? request.shardLevelMetricsAsStrings() : null;
    EnhancedMonitoringResult r =
        retries.call(
            "DisableEnhancedMonitoring", () -> kinesis.disableEnhancedMonitoring(name, metrics));
    return DisableEnhancedMonitoringResponse.builder()
        .streamName(r.streamName())
        .streamARN(r.streamArn())
        .currentShardLevelMetricsWithStrings(r.currentShardLevelMetrics())
        .desiredShardLevelMetricsWithStrings(r.desiredShardLevelMetrics())
        .build();
  }

  @Override
  public EnableEnhancedMonitoringResponse enableEnhancedMonitoring(
      EnableEnhancedMonitoringRequest request) {
    String name = streamName(request.streamName(), request.streamARN());
    List<String> metrics =
        request.hasShardLevelMetrics() ? request.shardLevelMetricsAsStrings() : null;
    EnhancedMonitoringResult r =
        retries.call(
            "EnableEnhancedMonitoring", () -> kinesis.enableEnhancedMonitoring(name, metrics));
    return EnableEnhancedMonitoringResponse.builder()
        .streamName(r.streamName())
        .streamARN(r.streamArn())
        .currentShardLevelMetricsWithStrings(r.currentShardLevelMetrics())
        .desiredShardLevelMetricsWithStrings(r.desiredShardLevelMetrics())
        .build();
  }

  @Override
  public GetResourcePolicyResponse getResourcePolicy(GetResourcePolicyRequest request) {
    throw Unsupported.operation("Kinesis", "GetResourcePolicy");
  }

  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
    throw Unsupported.operation("Kinesis", "ListTagsForResource");
  }

  @Override
  public ListTagsForStreamResponse listTagsForStream(ListTagsForStreamRequest request) {
    throw Unsupported.operation("Kinesis", "ListTagsForStream");
  }

  @Override
  public PutResourcePolicyResponse putResourcePolicy(PutResourcePolicyRequest request) {
    throw Unsupported.operation("Kinesis", "PutResourcePolicy");
  }

  @Override
  public RemoveTagsFromStreamResponse removeTagsFromStream(RemoveTagsFromStreamRequest request) {
    throw Unsupported.operation("Kinesis", "RemoveTagsFromStream");
  }

  @Override
  public StartStreamEncryptionResponse startStreamEncryption(StartStreamEncryptionRequest request) {
    throw Unsupported.operation("Kinesis", "StartStreamEncryption");
  }

  @Override
  public StopStreamEncryptionResponse stopStreamEncryption(StopStreamEncryptionRequest request) {
    throw Unsupported.operation("Kinesis", "StopStreamEncryption");
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    throw Unsupported.operation("Kinesis", "TagResource");
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest request) {
    throw Unsupported.operation("Kinesis", "UntagResource");
  }

  @Override
  public UpdateAccountSettingsResponse updateAccountSettings(UpdateAccountSettingsRequest request) {
    throw Unsupported.operation("Kinesis", "UpdateAccountSettings");
  }

  @Override
  public UpdateMaxRecordSizeResponse updateMaxRecordSize(UpdateMaxRecordSizeRequest request) {
    String arn = SdkErrors.KINESIS.required(request.streamARN(), "streamARN");
    retries.run(
        "UpdateMaxRecordSize",
        () -> kinesis.updateMaxRecordSize(arn, request.maxRecordSizeInKiB()));
    return UpdateMaxRecordSizeResponse.builder().build();
  }

  @Override
  public UpdateStreamModeResponse updateStreamMode(UpdateStreamModeRequest request) {
    String arn = SdkErrors.KINESIS.required(request.streamARN(), "streamARN");
    StreamMode mode =
        request.streamModeDetails() == null
            ? null
            : SdkErrors.KINESIS.enumOf(
                StreamMode.class, request.streamModeDetails().streamModeAsString());
    retries.run("UpdateStreamMode", () -> kinesis.updateStreamMode(arn, mode));
    return UpdateStreamModeResponse.builder().build();
  }

  @Override
  public UpdateStreamWarmThroughputResponse updateStreamWarmThroughput(
      UpdateStreamWarmThroughputRequest request) {
    throw Unsupported.operation("Kinesis", "UpdateStreamWarmThroughput");
  }
}
