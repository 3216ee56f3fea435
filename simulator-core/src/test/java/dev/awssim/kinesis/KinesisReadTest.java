package dev.awssim.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KinesisReadTest {
  private static final String SHARD = "shardId-000000000000";

  private final AwsSimulator sim = AwsSimulator.withSeed(11);
  private final Kinesis kinesis = sim.kinesis();

  @BeforeEach
  void stream() {
    kinesis.createStream("s", 1);
  }

  private String iterator(ShardIteratorType type) {
    return kinesis.getShardIterator(GetShardIteratorRequest.of("s", SHARD, type));
  }

  private String put(String key) {
    return kinesis
        .putRecord(PutRecordRequest.of("s", key.getBytes(StandardCharsets.UTF_8), key))
        .sequenceNumber();
  }

  @Test
  void getRecords_sixCallsInOneSecond_theSixthIsThrottled() {
    String it = iterator(ShardIteratorType.TRIM_HORIZON);
    for (int i = 0; i < 5; i++) {
      it = kinesis.getRecords(it).nextShardIterator();
      sim.advanceBy(Duration.ofMillis(100));
    }
    String sixth = it;
    KinesisException e = assertThrows(KinesisException.class, () -> kinesis.getRecords(sixth));
    assertEquals("ProvisionedThroughputExceededException", e.errorCode());

    sim.advanceBy(Duration.ofMillis(500)); // the first call was at t=0: released at exactly 1 s
    assertNotNull(kinesis.getRecords(sixth).nextShardIterator());
  }

  @Test
  void getRecords_afterA10MiBResponse_throttlesCallsForTheNext5Seconds() {
    for (int i = 0; i < 10; i++) {
      kinesis.putRecord(PutRecordRequest.of("s", new byte[1_048_575], "k"));
      sim.advanceBy(Duration.ofSeconds(1));
    }
    GetRecordsResult big = kinesis.getRecords(iterator(ShardIteratorType.TRIM_HORIZON));
    assertEquals(10, big.records().size());
    String next = big.nextShardIterator();

    sim.advanceBy(Duration.ofMillis(4_999));
    assertThrows(KinesisException.class, () -> kinesis.getRecords(next));
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(0, kinesis.getRecords(next).records().size());
  }

  @Test
  void getRecords_returnsAtMost10MiB() {
    for (int i = 0; i < 11; i++) {
      kinesis.putRecord(PutRecordRequest.of("s", new byte[1_048_575], "k"));
      sim.advanceBy(Duration.ofSeconds(1));
    }
    GetRecordsResult page = kinesis.getRecords(iterator(ShardIteratorType.TRIM_HORIZON));
    assertEquals(10, page.records().size());
  }

  @Test
  void iteratorTypes_startWhereAwsSays() {
    String first = put("a");
    sim.advanceBy(Duration.ofSeconds(1));
    Instant secondArrival = sim.now();
    String second = put("b");
    put("c");

    assertEquals(3, kinesis.getRecords(iterator(ShardIteratorType.TRIM_HORIZON)).records().size());
    assertEquals(0, kinesis.getRecords(iterator(ShardIteratorType.LATEST)).records().size());
    List<Record> at =
        kinesis
            .getRecords(
                kinesis.getShardIterator(
                    GetShardIteratorRequest.atSequence(
                        "s", SHARD, ShardIteratorType.AT_SEQUENCE_NUMBER, second)))
            .records();
    assertEquals(List.of("b", "c"), at.stream().map(Record::partitionKey).toList());
    List<Record> after =
        kinesis
            .getRecords(
                kinesis.getShardIterator(
                    GetShardIteratorRequest.atSequence(
                        "s", SHARD, ShardIteratorType.AFTER_SEQUENCE_NUMBER, first)))
            .records();
    assertEquals("b", after.get(0).partitionKey());
    List<Record> byTime =
        kinesis
            .getRecords(
                kinesis.getShardIterator(
                    GetShardIteratorRequest.atTimestamp("s", SHARD, secondArrival)))
            .records();
    assertEquals("b", byTime.get(0).partitionKey());
    assertEquals(secondArrival, byTime.get(0).approximateArrivalTimestamp());
  }

  @Test
  void latest_seesOnlyRecordsWrittenAfterIt() {
    put("old");
    String latest = iterator(ShardIteratorType.LATEST);
    put("new");
    assertEquals(
        List.of("new"),
        kinesis.getRecords(latest).records().stream().map(Record::partitionKey).toList());
  }

  @Test
  void iterator_expiresAfterExactly5Minutes() {
    String it = iterator(ShardIteratorType.TRIM_HORIZON);
    sim.advanceBy(Duration.ofMinutes(5).minusNanos(1));
    kinesis.getRecords(it);

    String fresh = iterator(ShardIteratorType.TRIM_HORIZON);
    sim.advanceBy(Duration.ofMinutes(5));
    KinesisException e = assertThrows(KinesisException.class, () -> kinesis.getRecords(fresh));
    assertEquals("ExpiredIteratorException", e.errorCode());
  }

  @Test
  void retention_recordsReadableUntil24Hours_thenTrimmed() {
    put("a");
    sim.advanceBy(Duration.ofHours(24).minusMillis(1));
    assertEquals(1, kinesis.getRecords(iterator(ShardIteratorType.TRIM_HORIZON)).records().size());
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(0, kinesis.getRecords(iterator(ShardIteratorType.TRIM_HORIZON)).records().size());
  }

  @Test
  void retention_increaseAndDecrease_withinAwsRange() {
    kinesis.increaseStreamRetentionPeriod("s", 48);
    assertEquals(48, kinesis.describeStream("s").retentionPeriodHours());
    assertEquals(
        "InvalidArgumentException",
        assertThrows(
                KinesisException.class, () -> kinesis.increaseStreamRetentionPeriod("s", 8_761))
            .errorCode());
    assertEquals(
        "InvalidArgumentException",
        assertThrows(KinesisException.class, () -> kinesis.decreaseStreamRetentionPeriod("s", 23))
            .errorCode());
    assertEquals(
        "InvalidArgumentException",
        assertThrows(KinesisException.class, () -> kinesis.increaseStreamRetentionPeriod("s", 24))
            .errorCode());
    assertEquals(48, kinesis.describeStream("s").retentionPeriodHours());
    kinesis.decreaseStreamRetentionPeriod("s", 24);
    assertEquals(24, kinesis.describeStream("s").retentionPeriodHours());
  }

  @Test
  void millisBehindLatest_countsFromTheNextUnreadRecord() {
    put("a");
    put("b");
    sim.advanceBy(Duration.ofSeconds(3));
    GetRecordsResult one = kinesis.getRecords(iterator(ShardIteratorType.TRIM_HORIZON), 1);
    assertEquals(1, one.records().size());
    assertEquals(3_000, one.millisBehindLatest());
    assertEquals(0, kinesis.getRecords(one.nextShardIterator()).millisBehindLatest());
  }

  @Test
  void getRecords_badInput_getsTheAwsError() {
    String it = iterator(ShardIteratorType.TRIM_HORIZON);
    assertEquals(
        "ValidationException",
        assertThrows(KinesisException.class, () -> kinesis.getRecords(it, 10_001)).errorCode());
    assertEquals(
        "ValidationException",
        assertThrows(KinesisException.class, () -> kinesis.getRecords(it, 0)).errorCode());
    assertEquals(
        "InvalidArgumentException",
        assertThrows(KinesisException.class, () -> kinesis.getRecords("garbage")).errorCode());
    assertEquals(
        "ResourceNotFoundException",
        assertThrows(
                KinesisException.class,
                () ->
                    kinesis.getShardIterator(
                        GetShardIteratorRequest.of(
                            "s", "shardId-000000000009", ShardIteratorType.LATEST)))
            .errorCode());
    assertTrue(kinesis.getRecords(it, 10_000).records().isEmpty());
  }
}
