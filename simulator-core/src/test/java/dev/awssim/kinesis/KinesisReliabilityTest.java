package dev.awssim.kinesis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retention at iterator starts, copies of callers' data, sealed iterators, required inputs. */
class KinesisReliabilityTest {
  private static final String SHARD = "shardId-000000000000";
  private static final String HALF = "170141183460469231731687303715884105728";

  private final AwsSimulator sim = AwsSimulator.withSeed(29);
  private final Kinesis kinesis = sim.kinesis();

  @BeforeEach
  void stream() {
    kinesis.createStream("s", 1);
  }

  private String put(String data) {
    return kinesis.putRecord(PutRecordRequest.of("s", data.getBytes(UTF_8), "k")).sequenceNumber();
  }

  private List<String> read(GetShardIteratorRequest request) {
    return kinesis.getRecords(kinesis.getShardIterator(request)).records().stream()
        .map(r -> new String(r.data(), UTF_8))
        .toList();
  }

  private static void assertError(String code, Runnable call) {
    assertEquals(code, assertThrows(KinesisException.class, call::run).errorCode());
  }

  @Test
  void getShardIterator_afterOrAtATrimmedSequenceNumber_startsAtTheOldestRetainedRecord() {
    String trimmed = put("old");
    sim.advanceBy(Duration.ofHours(1));
    put("kept-1");
    put("kept-2");
    // "old" arrived at t=0: with 24 h of retention it is trimmed at exactly t=24h.
    sim.advanceBy(Duration.ofHours(23));
    for (ShardIteratorType type :
        List.of(ShardIteratorType.AFTER_SEQUENCE_NUMBER, ShardIteratorType.AT_SEQUENCE_NUMBER)) {
      assertEquals(
          List.of("kept-1", "kept-2"),
          read(GetShardIteratorRequest.atSequence("s", SHARD, type, trimmed)),
          type.name());
      sim.advanceBy(Duration.ofSeconds(1));
    }
  }

  @Test
  void getShardIterator_afterARetainedSequenceNumber_stillSkipsThatRecord() {
    String first = put("a");
    put("b");
    assertEquals(
        List.of("b"),
        read(
            GetShardIteratorRequest.atSequence(
                "s", SHARD, ShardIteratorType.AFTER_SEQUENCE_NUMBER, first)));
  }

  @Test
  void putRecord_callerChangesItsArrayAfterward_theStoredRecordDoesNotChange() {
    byte[] data = "original".getBytes(UTF_8);
    kinesis.putRecord(PutRecordRequest.of("s", data, "k"));
    data[0] = 'X';
    byte[] batch = "batched".getBytes(UTF_8);
    kinesis.putRecords("s", List.of(PutRecordsRequestEntry.of(batch, "k")));
    batch[0] = 'X';
    assertEquals(
        List.of("original", "batched"),
        read(GetShardIteratorRequest.of("s", SHARD, ShardIteratorType.TRIM_HORIZON)));
  }

  @Test
  void getRecords_readerChangesTheReturnedArray_theStreamDoesNotChange() {
    put("original");
    Record first =
        kinesis
            .getRecords(
                kinesis.getShardIterator(
                    GetShardIteratorRequest.of("s", SHARD, ShardIteratorType.TRIM_HORIZON)))
            .records()
            .get(0);
    first.data()[0] = 'X';
    sim.advanceBy(Duration.ofSeconds(1));
    assertArrayEquals(
        "original".getBytes(UTF_8),
        kinesis
            .getRecords(
                kinesis.getShardIterator(
                    GetShardIteratorRequest.of("s", SHARD, ShardIteratorType.TRIM_HORIZON)))
            .records()
            .get(0)
            .data());
  }

  @Test
  void getRecords_forgedOrAlteredIterator_isInvalidArgument() {
    String real =
        kinesis.getShardIterator(
            GetShardIteratorRequest.of("s", SHARD, ShardIteratorType.TRIM_HORIZON));
    byte[] raw = Base64.getDecoder().decode(real);
    raw[5] ^= 1;
    String altered = Base64.getEncoder().encodeToString(raw);
    // The old readable form, dated a year ahead so that it would never expire, at position -1.
    String forged =
        Base64.getEncoder()
            .encodeToString(
                ("v1|s|" + SHARD + "|-1|" + Duration.ofDays(365).toNanos()).getBytes(UTF_8));
    for (String bad : List.of(altered, forged, real.substring(1), real + "A", "", "%%%")) {
      assertError("InvalidArgumentException", () -> kinesis.getRecords(bad));
    }
    assertTrue(kinesis.getRecords(real).records().isEmpty());
  }

  @Test
  void getRecords_everyIteratorExpiresFiveMinutesAfterItWasIssued_nextIteratorsToo() {
    put("a");
    GetRecordsResult first =
        kinesis.getRecords(
            kinesis.getShardIterator(
                GetShardIteratorRequest.of("s", SHARD, ShardIteratorType.TRIM_HORIZON)),
            1);
    String next = first.nextShardIterator();
    sim.advanceBy(Duration.ofMinutes(5).minusNanos(1));
    kinesis.getRecords(next);
    sim.advanceBy(Duration.ofNanos(1));
    assertError("ExpiredIteratorException", () -> kinesis.getRecords(next));
  }

  @Test
  void updateShardCount_withoutScalingType_isValidationException_andChangesNothing() {
    assertError("ValidationException", () -> kinesis.updateShardCount("s", 2, null));
    assertEquals(1, kinesis.describeStream("s").openShardCount());
    kinesis.updateShardCount("s", 2, ScalingType.UNIFORM_SCALING);
    assertEquals(2, kinesis.describeStream("s").openShardCount());
  }

  @Test
  void closedShard_recordsTrimmedByRetention_thenTheShardIsDroppedOnceItsRetentionHasPassed() {
    put("a");
    sim.advanceBy(Duration.ofHours(1));
    put("b");
    kinesis.splitShard("s", SHARD, HALF);
    DataStream model = kinesis.streamModel("s");
    assertEquals(3, model.heldShards());
    Shard parent = model.shards.get(SHARD);

    // "a" arrived at t=0: trimmed at t=24h although no one writes to or reads the closed shard.
    sim.advanceBy(Duration.ofHours(23));
    kinesis.describeStreamSummary("s");
    assertEquals(1, parent.firstOrdinal());

    // The parent closed at t=1h: it is dropped, records and all, at exactly t=25h.
    sim.advanceBy(Duration.ofHours(1).minusNanos(1));
    assertEquals(3, kinesis.streamModel("s").heldShards());
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals(2, kinesis.streamModel("s").heldShards());
    assertNull(kinesis.streamModel("s").shards.get(SHARD));
    assertError(
        "ResourceNotFoundException",
        () ->
            kinesis.getShardIterator(
                GetShardIteratorRequest.of("s", SHARD, ShardIteratorType.TRIM_HORIZON)));
  }
}
