package dev.awssim.examples;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.kinesis.GetShardIteratorRequest;
import dev.awssim.kinesis.Kinesis;
import dev.awssim.kinesis.KinesisException;
import dev.awssim.kinesis.PutRecordsRequestEntry;
import dev.awssim.kinesis.PutRecordsResult;
import dev.awssim.kinesis.ShardDescription;
import dev.awssim.kinesis.ShardIteratorType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Kinesis hot shard: skewed partition keys send most records to one shard, which throttles at 1,000
 * records/s while the others idle; spreading the keys fixes it. Then six GetRecords calls in one
 * second on one shard: the sixth is throttled.
 */
final class KinesisHotShardDemo implements Demo {
  @Override
  public String name() {
    return "kinesis-hot-shard";
  }

  @Override
  public String title() {
    return "Kinesis: a hot shard throttles while the others idle";
  }

  @Override
  public String rule() {
    return "Each shard accepts up to 1 MiB/s and 1,000 records/s; the MD5 of the partition key picks"
        + " the shard, so one hot key always lands on one shard. For the first half of the run 80%"
        + " of the records share one key: that shard throttles (WriteProvisionedThroughputExceeded)"
        + " while the others idle. In the second half the keys are spread and nothing throttles."
        + " Reads share 5 GetRecords calls per second per shard.";
  }

  @Override
  public String docUrl() {
    return "https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html";
  }

  @Override
  public List<DemoOption> options() {
    return List.of(
        new DemoOption("shards", "4", "shards in the stream"),
        new DemoOption("rate", "2000", "records per second the producer writes"),
        new DemoOption("hot-percent", "80", "percent of records on the hot key (first half)"),
        new DemoOption("duration", "20", "simulated seconds"));
  }

  @Override
  public List<String> tourArguments() {
    return List.of("--duration", "10");
  }

  @Override
  public DemoResult run(DemoOptions options) {
    int shards = Math.max(1, options.integer("shards"));
    int rate = options.integer("rate");
    int hotPercent = Math.min(100, options.integer("hot-percent"));
    int duration = Math.max(2, options.integer("duration"));
    AwsSimulator sim = AwsSimulator.builder().seed(options.seed()).traceEnabled(false).build();
    Kinesis kinesis = sim.kinesis();
    kinesis.createStream("clicks", shards);
    // Shard-level metrics, which the charts below draw, exist only once enhanced monitoring is on.
    kinesis.enableEnhancedMonitoring("clicks", List.of("ALL"));
    RandomGenerator random = sim.random("demo/keys");
    long half = Duration.ofSeconds(duration / 2).toNanos();
    int perTick = Math.max(1, rate / 100);
    long[] throttled = new long[2];
    long[] sent = new long[2];
    sim.every(
        Duration.ofMillis(10),
        () -> {
          int phase = sim.clock().nanos() <= half ? 0 : 1;
          List<PutRecordsRequestEntry> batch = new ArrayList<>();
          for (int i = 0; i < perTick; i++) {
            boolean hot = phase == 0 && random.nextInt(100) < hotPercent;
            String key = hot ? "user-42" : "user-" + random.nextInt(1_000_000);
            batch.add(PutRecordsRequestEntry.of(new byte[200], key));
          }
          PutRecordsResult result = kinesis.putRecords("clicks", batch);
          throttled[phase] += result.failedRecordCount();
          sent[phase] += batch.size();
        });
    options.reportProgress(sim, Duration.ofSeconds(duration));
    sim.advanceBy(Duration.ofSeconds(duration));

    DemoResult result = new DemoResult(this).timeline("shard", "records accepted", "throttled");
    List<DemoResult.Series> accepted = new ArrayList<>();
    for (ShardDescription shard : kinesis.listShards("clicks").shards()) {
      Dimensions d = Dimensions.of("StreamName", "clicks", "ShardId", shard.shardId());
      accepted.add(
          Metrics.perSecond(sim, shard.shardId(), "AWS/Kinesis", "IncomingRecords", d).toResult());
      result.row(
          shard.shardId(),
          fmt(Metrics.total(sim, "AWS/Kinesis", "IncomingRecords", d)),
          fmt(Metrics.total(sim, "AWS/Kinesis", "WriteProvisionedThroughputExceeded", d)));
    }
    Dimensions stream = Dimensions.of("StreamName", "clicks");
    String sixth = sixthGetRecords(sim, kinesis);
    return result
        .keyNumber(
            "throttled, skewed keys", throttled[0] + " of " + sent[0], "1,000 records/s per shard")
        .keyNumber(
            "throttled, spread keys",
            throttled[1] + " of " + sent[1],
            "load under every shard's limit")
        .keyNumber("6th GetRecords in one second", sixth, "5 GetRecords calls/s per shard")
        .chart("Records accepted per shard per second", "records/s", accepted)
        .chart(
            "WriteProvisionedThroughputExceeded",
            "records/s",
            List.of(
                Metrics.perSecond(
                        sim,
                        "throttled records",
                        "AWS/Kinesis",
                        "WriteProvisionedThroughputExceeded",
                        stream)
                    .toResult()));
  }

  private static String sixthGetRecords(AwsSimulator sim, Kinesis kinesis) {
    String iterator =
        kinesis.getShardIterator(
            GetShardIteratorRequest.of("clicks", "shardId-000000000000", ShardIteratorType.LATEST));
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

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }
}
