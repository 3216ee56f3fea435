package dev.awssim.examples;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.kinesis.GetShardIteratorRequest;
import dev.awssim.kinesis.Kinesis;
import dev.awssim.kinesis.KinesisException;
import dev.awssim.kinesis.KinesisLimits;
import dev.awssim.kinesis.PutRecordsRequestEntry;
import dev.awssim.kinesis.PutRecordsResult;
import dev.awssim.kinesis.ShardDescription;
import dev.awssim.kinesis.ShardIteratorType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Kinesis hot shard: skewed partition keys send most records to one shard, which throttles at 1,000
 * records/s while the others idle; spreading the keys fixes it. Then six GetRecords calls in one
 * second on one shard: the sixth is throttled.
 */
final class KinesisHotShardDemo implements LiveDemo {
  private static final long TICK_MS = 10;

  /** PutRecords takes at most this many records per call. */
  private static final int MAX_BATCH = KinesisLimits.PUT_RECORDS_MAX_RECORDS;

  @Override
  public String name() {
    return "kinesis-hot-shard";
  }

  @Override
  public String title() {
    return "Kinesis: a hot shard throttles while the others idle";
  }

  @Override
  public String rule(DemoOptions options) {
    int shards = options.integer("shards");
    int rate = options.integer("rate");
    return "Each shard accepts up to 1 MiB/s and "
        + Numbers.count(KinesisLimits.SHARD_WRITE_RECORDS_PER_SECOND)
        + " records/s; the MD5 of the partition key picks the shard, so one hot key always lands"
        + " on one shard. A producer writes "
        + Numbers.count(rate)
        + " records/s to "
        + shards
        + (shards == 1 ? " shard" : " shards")
        + " (at most "
        + Numbers.count((long) shards * KinesisLimits.SHARD_WRITE_RECORDS_PER_SECOND)
        + " records/s in all). For the first half of the run "
        + options.integer("hot-percent")
        + "% of the records share one key: its shard throttles"
        + " (WriteProvisionedThroughputExceeded) while the others idle. In the second half the keys"
        + " are spread. Reads share 5 GetRecords calls per second per shard.";
  }

  @Override
  public String docUrl() {
    return "https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html";
  }

  @Override
  public List<DemoOption> options() {
    return List.of(
        DemoOption.checkedByAws("shards", "4", "shards in the stream (AWS: at least 1)"),
        DemoOption.between("rate", "2000", 1, 100_000, "records per second the producer writes"),
        DemoOption.between(
            "hot-percent", "80", 0, 100, "percent of records on the hot key (first half)"),
        DemoOption.between("duration", "20", 2, 3_600, "simulated seconds"));
  }

  @Override
  public List<String> tourArguments() {
    return List.of("--duration", "10");
  }

  /** The stream the demo writes to. */
  static final String STREAM = "clicks";

  /** The key most records share in the first half of the run. */
  static final String HOT_KEY = "user-42";

  @Override
  public Run start(AwsSimulator sim, DemoOptions options) {
    int shards = options.integer("shards");
    int rate = options.integer("rate");
    int hotPercent = options.integer("hot-percent");
    int duration = options.integer("duration");
    Kinesis kinesis = sim.kinesis();
    kinesis.createStream(STREAM, shards);
    // Shard-level metrics, which the charts below draw, exist only once enhanced monitoring is on.
    kinesis.enableEnhancedMonitoring(STREAM, List.of("ALL"));
    RandomGenerator random = sim.random("demo/keys");
    long startNanos = sim.clock().nanos();
    long half = Duration.ofSeconds(duration).toNanos() / 2;
    long[] throttled = new long[2];
    long[] sent = new long[2];
    long[] ticks = {0};
    // One PutRecords call every 10 ms; tick k sends the records due by then, so any rate is exact.
    Cancellable producer =
        sim.every(
            Duration.ofMillis(TICK_MS),
            () -> {
              int phase = sim.clock().nanos() - startNanos <= half ? 0 : 1;
              long due =
                  rate * (ticks[0] + 1) * TICK_MS / 1_000 - rate * ticks[0] * TICK_MS / 1_000;
              ticks[0]++;
              List<PutRecordsRequestEntry> batch = new ArrayList<>();
              for (int i = 0; i < due; i++) {
                boolean hot = phase == 0 && random.nextInt(100) < hotPercent;
                String key = hot ? HOT_KEY : "user-" + random.nextInt(1_000_000);
                batch.add(PutRecordsRequestEntry.of(new byte[200], key));
              }
              for (int from = 0; from < batch.size(); from += MAX_BATCH) {
                List<PutRecordsRequestEntry> part =
                    batch.subList(from, Math.min(batch.size(), from + MAX_BATCH));
                PutRecordsResult result = kinesis.putRecords(STREAM, part);
                throttled[phase] += result.failedRecordCount();
                sent[phase] += part.size();
              }
            });
    return new Run() {
      @Override
      public Duration duration() {
        return Duration.ofSeconds(duration);
      }

      @Override
      public String resource() {
        return STREAM;
      }

      @Override
      public DemoResult finish() {
        producer.cancel();
        return result(sim, options, throttled, sent, half);
      }
    };
  }

