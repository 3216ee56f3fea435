package dev.awssim.kinesis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KinesisWriteTest {
  private static final String SHARD_0 = "shardId-000000000000";
  private static final String SHARD_1 = "shardId-000000000001";
  private static final String SECOND_HALF = "170141183460469231731687303715884105728"; // 2^127

  private final AwsSimulator sim = AwsSimulator.withSeed(7);
  private final Kinesis kinesis = sim.kinesis();

  /** A record whose data plus partition key is exactly {@code bytes}. */
  private static PutRecordRequest record(String key, int bytes) {
    return PutRecordRequest.of("s", new byte[bytes - key.length()], key);
  }

  @Test
  void putRecord_startBetweenMilliseconds_arrivalIsTheEpochMillisecondOfTheWrite() {
    // The clock starts 0.9 ms into a millisecond: 0.2 ms later the write is in the next one.
    AwsSimulator offset =
        AwsSimulator.builder()
            .seed(7)
            .startInstant(Instant.parse("2025-01-01T00:00:00.000900Z"))
            .build();
    Kinesis k = offset.kinesis();
    k.createStream("s", 1);
    offset.advanceBy(Duration.ofNanos(200_000));
    String first = k.putRecord(record("a", 10)).sequenceNumber();
    offset.advanceBy(Duration.ofNanos(800_000));
    String second = k.putRecord(record("b", 10)).sequenceNumber();
    String it =
        k.getShardIterator(
            GetShardIteratorRequest.of("s", SHARD_0, ShardIteratorType.TRIM_HORIZON));
    List<Record> records = k.getRecords(it).records();
    assertEquals(
        Instant.parse("2025-01-01T00:00:00.001Z"), records.get(0).approximateArrivalTimestamp());
    assertEquals(
        Instant.parse("2025-01-01T00:00:00.001Z"), records.get(1).approximateArrivalTimestamp());
    assertEquals(first, records.get(0).sequenceNumber());
    assertEquals(second, records.get(1).sequenceNumber());
    assertTrue(first.compareTo(second) < 0);
  }

  @Test
  void putRecord_recordsInOneMillisecond_sequenceNumbersGrowAndMatchWhatReadersSee() {
    kinesis.createStream("s", 1);
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      written.add(kinesis.putRecord(record("k" + i, 10)).sequenceNumber());
    }
    sim.advanceBy(Duration.ofMillis(1));
    written.add(kinesis.putRecord(record("later", 10)).sequenceNumber());
    String it =
        kinesis.getShardIterator(
            GetShardIteratorRequest.of("s", SHARD_0, ShardIteratorType.TRIM_HORIZON));
    List<String> read = new ArrayList<>();
    for (Record r : kinesis.getRecords(it).records()) {
      read.add(r.sequenceNumber());
    }
    assertEquals(written, read);
    for (int i = 1; i < written.size(); i++) {
      assertEquals(56, written.get(i).length());
      assertTrue(written.get(i - 1).compareTo(written.get(i)) < 0, written.get(i));
    }
  }

  @Test
  void putRecord_thousandRecordsOf1KiBInOneSecond_allAccepted_the1001stThrottled() {
    kinesis.createStream("s", 1);
    for (int i = 0; i < 1_000; i++) {
      kinesis.putRecord(record("k" + i, 1_024));
    }
    KinesisException e =
        assertThrows(KinesisException.class, () -> kinesis.putRecord(record("late", 1_024)));
    assertEquals("ProvisionedThroughputExceededException", e.errorCode());
    assertEquals(400, e.statusCode());
    assertTrue(e.isThrottling());

    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(SHARD_0, kinesis.putRecord(record("late", 1_024)).shardId());
  }

  @Test
  void putRecord_32RecordsOf64KiB_16Accepted_16Throttled() {
    kinesis.createStream("s", 1);
    int accepted = 0;
    for (int i = 0; i < 32; i++) {
      try {
        kinesis.putRecord(record("k" + i, 65_536));
        accepted++;
      } catch (KinesisException e) {
        assertEquals("ProvisionedThroughputExceededException", e.errorCode());
      }
    }
    assertEquals(16, accepted);
    MetricKey throttled =
        new MetricKey(
            "AWS/Kinesis", "WriteProvisionedThroughputExceeded", Dimensions.of("StreamName", "s"));
    assertEquals(16, sim.metrics().total(throttled));
  }

  @Test
  void putRecord_twoShardsEvenlySpread_doubleTheThroughput_hotKeyStaysOnOneShard() {
    kinesis.createStream("s", 2);
    int spread = 0;
    for (int i = 0; i < 2_000; i++) {
      String hashKey = i % 2 == 0 ? "0" : SECOND_HALF;
      try {
        kinesis.putRecord(new PutRecordRequest("s", new byte[1_000], "k" + i, hashKey, null));
        spread++;
      } catch (KinesisException e) {
        // throttled
      }
    }
    assertEquals(2_000, spread);

    sim.advanceBy(Duration.ofSeconds(1));
    int hot = 0;
    List<String> shards = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      try {
        shards.add(kinesis.putRecord(record("hot-key", 1_000)).shardId());
        hot++;
      } catch (KinesisException e) {
        // throttled
      }
    }
    assertEquals(1_000, hot);
    assertEquals(1, shards.stream().distinct().count());
  }

  @Test
  void hashKey_isMd5OfThePartitionKey_andShardsSplitTheSpaceEvenly() {
    kinesis.createStream("s", 2);
    List<ShardDescription> shards = kinesis.listShards("s").shards();
    assertEquals(SHARD_0, shards.get(0).shardId());
    assertEquals("0", shards.get(0).hashKeyRange().startingHashKey());
    assertEquals(
        "170141183460469231731687303715884105727", shards.get(0).hashKeyRange().endingHashKey());
    assertEquals(SECOND_HALF, shards.get(1).hashKeyRange().startingHashKey());
    assertEquals(
        "340282366920938463463374607431768211455", shards.get(1).hashKeyRange().endingHashKey());
    // MD5("a") = 0cc175b9...: below 2^127, so shard 0; MD5("b") = 92eb5ffe...: shard 1.
    assertEquals(SHARD_0, kinesis.putRecord(PutRecordRequest.of("s", new byte[1], "a")).shardId());
    assertEquals(SHARD_1, kinesis.putRecord(PutRecordRequest.of("s", new byte[1], "b")).shardId());
  }

  @Test
  void sequenceNumbers_increaseWithinAShard() {
    kinesis.createStream("s", 1);
    String previous = "";
    for (int i = 0; i < 50; i++) {
      String seq = kinesis.putRecord(record("k", 10)).sequenceNumber();
      assertTrue(seq.compareTo(previous) > 0);
      assertEquals(56, seq.length());
      previous = seq;
      sim.advanceBy(Duration.ofMillis(i));
    }
  }

  @Test
  void putRecords_overTheShardLimit_failsRecordByRecord_andWritesTheRest() {
    kinesis.createStream("s", 1);
    List<PutRecordsRequestEntry> batch = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      batch.add(PutRecordsRequestEntry.of(new byte[1_000], "k" + i));
    }
    assertEquals(0, kinesis.putRecords("s", batch).failedRecordCount());
    assertEquals(0, kinesis.putRecords("s", batch).failedRecordCount());

    PutRecordsResult third = kinesis.putRecords("s", batch);

    assertEquals(200, third.failedRecordCount());
    assertEquals(400, third.records().size());
    assertTrue(third.records().get(199).isSuccessful());
    PutRecordsResultEntry failed = third.records().get(200);
    assertEquals("ProvisionedThroughputExceededException", failed.errorCode());
    assertNull(failed.sequenceNumber());
    assertTrue(failed.errorMessage().contains(SHARD_0));
  }

  @Test
  void putRecords_501Records_isRejectedWhole_andNothingIsWritten() {
    kinesis.createStream("s", 1);
    List<PutRecordsRequestEntry> batch = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      batch.add(PutRecordsRequestEntry.of(new byte[1], "k"));
    }
    assertEquals(
        "ValidationException",
        assertThrows(KinesisException.class, () -> kinesis.putRecords("s", batch)).errorCode());
    assertEquals(
        "ValidationException",
        assertThrows(KinesisException.class, () -> kinesis.putRecords("s", List.of())).errorCode());
    String it =
        kinesis.getShardIterator(
            GetShardIteratorRequest.of("s", SHARD_0, ShardIteratorType.TRIM_HORIZON));
    assertEquals(0, kinesis.getRecords(it).records().size());
  }

  @Test
  void putRecord_badInput_getsTheAwsError() {
    kinesis.createStream("s", 1);
    assertEquals(
        "ResourceNotFoundException",
        assertThrows(
                KinesisException.class, () -> kinesis.putRecord(record("k", 10).withStream("nope")))
            .errorCode());
    assertEquals(
        "ValidationException",
        assertThrows(
                KinesisException.class,
                () -> kinesis.putRecord(PutRecordRequest.of("s", new byte[1], "")))
            .errorCode());
    assertEquals(
        "ValidationException",
        assertThrows(
                KinesisException.class,
                () -> kinesis.putRecord(PutRecordRequest.of("s", new byte[1], "x".repeat(257))))
            .errorCode());
    assertEquals(
        "ValidationException",
        assertThrows(
                KinesisException.class,
                () -> kinesis.putRecord(PutRecordRequest.of("s", new byte[1_048_576], "k")))
            .errorCode());
    assertEquals(
        "InvalidArgumentException",
        assertThrows(
                KinesisException.class,
                () ->
                    kinesis.putRecord(
                        new PutRecordRequest(
                            "s",
                            new byte[1],
                            "k",
                            "340282366920938463463374607431768211456",
                            null)))
            .errorCode());
    // A key with an unpaired surrogate is not a Unicode string: AWS's error, not a Java one, in
    // PutRecord and in a PutRecords entry, and nothing is written.
    assertEquals(
        "ValidationException",
        assertThrows(
                KinesisException.class,
                () -> kinesis.putRecord(PutRecordRequest.of("s", new byte[1], "k\uD800")))
            .errorCode());
    assertEquals(
        "ValidationException",
        assertThrows(
                KinesisException.class,
                () ->
                    kinesis.putRecords(
                        "s",
                        List.of(
                            PutRecordsRequestEntry.of(new byte[1], "ok"),
                            PutRecordsRequestEntry.of(new byte[1], "\uDC00k"))))
            .errorCode());
    String it =
        kinesis.getShardIterator(
            GetShardIteratorRequest.of("s", SHARD_0, ShardIteratorType.TRIM_HORIZON));
    assertEquals(0, kinesis.getRecords(it).records().size());
    // A record of exactly 1 MiB, data plus key, is allowed.
    kinesis.putRecord(PutRecordRequest.of("s", new byte[1_048_575], "k"));
  }

  @Test
  void createStream_badInput_getsTheAwsError_andNothingChanges() {
    kinesis.createStream("s", 1);
    assertEquals(
        "ResourceInUseException",
        assertThrows(KinesisException.class, () -> kinesis.createStream("s", 2)).errorCode());
    assertEquals(
        "ValidationException",
        assertThrows(KinesisException.class, () -> kinesis.createStream("t", 0)).errorCode());
    assertEquals(
        "ValidationException",
        assertThrows(KinesisException.class, () -> kinesis.createStream("bad name", 1))
            .errorCode());
    assertEquals(List.of("s"), kinesis.listStreams().streamNames());
    assertEquals(1, kinesis.describeStream("s").shards().size());
    assertEquals(StreamStatus.ACTIVE, kinesis.describeStream("s").streamStatus());
    assertEquals(24, kinesis.describeStream("s").retentionPeriodHours());
    assertEquals(
        "arn:aws:kinesis:us-east-1:000000000000:stream/s", kinesis.describeStream("s").streamArn());
  }

  @Test
  void statusTransitionDelay_makesCreatingVisible() {
    AwsSimulator slow =
        AwsSimulator.builder()
            .kinesisLimits(
                KinesisLimits.defaults().withStatusTransitionDelay(Duration.ofSeconds(10)))
            .build();
    slow.kinesis().createStream("s", 1);
    assertEquals(StreamStatus.CREATING, slow.kinesis().describeStream("s").streamStatus());
    assertEquals(
        "ResourceNotFoundException",
        assertThrows(
                KinesisException.class,
                () -> slow.kinesis().putRecord(PutRecordRequest.of("s", "x".getBytes(UTF_8), "k")))
            .errorCode());
    slow.advanceBy(Duration.ofSeconds(10));
    assertEquals(StreamStatus.ACTIVE, slow.kinesis().describeStream("s").streamStatus());
  }
}
