package dev.awssim.awssdk;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.awssim.dynamodb.DynamoDbStreams;
import dev.awssim.dynamodb.ShardIteratorType;
import dev.awssim.dynamodb.StreamDescription;
import dev.awssim.dynamodb.StreamShard;
import dev.awssim.dynamodb.StreamSummary;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.Stream;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsServiceClientConfiguration;

/**
 * A {@link DynamoDbStreamsClient} over the simulator's {@link DynamoDbStreams}: ListStreams,
 * DescribeStream, GetShardIterator and GetRecords, every operation of the service. ListStreams and
 * DescribeStream page with {@code Limit} (default and maximum 100) and the exclusive start ARN or
 * shard id ({@code API_streams_ListStreams.html}, {@code API_streams_DescribeStream.html}).
 */
final class SimulatedDynamoDbStreamsClient implements DynamoDbStreamsClient {
  private final DynamoDbStreams streams;
  private final RetryExecutor retries;

  SimulatedDynamoDbStreamsClient(DynamoDbStreams streams, RetryExecutor retries) {
    this.streams = checkNotNull(streams, "streams");
    this.retries = checkNotNull(retries, "retries");
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
  public DynamoDbStreamsServiceClientConfiguration serviceClientConfiguration() {
    return DynamoDbStreamsServiceClientConfiguration.builder()
        .region(Region.of(retries.context().account().region()))
        .build();
  }

  @Override
  public ListStreamsResponse listStreams(ListStreamsRequest request) {
    List<StreamSummary> all =
        retries.call("ListStreams", () -> streams.listStreams(request.tableName()));
    List<String> arns = Convert.list(all, StreamSummary::streamArn);
    List<String> page =
        Pages.after(arns, request.exclusiveStartStreamArn(), Pages.limit(request.limit()));
    List<StreamSummary> summaries = Convert.list(page, arn -> all.get(arns.indexOf(arn)));
    return ListStreamsResponse.builder()
        .streams(
            Convert.list(
                summaries,
                s ->
                    Stream.builder()
                        .streamArn(s.streamArn())
                        .tableName(s.tableName())
                        .streamLabel(s.streamLabel())
                        .build()))
        .lastEvaluatedStreamArn(Pages.lastEvaluated(arns, page))
        .build();
  }

  @Override
  public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
    StreamDescription d =
        retries.call("DescribeStream", () -> streams.describeStream(request.streamArn()));
    List<String> ids = Convert.list(d.shards(), StreamShard::shardId);
    List<String> page =
        Pages.after(ids, request.exclusiveStartShardId(), Pages.limit(request.limit()));
    List<StreamShard> shards = Convert.list(page, id -> d.shards().get(ids.indexOf(id)));
    return DescribeStreamResponse.builder()
        .streamDescription(
            DynamoDbStreamsConverters.describe(d, shards, Pages.lastEvaluated(ids, page)))
        .build();
  }

  @Override
  public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
    ShardIteratorType type =
        DynamoDbRequests.required(
            DynamoDbRequests.enumOf(ShardIteratorType.class, request.shardIteratorTypeAsString()),
            "shardIteratorType");
    String iterator =
        retries.call(
            "GetShardIterator",
            () ->
                streams.getShardIterator(
                    request.streamArn(), request.shardId(), type, request.sequenceNumber()));
    return GetShardIteratorResponse.builder().shardIterator(iterator).build();
  }

  @Override
  public GetRecordsResponse getRecords(GetRecordsRequest request) {
    return DynamoDbStreamsConverters.records(
        retries.call(
            "GetRecords", () -> streams.getRecords(request.shardIterator(), request.limit())));
  }
}