  private DemoResult result(
      AwsSimulator sim, DemoOptions options, long[] throttled, long[] sent, long half) {
    int duration = options.integer("duration");
    Kinesis kinesis = sim.kinesis();
    DemoResult result =
        new DemoResult(this, options).timeline("shard", "records accepted", "throttled");
    List<DemoResult.Series> accepted = new ArrayList<>();
    for (ShardDescription shard : kinesis.listShards(STREAM).shards()) {
      Dimensions d = Dimensions.of("StreamName", STREAM, "ShardId", shard.shardId());
      accepted.add(
          Metrics.perSecond(sim, shard.shardId(), "AWS/Kinesis", "IncomingRecords", d).toResult());
      result.row(
          shard.shardId(),
          Numbers.number(Metrics.total(sim, "AWS/Kinesis", "IncomingRecords", d)),
          Numbers.number(
              Metrics.total(sim, "AWS/Kinesis", "WriteProvisionedThroughputExceeded", d)));
    }
    Dimensions stream = Dimensions.of("StreamName", STREAM);
    DemoResult.Series throttledSeries =
        Metrics.perSecond(
                sim,
                "throttled records",
                "AWS/Kinesis",
                "WriteProvisionedThroughputExceeded",
                stream)
            .toResult();
    String sixth = sixthGetRecords(sim, kinesis);
    double halfSeconds = half / 1e9;
    return result
        .keyNumber(
            "throttled, skewed keys",
            Numbers.count(throttled[0]) + " of " + Numbers.count(sent[0]),
            "1,000 records/s per shard")
        .keyNumber(
            "throttled, spread keys",
            Numbers.count(throttled[1]) + " of " + Numbers.count(sent[1]),
            "load spread over every shard's limit")
        .keyNumber("6th GetRecords in one second", sixth, "5 GetRecords calls/s per shard")
        .chart(
            DemoResult.Chart.of(
                    "Records accepted per shard per second", "records/s", duration, accepted)
                .limit(
                    "records/s per shard (PutRecord, PutRecords)",
                    (double) KinesisLimits.SHARD_WRITE_RECORDS_PER_SECOND)
                .mark("keys spread from here", halfSeconds))
        .chart(
            DemoResult.Chart.of(
                    "Records throttled (WriteProvisionedThroughputExceeded) per second",
                    "records/s",
                    duration,
                    List.of(throttledSeries))
                .mark("keys spread from here", halfSeconds));
  }

  private static String sixthGetRecords(AwsSimulator sim, Kinesis kinesis) {
    String iterator =
        kinesis.getShardIterator(
            GetShardIteratorRequest.of(STREAM, "shardId-000000000000", ShardIteratorType.LATEST));
    for (int call = 1; call <= 6; call++) {
      try {
        iterator = kinesis.getRecords(iterator).nextShardIterator();
      } catch (KinesisException e) {
        return call == 6 ? e.errorCode() : "call " + call + " throttled";
      }
      sim.advanceBy(Duration.ofMillis(100));
    }
    return "admitted";
  }
}
