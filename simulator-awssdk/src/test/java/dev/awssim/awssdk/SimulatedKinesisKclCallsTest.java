package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredNextTokenException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardFilterType;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.ValidationException;

/**
 * The Kinesis calls the Kinesis Client Library 3.x makes, through the SDK's {@link KinesisClient}.
 */
class SimulatedKinesisKclCallsTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(23);
  private final KinesisClient kinesis = SimulatedAws.from(sim).kinesisClient();

  private String arn(String name) {
    kinesis.createStream(b -> b.streamName(name).shardCount(2));
    return kinesis
        .describeStreamSummary(b -> b.streamName(name))
        .streamDescriptionSummary()
        .streamARN();
  }

  private static List<String> ids(ListShardsResponse r) {
    return r.shards().stream().map(Shard::shardId).toList();
  }

  @Test
  void listShards_withShardFilter_byStreamArn_listsWhatTheFilterKeeps() {
    String arn = arn("s");
    sim.advanceBy(Duration.ofSeconds(1));
    kinesis.splitShard(
        b -> b.streamName("s").shardToSplit("shardId-000000000000").newStartingHashKey("1"));
    assertEquals(
        List.of("shardId-000000000001", "shardId-000000000002", "shardId-000000000003"),
        ids(
            kinesis.listShards(
                b -> b.streamARN(arn).shardFilter(f -> f.type(ShardFilterType.AT_LATEST)))));
    assertEquals(
        List.of("shardId-000000000000", "shardId-000000000001"),
        ids(
            kinesis.listShards(
                b -> b.streamARN(arn).shardFilter(f -> f.type(ShardFilterType.AT_TRIM_HORIZON)))));
    assertThrows(
        InvalidArgumentException.class,
        () ->
            kinesis.listShards(
                b -> b.streamARN(arn).shardFilter(f -> f.type(ShardFilterType.AFTER_SHARD_ID))));
    assertThrows(
        ValidationException.class,
        () -> kinesis.listShards(b -> b.streamARN(arn).shardFilter(f -> f.type("SOMETIMES"))));
  }

  @Test
  void listShards_nextTokenWithStreamArn_continues_withStreamName_isInvalidArgument() {
    String arn = arn("s");
    String token = kinesis.listShards(b -> b.streamARN(arn).maxResults(1)).nextToken();
    assertEquals(
        List.of("shardId-000000000001"),
        ids(kinesis.listShards(b -> b.nextToken(token).streamARN(arn))));
    assertThrows(
        InvalidArgumentException.class,
        () -> kinesis.listShards(b -> b.nextToken(token).streamName("s")));
    assertThrows(
        ValidationException.class, () -> kinesis.listShards(b -> b.streamARN(arn).maxResults(0)));
    sim.advanceBy(Duration.ofMinutes(5));
    assertThrows(
        ExpiredNextTokenException.class, () -> kinesis.listShards(b -> b.nextToken(token)));
  }

  @Test
  void getShardIteratorAndGetRecords_byStreamArn_endOfClosedShard_listsChildShards() {
    String arn = arn("s");
    kinesis.putRecord(
        b ->
            b.streamARN(arn)
                .partitionKey("k")
                .data(software.amazon.awssdk.core.SdkBytes.fromUtf8String("x"))
                .explicitHashKey("0"));
    kinesis.splitShard(
        b -> b.streamARN(arn).shardToSplit("shardId-000000000000").newStartingHashKey("1"));
    String iterator =
        kinesis
            .getShardIterator(
                b ->
                    b.streamARN(arn)
                        .shardId("shardId-000000000000")
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
            .shardIterator();
    GetRecordsResponse end = kinesis.getRecords(b -> b.shardIterator(iterator).streamARN(arn));
    assertEquals(1, end.records().size());
    assertNull(end.nextShardIterator());
    assertEquals(2, end.childShards().size());
    assertEquals(List.of("shardId-000000000000"), end.childShards().get(0).parentShards());
  }

  @Test
  void streamConsumers_registerDescribeListDeregister_byStreamArnAndName() {
    String arn = arn("s");
    String consumerArn =
        kinesis
            .registerStreamConsumer(b -> b.streamARN(arn).consumerName("app"))
            .consumer()
            .consumerARN();
    assertEquals(
        "ACTIVE",
        kinesis
            .describeStreamConsumer(b -> b.streamARN(arn).consumerName("app"))
            .consumerDescription()
            .consumerStatusAsString());
    assertEquals(
        consumerArn,
        kinesis
            .describeStreamConsumer(b -> b.consumerARN(consumerArn))
            .consumerDescription()
            .consumerARN());
    assertEquals(1, kinesis.listStreamConsumers(b -> b.streamARN(arn)).consumers().size());
    kinesis.deregisterStreamConsumer(b -> b.consumerARN(consumerArn));
    assertEquals(0, kinesis.listStreamConsumers(b -> b.streamARN(arn)).consumers().size());
  }
}
