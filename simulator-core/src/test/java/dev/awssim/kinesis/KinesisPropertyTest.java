package dev.awssim.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Seeded random workloads against the invariants of the Kinesis model (its per-shard quotas:
 * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html). Each failure
 * message names the seed that reproduces it.
 */
class KinesisPropertyTest {
  private static final long SECOND = 1_000_000_000L;

  /** One accepted write: when, where, how big. */
  record Accepted(long nanos, String shardId, long bytes, String sequenceNumber) {}

  private static List<Accepted> workload(AwsSimulator sim, int shards, int steps) {
    Kinesis kinesis = sim.kinesis();
    kinesis.createStream("s", shards);
    RandomGenerator random = sim.random("test/workload");
    List<Accepted> accepted = new ArrayList<>();
    for (int step = 0; step < steps; step++) {
      String key = "k" + random.nextInt(random.nextBoolean() ? 3 : 50);
      int size = 1 + random.nextInt(random.nextInt(10) == 0 ? 200_000 : 2_000);
      try {
        PutRecordResult result = kinesis.putRecord(PutRecordRequest.of("s", new byte[size], key));
        accepted.add(
            new Accepted(
                sim.clock().nanos(),
                result.shardId(),
                size + key.length(),
                result.sequenceNumber()));
      } catch (KinesisException e) {
        assertEquals("ProvisionedThroughputExceededException", e.errorCode(), "seed " + sim.seed());
      }
      sim.advanceBy(Duration.ofNanos(random.nextLong(SECOND / 200)));
    }
    return accepted;
  }

  @Test
  void property_acceptedPerShardInEveryOneSecondWindow_neverExceedsTheLimits() {
    for (long seed = 1; seed <= 12; seed++) {
      AwsSimulator sim = AwsSimulator.builder().seed(seed).traceEnabled(false).build();
      List<Accepted> accepted = workload(sim, 2, 2_500);
      Map<String, List<Accepted>> byShard = new HashMap<>();
      accepted.forEach(a -> byShard.computeIfAbsent(a.shardId(), k -> new ArrayList<>()).add(a));
      for (List<Accepted> shard : byShard.values()) {
        int end = 0;
        long bytes = 0;
        for (int start = 0; start < shard.size(); start++) {
          while (end < shard.size() && shard.get(end).nanos() < shard.get(start).nanos() + SECOND) {
            bytes += shard.get(end).bytes();
            end++;
          }
          assertTrue(end - start <= 1_000, "records/s over 1,000 with seed " + seed);
          assertTrue(bytes <= 1_048_576, "bytes/s over 1 MiB with seed " + seed);
          bytes -= shard.get(start).bytes();
        }
      }
    }
  }

  @Test
  void property_everyAcceptedRecordIsReadableInSequenceOrder_untilItsRetentionEnds() {
    for (long seed = 1; seed <= 15; seed++) {
      AwsSimulator sim = AwsSimulator.builder().seed(seed).traceEnabled(false).build();
      List<Accepted> accepted = workload(sim, 3, 1_000);
      Kinesis kinesis = sim.kinesis();
      sim.advanceBy(Duration.ofHours(23));
      for (ShardDescription shard : kinesis.listShards("s").shards()) {
        List<String> expected =
            accepted.stream()
                .filter(a -> a.shardId().equals(shard.shardId()))
                .map(Accepted::sequenceNumber)
                .toList();
        List<String> read = readAll(sim, shard.shardId());
        assertEquals(expected, read, "shard " + shard.shardId() + " with seed " + seed);
        List<String> sorted = new ArrayList<>(read);
        sorted.sort(null);
        assertEquals(sorted, read, "sequence order with seed " + seed);
      }
      sim.advanceBy(Duration.ofHours(1));
      for (ShardDescription shard : kinesis.listShards("s").shards()) {
        assertEquals(List.of(), readAll(sim, shard.shardId()), "retention with seed " + seed);
      }
    }
  }

  @Test
  void property_sameSeedSameScript_sameTraceHash() {
    for (long seed = 1; seed <= 5; seed++) {
      AwsSimulator a = AwsSimulator.withSeed(seed);
      AwsSimulator b = AwsSimulator.withSeed(seed);
      workload(a, 2, 500);
      workload(b, 2, 500);
      assertEquals(a.trace().hash(), b.trace().hash(), "seed " + seed);
    }
  }

  private static List<String> readAll(AwsSimulator sim, String shardId) {
    Kinesis kinesis = sim.kinesis();
    List<String> read = new ArrayList<>();
    String it =
        kinesis.getShardIterator(
            GetShardIteratorRequest.of("s", shardId, ShardIteratorType.TRIM_HORIZON));
    while (it != null) {
      GetRecordsResult page;
      try {
        page = kinesis.getRecords(it, 500);
      } catch (KinesisException throttled) {
        sim.advanceBy(Duration.ofSeconds(1)); // a reader backs off, as AWS asks
        continue;
      }
      sim.advanceBy(Duration.ofSeconds(1));
      page.records().forEach(r -> read.add(r.sequenceNumber()));
      if (page.records().isEmpty()) {
        break;
      }
      it = page.nextShardIterator();
    }
    return read;
  }
}
