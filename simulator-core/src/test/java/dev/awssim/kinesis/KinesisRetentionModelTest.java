package dev.awssim.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random operations over days of virtual time against a plain model of what each shard retains:
 * writes, splits, merges, clock jumps, and reads from checkpoints that may be older than the 24 h
 * retention. A read from a checkpoint returns exactly the retained records after it; a shard closed
 * for longer than the retention is gone. The seed of a failure is in the test's name.
 */
class KinesisRetentionModelTest {
  private static final long RETENTION = Duration.ofHours(24).toNanos();

  /** What the model expects of one shard. */
  private static final class ModelShard {
    final List<String> sequenceNumbers = new ArrayList<>();
    final List<Long> arrivals = new ArrayList<>();
    long closedAt = -1;
  }

  private record Checkpoint(String shardId, String sequenceNumber) {}

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void randomOperations_readsFromOldCheckpoints_matchTheRetentionModel(long seed) {
    AwsSimulator sim = AwsSimulator.withSeed(seed);
    Kinesis kinesis = sim.kinesis();
    SplittableRandom random = new SplittableRandom(seed);
    kinesis.createStream("s", 2);
    Map<String, ModelShard> model = new LinkedHashMap<>();
    kinesis.listShards("s").shards().forEach(s -> model.put(s.shardId(), new ModelShard()));
    List<Checkpoint> checkpoints = new ArrayList<>();

    for (int step = 0; step < 400; step++) {
      long now = sim.clock().nanos();
      int op = random.nextInt(100);
      if (op < 45) {
        PutRecordResult put =
            kinesis.putRecord(PutRecordRequest.of("s", new byte[] {(byte) step}, "k" + step));
        ModelShard shard = model.get(put.shardId());
        shard.sequenceNumbers.add(put.sequenceNumber());
        shard.arrivals.add(now);
        if (random.nextInt(3) == 0) {
          checkpoints.add(new Checkpoint(put.shardId(), put.sequenceNumber()));
        }
      } else if (op < 60) {
        sim.advanceBy(Duration.ofMinutes(1 + random.nextInt(360)));
      } else if (op < 68) {
        List<ShardDescription> open = openShards(kinesis);
        if (open.size() < 8) {
          ShardDescription parent = open.get(random.nextInt(open.size()));
          BigInteger start = new BigInteger(parent.hashKeyRange().startingHashKey());
          BigInteger end = new BigInteger(parent.hashKeyRange().endingHashKey());
          kinesis.splitShard(
              "s", parent.shardId(), start.add(end).add(BigInteger.ONE).shiftRight(1).toString());
          close(kinesis, model, now, parent.shardId());
        }
      } else if (op < 74) {
        List<ShardDescription> open = openShards(kinesis);
        if (open.size() > 1) {
          int i = random.nextInt(open.size() - 1);
          String a = open.get(i).shardId();
          String b = open.get(i + 1).shardId();
          kinesis.mergeShards("s", a, b);
          close(kinesis, model, now, a, b);
        }
      } else if (!checkpoints.isEmpty()) {
        Checkpoint checkpoint = checkpoints.get(random.nextInt(checkpoints.size()));
        check(kinesis, model.get(checkpoint.shardId()), checkpoint, now);
        sim.advanceBy(Duration.ofSeconds(1));
      }
      int held = 0;
      for (ModelShard shard : model.values()) {
        held += shard.closedAt < 0 || shard.closedAt + RETENTION > sim.clock().nanos() ? 1 : 0;
      }
      assertEquals(held, kinesis.streamModel("s").heldShards(), "shards held at step " + step);
    }
  }

  private static List<ShardDescription> openShards(Kinesis kinesis) {
    List<ShardDescription> open =
        new ArrayList<>(
            kinesis
                .listShards(
                    ListShardsRequest.of("s")
                        .withShardFilter(ShardFilter.of(ShardFilterType.AT_LATEST)))
                .shards());
    open.sort(Comparator.comparing(s -> new BigInteger(s.hashKeyRange().startingHashKey())));
    return open;
  }

  private static void close(
      Kinesis kinesis, Map<String, ModelShard> model, long now, String... parents) {
    for (String parent : parents) {
      model.get(parent).closedAt = now;
    }
    kinesis.listShards("s").shards().forEach(s -> model.putIfAbsent(s.shardId(), new ModelShard()));
  }

  private static void check(Kinesis kinesis, ModelShard shard, Checkpoint checkpoint, long now) {
    if (shard.closedAt >= 0 && shard.closedAt + RETENTION <= now) {
      KinesisException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              KinesisException.class, () -> iterator(kinesis, checkpoint));
      assertEquals("ResourceNotFoundException", e.errorCode());
      return;
    }
    List<String> expected = new ArrayList<>();
    int at = shard.sequenceNumbers.indexOf(checkpoint.sequenceNumber());
    for (int i = at + 1; i < shard.sequenceNumbers.size(); i++) {
      if (shard.arrivals.get(i) + RETENTION > now) {
        expected.add(shard.sequenceNumbers.get(i));
      }
    }
    GetRecordsResult result = kinesis.getRecords(iterator(kinesis, checkpoint));
    List<String> actual = result.records().stream().map(Record::sequenceNumber).toList();
    assertEquals(expected, actual, "after " + checkpoint);
    assertTrue(
        (shard.closedAt >= 0) == (result.nextShardIterator() == null),
        "next iterator only while open");
  }

  private static String iterator(Kinesis kinesis, Checkpoint checkpoint) {
    return kinesis.getShardIterator(
        GetShardIteratorRequest.atSequence(
            "s",
            checkpoint.shardId(),
            ShardIteratorType.AFTER_SEQUENCE_NUMBER,
            checkpoint.sequenceNumber()));
  }
}
