package dev.awssim.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.hash.Hashing;
import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Datapoint;
import dev.awssim.engine.metrics.MetricKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Pins everything a user can observe of a Kinesis script (every PutRecord and PutRecords result and
 * error, every record read back by GetRecords and enhanced fan-out with its sequence number,
 * arrival and bytes, every AWS/Kinesis metric's datapoints, the trace's hash) to a digest recorded
 * on main before the PutRecord path was optimised (issue 17 §5): a change meant as a speed-up only
 * must leave it as it is. The script writes ASCII, non-ASCII and explicit hash keys to every shard,
 * reuses and changes the caller's array after a put, throttles on records/s and on bytes/s, writes
 * records of 10 bytes to 5 MiB (across any chunking of the shard's store), splits and merges
 * shards, reads with every iterator type, subscribes with enhanced fan-out, and lets retention trim
 * part of a shard. If a change of behaviour is intended, say so in the commit and update the
 * digest.
 */
class KinesisGoldenTest {
  /** Recorded on main at c5fa83a, before the PutRecord floor work. */
  private static final String GOLDEN =
      "5525615093c62b87277733ec9e340690070464e74b6eec406395dade68479cdd";

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void script_sameObservableResultAsBeforeTheOptimisation() {
    assertEquals(GOLDEN, digest(script()));
  }

  @Test
  void script_sameSeed_sameDigest() {
    assertEquals(digest(script()), digest(script()));
  }

  private static String digest(String observed) {
    return Hashing.sha256().hashString(observed, StandardCharsets.UTF_8).toString();
  }

  /** Runs the script and writes down everything a user could observe of it. */
  private static String script() {
    AwsSimulator sim = AwsSimulator.withSeed(2026);
    Kinesis kinesis = sim.kinesis();
    StringBuilder seen = new StringBuilder();
    kinesis.createStream("s", 4);
    kinesis.enableEnhancedMonitoring("s", List.of("ALL"));
    String arn = kinesis.streamArn("s");

    // keys of every kind, and a caller's array reused and changed after each put
    byte[] reused = new byte[37];
    String[] keys = {"a", "key-1", "ключ-é", "emoji-\uD83D\uDE00", "x".repeat(253), "k".repeat(40)};
    for (int i = 0; i < 240; i++) {
      for (int b = 0; b < reused.length; b++) {
        reused[b] = (byte) (i * 31 + b);
      }
      String key = keys[i % keys.length] + (i % 7 == 0 ? "" : Integer.toString(i));
      String explicit =
          i % 11 == 0
              ? HashKey.MAX.toString()
              : i % 13 == 0 ? "85070591730234615865843651857942052864" : null;
      put(seen, kinesis, new PutRecordRequest("s", reused, key, explicit, null));
      if (i % 3 == 0) {
        sim.advanceBy(Duration.ofNanos(333_333));
      }
    }
    // bad input: each leaves the stream unchanged
    put(seen, kinesis, PutRecordRequest.of("s", new byte[1], ""));
    put(seen, kinesis, PutRecordRequest.of("s", new byte[1], "y".repeat(257)));
    put(seen, kinesis, new PutRecordRequest("s", new byte[1], "k", "-1", null));
    put(seen, kinesis, new PutRecordRequest("s", new byte[1], "k", null, "01"));
    put(seen, kinesis, PutRecordRequest.of("s", new byte[1_048_576], "k"));
    put(seen, kinesis, PutRecordRequest.of("nope", new byte[1], "k"));

    // records/s: 1,000 in one instant to one shard, then the 1,001st, then at 1 s - 1 ns and 1 s
    sim.advanceBy(Duration.ofSeconds(2));
    for (int i = 0; i < 1_001; i++) {
      put(seen, kinesis, PutRecordRequest.of("s", new byte[] {(byte) i}, "hot"));
    }
    sim.advanceBy(Duration.ofSeconds(1).minusNanos(1));
    put(seen, kinesis, PutRecordRequest.of("s", new byte[3], "hot"));
    sim.advanceBy(Duration.ofNanos(1));
    put(seen, kinesis, PutRecordRequest.of("s", new byte[3], "hot"));

    // bytes/s: 400 KiB records to one shard
    sim.advanceBy(Duration.ofSeconds(2));
    for (int i = 0; i < 4; i++) {
      put(seen, kinesis, PutRecordRequest.of("s", filled(400 * 1_024, i), "big"));
      sim.advanceBy(Duration.ofMillis(100));
    }

    // PutRecords with partial failure: 500 entries, some to an already busy shard
    sim.advanceBy(Duration.ofSeconds(2));
    for (int i = 0; i < 900; i++) {
      put(seen, kinesis, PutRecordRequest.of("s", new byte[] {(byte) i}, "busy"));
    }
    List<PutRecordsRequestEntry> batch = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      batch.add(
          new PutRecordsRequestEntry(
              filled(i % 50 + 1, i), i % 4 == 0 ? "busy" : "batch-" + i, null));
    }
    for (int i = 0; i < 2; i++) {
      PutRecordsResult result = kinesis.putRecords("s", batch);
      seen.append("PUTRECORDS ").append(result.failedRecordCount());
      for (PutRecordsResultEntry entry : result.records()) {
        seen.append(' ').append(entry);
      }
      seen.append('\n');
    }

    // records of 10 bytes to 5 MiB once the stream takes large records
    sim.advanceBy(Duration.ofSeconds(2));
    kinesis.updateMaxRecordSize(arn, 10_240);
    sim.advanceBy(Duration.ofSeconds(1));
    int[] sizes = {10, 300_000, 5 * 1_048_576, 70_000, 1_048_576, 10};
    for (int i = 0; i < sizes.length; i++) {
      put(seen, kinesis, PutRecordRequest.of("s", filled(sizes[i], i), "large"));
      sim.advanceBy(Duration.ofMillis(700));
    }

    // enhanced fan-out on shard 1, then a split and a merge with records on either side
    ConsumerDescription consumer = kinesis.registerStreamConsumer(arn, "c");
    sim.advanceBy(Duration.ofSeconds(10));
    List<String> events = new ArrayList<>();
    kinesis.subscribeToShard(
        consumer.consumerArn(),
        "shardId-000000000001",
        StartingPosition.of(ShardIteratorType.TRIM_HORIZON),
        event -> events.add(render(event)));
    for (int i = 0; i < 300; i++) {
      put(seen, kinesis, PutRecordRequest.of("s", filled(64, i), "fan-" + i));
      sim.advanceBy(Duration.ofMillis(3));
    }
    sim.advanceBy(Duration.ofSeconds(6));
    kinesis.splitShard("s", "shardId-000000000000", "42535295865117307932921825928971026432");
    sim.advanceBy(Duration.ofSeconds(1));
    kinesis.mergeShards("s", "shardId-000000000002", "shardId-000000000003");
    sim.advanceBy(Duration.ofSeconds(1));
    for (int i = 0; i < 200; i++) {
      put(seen, kinesis, PutRecordRequest.of("s", filled(20, i), "after-" + i));
      sim.advanceBy(Duration.ofMillis(1));
    }
    sim.advanceBy(Duration.ofMinutes(6));
    for (String event : events) {
      seen.append("EVENT ").append(event).append('\n');
    }
    readEverything(seen, sim, kinesis);

    // one shard written once a minute for a day and a half: retention trims part of it
    for (int i = 0; i < 36 * 60; i++) {
      put(seen, kinesis, PutRecordRequest.of("s", filled(i % 300 + 1, i), "daily"));
      sim.advanceBy(Duration.ofSeconds(60));
    }
    readEverything(seen, sim, kinesis);
    Instant end = sim.clock().now().plusSeconds(1);
    for (MetricKey key : sim.metrics().listMetrics("AWS/Kinesis")) {
      seen.append("METRIC ").append(key);
      for (Datapoint d :
          sim.metrics().getMetricStatistics(key, Instant.EPOCH, end, Duration.ofMinutes(1))) {
        seen.append(' ').append(d);
      }
      seen.append('\n');
    }
    seen.append("TRACE ").append(sim.trace().hash()).append('\n');
    return seen.toString();
  }

  /** Reads every listed shard with each iterator type and writes down what comes back. */
  private static void readEverything(StringBuilder seen, AwsSimulator sim, Kinesis kinesis) {
    for (ShardDescription shard : kinesis.listShards("s").shards()) {
      String id = shard.shardId();
      seen.append("SHARD ").append(shard).append('\n');
      List<Record> all = new ArrayList<>();
      String iterator =
          kinesis.getShardIterator(
              GetShardIteratorRequest.of("s", id, ShardIteratorType.TRIM_HORIZON));
      for (int calls = 0; iterator != null && calls < 40; calls++) {
        GetRecordsResult result = kinesis.getRecords(iterator, 700);
        seen.append("GET ")
            .append(id)
            .append(' ')
            .append(result.records().size())
            .append(' ')
            .append(result.millisBehindLatest())
            .append(' ')
            .append(result.childShards())
            .append('\n');
        all.addAll(result.records());
        if (result.records().isEmpty()) {
          break;
        }
        iterator = result.nextShardIterator();
        sim.advanceBy(Duration.ofMillis(1_100));
      }
      for (Record r : all) {
        seen.append("RECORD ").append(id).append(' ').append(render(r)).append('\n');
      }
      if (!all.isEmpty()) {
        String middle = all.get(all.size() / 2).sequenceNumber();
        Instant at = all.get(all.size() / 3).approximateArrivalTimestamp();
        read(
            seen,
            kinesis,
            GetShardIteratorRequest.atSequence(
                "s", id, ShardIteratorType.AT_SEQUENCE_NUMBER, middle));
        sim.advanceBy(Duration.ofMillis(300));
        read(
            seen,
            kinesis,
            GetShardIteratorRequest.atSequence(
                "s", id, ShardIteratorType.AFTER_SEQUENCE_NUMBER, middle));
        sim.advanceBy(Duration.ofMillis(300));
        read(seen, kinesis, GetShardIteratorRequest.atTimestamp("s", id, at));
        sim.advanceBy(Duration.ofMillis(300));
      }
      read(seen, kinesis, GetShardIteratorRequest.of("s", id, ShardIteratorType.LATEST));
      sim.advanceBy(Duration.ofMillis(300));
    }
  }

  private static void read(StringBuilder seen, Kinesis kinesis, GetShardIteratorRequest request) {
    observe(
        seen,
        "READ " + request.shardIteratorType(),
        () -> {
          GetRecordsResult result = kinesis.getRecords(kinesis.getShardIterator(request), 5);
          StringBuilder out = new StringBuilder().append(result.millisBehindLatest());
          for (Record r : result.records()) {
            out.append(' ').append(render(r));
          }
          return out.toString();
        });
  }

  private static void put(StringBuilder seen, Kinesis kinesis, PutRecordRequest request) {
    observe(seen, "PUT", () -> kinesis.putRecord(request).toString());
  }

  private static void observe(StringBuilder seen, String what, Supplier<String> call) {
    seen.append(what).append(' ');
    try {
      seen.append(call.get());
    } catch (KinesisException e) {
      seen.append(e.errorCode())
          .append(' ')
          .append(e.statusCode())
          .append(' ')
          .append(e.errorMessage());
    }
    seen.append('\n');
  }

  private static String render(SubscribeToShardEvent event) {
    StringBuilder out =
        new StringBuilder()
            .append(event.continuationSequenceNumber())
            .append(' ')
            .append(event.millisBehindLatest())
            .append(' ')
            .append(event.childShards());
    for (Record r : event.records()) {
      out.append(' ').append(render(r));
    }
    return out.toString();
  }

  /** A record without its array's identity: sequence number, arrival, key, and the data's hash. */
  private static String render(Record r) {
    return r.sequenceNumber()
        + '/'
        + r.approximateArrivalTimestamp()
        + '/'
        + r.partitionKey()
        + '/'
        + r.data().length
        + '/'
        + HEX.formatHex(Hashing.sha256().hashBytes(r.data()).asBytes(), 0, 8);
  }

  private static byte[] filled(int size, int seed) {
    byte[] data = new byte[size];
    for (int i = 0; i < size; i++) {
      data[i] = (byte) (seed * 7 + i * 13);
    }
    return data;
  }
}
