package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Kinesis end to end, driven only through the SDK's {@link KinesisClient}. */
class SimulatedKinesisClientTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(17);
  private final KinesisClient kinesis = SimulatedAws.from(sim).kinesisClient();

  private void stream(KinesisClient client, String name, int shards) {
    client.createStream(b -> b.streamName(name).shardCount(shards));
  }

  private String trimHorizon(KinesisClient client, String name) {
    String shardId = client.listShards(b -> b.streamName(name)).shards().get(0).shardId();
    return client
        .getShardIterator(
            b ->
                b.streamName(name)
                    .shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
        .shardIterator();
  }

  @Test
  void putRecords_overTheShardLimit_throttlesRecordByRecordInTheResult() {
    stream(kinesis, "s", 1);
    List<PutRecordsRequestEntry> batch = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int n = i;
      batch.add(
          PutRecordsRequestEntry.builder()
              .data(SdkBytes.fromByteArray(new byte[1_000]))
              .partitionKey("k" + n)
              .build());
    }
    assertEquals(0, kinesis.putRecords(b -> b.streamName("s").records(batch)).failedRecordCount());
    assertEquals(0, kinesis.putRecords(b -> b.streamName("s").records(batch)).failedRecordCount());

    // 1,000 records per second per shard: 200 of the third batch of 400 fail, in the result.
    PutRecordsResponse third = kinesis.putRecords(b -> b.streamName("s").records(batch));
    assertEquals(200, third.failedRecordCount());
    assertEquals(400, third.records().size());
    PutRecordsResultEntry failed = third.records().get(200);
    assertEquals("ProvisionedThroughputExceededException", failed.errorCode());
    assertNull(failed.sequenceNumber());
    assertTrue(third.records().get(199).sequenceNumber() != null);
  }

  @Test
  void putRecordThenGetRecords_returnsDataInOrder() {
    stream(kinesis, "orders", 1);
    for (String body : List.of("a", "b", "c")) {
      kinesis.putRecord(
          b -> b.streamName("orders").partitionKey("pk").data(SdkBytes.fromUtf8String(body)));
    }
    GetRecordsResponse r = kinesis.getRecords(b -> b.shardIterator(trimHorizon(kinesis, "orders")));
    assertEquals(
        List.of("a", "b", "c"), r.records().stream().map(x -> x.data().asUtf8String()).toList());
    assertEquals("pk", r.records().get(0).partitionKey());
    assertTrue(r.nextShardIterator() != null);
  }

  @Test
  void getRecords_sixthCallInOneSecond_noRetryClientThrottled() {
    KinesisClient noRetry =
        SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build().kinesisClient();
    stream(noRetry, "s", 1);
    String it = trimHorizon(noRetry, "s");
    for (int i = 0; i < 5; i++) {
      String current = it;
      it = noRetry.getRecords(b -> b.shardIterator(current)).nextShardIterator();
    }
    String sixth = it;
    ProvisionedThroughputExceededException e =
        assertThrows(
            ProvisionedThroughputExceededException.class,
            () -> noRetry.getRecords(b -> b.shardIterator(sixth)));
    assertTrue(e.isThrottlingException());
    assertEquals(400, e.statusCode());
    assertEquals("Kinesis", e.awsErrorDetails().serviceName());
  }

  @Test
  void getRecords_sixthCallInOneSecond_defaultClientRetriesPastTheWindow() {
    stream(kinesis, "s", 1);
    String it = trimHorizon(kinesis, "s");
    for (int i = 0; i < 6; i++) {
      String current = it;
      it = kinesis.getRecords(b -> b.shardIterator(current)).nextShardIterator();
    }
    // 5 GetRecords calls per second per shard: the sixth waits, in virtual time, past 1 s.
    assertTrue(sim.clock().nanos() >= Duration.ofSeconds(1).toNanos(), "t=" + sim.now());
  }

  @Test
  void describeStreamAndListShards_pageShards_byStreamArn() {
    stream(kinesis, "wide", 3);
    String arn =
        kinesis
            .describeStreamSummary(b -> b.streamName("wide"))
            .streamDescriptionSummary()
            .streamARN();
    List<Shard> first = kinesis.listShards(b -> b.streamARN(arn).maxResults(2)).shards();
    assertEquals(2, first.size());
    String token = kinesis.listShards(b -> b.streamARN(arn).maxResults(2)).nextToken();
    List<Shard> rest = kinesis.listShards(b -> b.nextToken(token)).shards();
    assertEquals(1, rest.size());
    var d = kinesis.describeStream(b -> b.streamName("wide").limit(2)).streamDescription();
    assertEquals(2, d.shards().size());
    assertTrue(d.hasMoreShards());
    assertEquals("ACTIVE", d.streamStatusAsString());
    assertEquals(List.of("wide"), kinesis.listStreams().streamNames());
  }

  @Test
  void listStreamsPaginator_limit1_walksEveryStream() {
    for (String name : List.of("c", "a", "b")) {
      stream(kinesis, name, 1);
    }
    assertEquals(
        List.of("a", "b", "c"),
        kinesis.listStreamsPaginator(b -> b.limit(1)).streamNames().stream().toList());
  }

  @Test
  void describeStream_missing_resourceNotFound() {
    ResourceNotFoundException e =
        assertThrows(
            ResourceNotFoundException.class,
            () -> kinesis.describeStream(b -> b.streamName("missing")));
    assertEquals("ResourceNotFoundException", e.awsErrorDetails().errorCode());
  }

  @Test
  void addTagsToStream_notModelled_unsupportedNamingTheOperation() {
    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class,
            () -> kinesis.addTagsToStream(b -> b.streamName("s")));
    assertTrue(e.getMessage().contains("Kinesis AddTagsToStream"), e.getMessage());
    assertEquals("kinesis", kinesis.serviceName());
  }

  @Test
  void waiter_streamExists_answersAtOnce_withoutWallClockSleeps() {
    stream(kinesis, "waited", 1);
    var response = kinesis.waiter().waitUntilStreamExists(b -> b.streamName("waited"));
    org.junit.jupiter.api.Assertions.assertEquals(
        software.amazon.awssdk.services.kinesis.model.StreamStatus.ACTIVE,
        response.matched().response().orElseThrow().streamDescription().streamStatus());
  }

  @Test
  void updateShardCount_withoutScalingType_validationException_streamUnchanged() {
    stream(kinesis, "s", 1);
    assertThrows(
        software.amazon.awssdk.services.kinesis.model.ValidationException.class,
        () -> kinesis.updateShardCount(b -> b.streamName("s").targetShardCount(2)));
    assertEquals(1, kinesis.listShards(b -> b.streamName("s")).shards().size());
    kinesis.updateShardCount(
        b -> b.streamName("s").targetShardCount(2).scalingType("UNIFORM_SCALING"));
    assertEquals(3, kinesis.listShards(b -> b.streamName("s")).shards().size());
  }

  @Test
  void enhancedMonitoring_enableAll_listedInSummary_disableReturnsWhatWasOn() {
    stream(kinesis, "s", 1);
    var enabled =
        kinesis.enableEnhancedMonitoring(
            b -> b.streamName("s").shardLevelMetricsWithStrings("ALL"));
    assertEquals(List.of(), enabled.currentShardLevelMetricsAsStrings());
    assertEquals(7, enabled.desiredShardLevelMetricsAsStrings().size());
    assertEquals(
        7,
        kinesis
            .describeStreamSummary(b -> b.streamName("s"))
            .streamDescriptionSummary()
            .enhancedMonitoring()
            .get(0)
            .shardLevelMetricsAsStrings()
            .size());
    var disabled =
        kinesis.disableEnhancedMonitoring(
            b -> b.streamName("s").shardLevelMetricsWithStrings("IncomingBytes"));
    assertEquals(6, disabled.desiredShardLevelMetricsAsStrings().size());
    assertThrows(
        software.amazon.awssdk.services.kinesis.model.ValidationException.class,
        () -> kinesis.enableEnhancedMonitoring(b -> b.streamName("s")));
  }
}
