package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB Streams limits: two readers per shard
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html), 1,000
 * records or 1 MB per GetRecords
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html), a
 * disabled stream's shard closed and readable (Streams.html).
 */
class StreamLimitsTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(7);
  private final DynamoDb db = sim.dynamoDb();
  private final DynamoDbStreams streams = db.streams();
  private String arn;
  private String shardId;

  private void table(StreamViewType view) {
    StreamsAndTtlTest.newTable(sim, view);
    arn = db.describeTable("events").latestStreamArn();
    shardId = streams.describeStream(arn).shards().get(0).shardId();
  }

  private String trimHorizon() {
    return streams.getShardIterator(arn, shardId, ShardIteratorType.TRIM_HORIZON, null);
  }

  private DynamoDbException limitExceeded(String iterator, Integer limit) {
    DynamoDbException e =
        assertThrows(DynamoDbException.class, () -> streams.getRecords(iterator, limit));
    assertEquals("LimitExceededException", e.errorCode());
    assertEquals(400, e.statusCode());
    return e;
  }

  @Test
  void getRecords_thirdReaderOfAShard_limitExceededUntilTheOthersStoppedForASecond() {
    assertEquals(2, DynamoDbLimits.STREAM_MAX_READERS_PER_SHARD);
    table(StreamViewType.KEYS_ONLY);
    db.putItem("events", Map.of("id", AttributeValue.s("a")));
    String first = trimHorizon();
    String second = trimHorizon();
    String third = trimHorizon();

    String firstNext = streams.getRecords(first, null).nextShardIterator();
    assertEquals(1, streams.getRecords(second, null).records().size());
    DynamoDbException e = limitExceeded(third, null);
    assertTrue(e.isThrottling());
    assertNotNull(streams.getRecords(firstNext, null), "a reader already reading goes on");

    sim.advanceBy(Duration.ofSeconds(1).minusNanos(1));
    limitExceeded(third, null);
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals(1, streams.getRecords(third, null).records().size());
  }

  @Test
  void getRecords_1001Records_1000ThenOne_limitPast1000IsLimitExceeded() {
    assertEquals(1_000, DynamoDbLimits.STREAM_GET_RECORDS_MAX_RECORDS);
    table(StreamViewType.KEYS_ONLY);
    for (int i = 0; i < 1_001; i++) {
      db.putItem("events", Map.of("id", AttributeValue.s("k" + i)));
    }
    String iterator = trimHorizon();

    limitExceeded(iterator, 1_001);
    assertEquals(
        "ValidationException",
        assertThrows(DynamoDbException.class, () -> streams.getRecords(iterator, 0)).errorCode());
    GetRecordsResult page = streams.getRecords(iterator, null);
    assertEquals(1_000, page.records().size());
    assertEquals(1, streams.getRecords(page.nextShardIterator(), 1_000).records().size());
  }

  @Test
  void getRecords_recordsOfAnEighthMegabyte_eightMakeExactly1Mb_theNinthNextCall() {
    assertEquals(1024 * 1024, DynamoDbLimits.STREAM_GET_RECORDS_MAX_BYTES);
    table(StreamViewType.NEW_IMAGE);
    // a record is its key ("id" + "kN", 4 bytes) and new image (4 + "v" + the value): 131,072
    for (int i = 0; i < 9; i++) {
      db.putItem(
          "events",
          Map.of("id", AttributeValue.s("k" + i), "v", AttributeValue.s("x".repeat(131_072 - 9))));
    }

    GetRecordsResult page = streams.getRecords(trimHorizon(), null);

    assertEquals(131_072, page.records().get(0).sizeBytes());
    assertEquals(8, page.records().size());
    assertEquals(1, streams.getRecords(page.nextShardIterator(), null).records().size());
  }

  @Test
  void updateTable_disableStream_shardClosed_recordsReadableFor24Hours() {
    table(StreamViewType.KEYS_ONLY);
    db.putItem("events", Map.of("id", AttributeValue.s("a")));

    db.updateTable(
        UpdateTableRequest.of("events")
            .withStreamSpecification(new StreamSpecification(false, null)));

    StreamDescription described = streams.describeStream(arn);
    assertEquals(StreamStatus.DISABLED, described.streamStatus());
    assertNotNull(described.shards().get(0).sequenceNumberRange().endingSequenceNumber());
    db.putItem("events", Map.of("id", AttributeValue.s("b")));
    sim.advanceBy(Duration.ofHours(24).minusNanos(1));
    GetRecordsResult page = streams.getRecords(trimHorizon(), null);
    assertEquals(1, page.records().size(), "only the change made while the stream was on");
    assertNull(page.nextShardIterator(), "a closed shard read to its end has no next iterator");
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals(List.of(), streams.listStreams("events"));
  }

  @Test
  void updateTable_viewTypeFixedWhileEnabled_reenabledStreamIsANewStreamWithAnOpenShard() {
    table(StreamViewType.KEYS_ONLY);
    assertEquals(
        "ValidationException",
        assertThrows(
                DynamoDbException.class,
                () ->
                    db.updateTable(
                        UpdateTableRequest.of("events")
                            .withStreamSpecification(
                                new StreamSpecification(true, StreamViewType.NEW_IMAGE))))
            .errorCode(),
        "a stream's view type cannot change (Streams.html)");
    db.updateTable(
        UpdateTableRequest.of("events")
            .withStreamSpecification(new StreamSpecification(false, null)));
    sim.advanceBy(Duration.ofSeconds(1));

    db.updateTable(
        UpdateTableRequest.of("events")
            .withStreamSpecification(new StreamSpecification(true, StreamViewType.NEW_IMAGE)));

    String newArn = db.describeTable("events").latestStreamArn();
    assertTrue(!newArn.equals(arn), newArn);
    assertEquals(2, streams.listStreams("events").size());
    StreamDescription reenabled = streams.describeStream(newArn);
    assertEquals(StreamStatus.ENABLED, reenabled.streamStatus());
    assertEquals(StreamViewType.NEW_IMAGE, reenabled.streamViewType());
    assertNull(reenabled.shards().get(0).sequenceNumberRange().endingSequenceNumber());
    assertEquals(StreamStatus.DISABLED, streams.describeStream(arn).streamStatus());
  }
}
