package dev.awssim.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KinesisReshardTest {
  private static final String HALF = "170141183460469231731687303715884105728";

  private final AwsSimulator sim = AwsSimulator.withSeed(3);
  private final Kinesis kinesis = sim.kinesis();

  private List<String> readAll(String shardId) {
    GetRecordsResult result =
        kinesis.getRecords(
            kinesis.getShardIterator(
                GetShardIteratorRequest.of("s", shardId, ShardIteratorType.TRIM_HORIZON)));
    sim.advanceBy(Duration.ofSeconds(1));
    return result.records().stream()
        .map(r -> new String(r.data(), StandardCharsets.UTF_8))
        .toList();
  }

  @Test
  void splitShard_closesTheParent_childrenTakeItsRange_parentStaysReadable() {
    kinesis.createStream("s", 1);
    kinesis.putRecord(PutRecordRequest.of("s", "before".getBytes(StandardCharsets.UTF_8), "key"));

    kinesis.splitShard("s", "shardId-000000000000", HALF);
    String child =
        kinesis
            .putRecord(PutRecordRequest.of("s", "after".getBytes(StandardCharsets.UTF_8), "key"))
            .shardId();

    List<ShardDescription> shards = kinesis.listShards("s").shards();
    assertEquals(3, shards.size());
    ShardDescription parent = shards.get(0);
    assertNotNull(parent.sequenceNumberRange().endingSequenceNumber());
    assertEquals("shardId-000000000000", shards.get(1).parentShardId());
    assertEquals(
        "170141183460469231731687303715884105727", shards.get(1).hashKeyRange().endingHashKey());
    assertEquals(HALF, shards.get(2).hashKeyRange().startingHashKey());
    assertEquals(List.of("before"), readAll("shardId-000000000000"));
    assertEquals(List.of("after"), readAll(child));
    assertEquals(2, kinesis.describeStream("s").openShardCount());
  }

  @Test
  void getRecords_atTheEndOfAClosedShard_hasNoNextIterator_andListsTheChildren() {
    kinesis.createStream("s", 1);
    kinesis.splitShard("s", "shardId-000000000000", HALF);
    GetRecordsResult end =
        kinesis.getRecords(
            kinesis.getShardIterator(
                GetShardIteratorRequest.of(
                    "s", "shardId-000000000000", ShardIteratorType.TRIM_HORIZON)));
    assertNull(end.nextShardIterator());
    assertEquals(
        List.of("shardId-000000000001", "shardId-000000000002"),
        end.childShards().stream().map(ChildShard::shardId).toList());
  }

  @Test
  void splitShard_hashKeyOutsideTheShard_isInvalidArgument_andNothingChanges() {
    kinesis.createStream("s", 2);
    assertEquals(
        "InvalidArgumentException",
        assertThrows(
                KinesisException.class, () -> kinesis.splitShard("s", "shardId-000000000000", HALF))
            .errorCode());
    assertEquals(
        "InvalidArgumentException",
        assertThrows(
                KinesisException.class, () -> kinesis.splitShard("s", "shardId-000000000000", "0"))
            .errorCode());
    assertEquals(2, kinesis.listShards("s").shards().size());
  }

  @Test
  void mergeShards_adjacentOnly() {
    kinesis.createStream("s", 3);
    assertEquals(
        "InvalidArgumentException",
        assertThrows(
                KinesisException.class,
                () -> kinesis.mergeShards("s", "shardId-000000000000", "shardId-000000000002"))
            .errorCode());
    kinesis.mergeShards("s", "shardId-000000000001", "shardId-000000000000");
    ShardDescription child = kinesis.listShards("s").shards().get(3);
    assertEquals("shardId-000000000001", child.parentShardId());
    assertEquals("shardId-000000000000", child.adjacentParentShardId());
    assertEquals("0", child.hashKeyRange().startingHashKey());
    assertEquals(2, kinesis.describeStream("s").openShardCount());
  }

  @Test
  void updateShardCount_withinHalfAndDouble_tenTimesPerDay() {
    kinesis.createStream("s", 2);
    assertEquals(
        "LimitExceededException",
        assertThrows(KinesisException.class, () -> kinesis.updateShardCount("s", 5)).errorCode());
    assertEquals(2, kinesis.updateShardCount("s", 4));
    assertEquals(4, kinesis.describeStream("s").openShardCount());
    for (int i = 0; i < 9; i++) {
      sim.advanceBy(Duration.ofSeconds(1)); // within UpdateShardCount's 10 calls a second
      kinesis.updateShardCount("s", i % 2 == 0 ? 3 : 4);
    }
    assertEquals(
        "LimitExceededException",
        assertThrows(KinesisException.class, () -> kinesis.updateShardCount("s", 3)).errorCode());
    sim.advanceBy(Duration.ofHours(24));
    kinesis.updateShardCount("s", 3);
  }

  @Test
  void resharding_anOnDemandStream_isAValidationException() {
    kinesis.createStream("s", null, StreamMode.ON_DEMAND);
    assertEquals(4, kinesis.describeStream("s").openShardCount());
    assertEquals(
        "ValidationException",
        assertThrows(KinesisException.class, () -> kinesis.updateShardCount("s", 8)).errorCode());
  }

  @Test
  void onDemand_aShardWritingOver500KBPerSecond_isSplitWithinAMinute() {
    kinesis.createStream("s", null, StreamMode.ON_DEMAND);
    sim.every(
        Duration.ofMillis(100),
        () -> kinesis.putRecord(PutRecordRequest.of("s", new byte[60_000], "hot")));
    sim.advanceBy(Duration.ofSeconds(61));
    assertEquals(5, kinesis.describeStream("s").openShardCount());
  }

  @Test
  void orderForAPartitionKey_holdsAcrossASplit_whenParentsAreReadFirst() {
    kinesis.createStream("s", 1);
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      written.add("r" + i);
      kinesis.putRecord(
          PutRecordRequest.of("s", ("r" + i).getBytes(StandardCharsets.UTF_8), "key"));
    }
    kinesis.splitShard("s", "shardId-000000000000", HALF);
    String child = null;
    for (int i = 5; i < 10; i++) {
      written.add("r" + i);
      child =
          kinesis
              .putRecord(
                  PutRecordRequest.of("s", ("r" + i).getBytes(StandardCharsets.UTF_8), "key"))
              .shardId();
    }
    List<String> read = new ArrayList<>(readAll("shardId-000000000000"));
    read.addAll(readAll(child));
    assertEquals(written, read);
  }
}
