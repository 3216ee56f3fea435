package dev.awssim.classroom;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.trace.TraceEvent;
import dev.awssim.examples.DemoResult;
import dev.awssim.examples.LiveDemo;
import dev.awssim.kinesis.KinesisLimits;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Kinesis hot shard, live: records accepted per shard per second against the 1,000 records/s
 * limit of each shard, and the records throttled.
 */
final class KinesisScenario implements Scenario {
  private final LiveDemo demo;

  KinesisScenario(LiveDemo demo) {
    this.demo = demo;
  }

  @Override
  public LiveDemo demo() {
    return demo;
  }

  @Override
  public List<ChartView> charts(AwsSimulator sim, String resource) {
    return List.of(
        new ChartView(
            "Records accepted per shard per second",
            "records/s",
            List.of(
                new DemoResult.Limit(
                    "1,000 records/s per shard",
                    (double) KinesisLimits.SHARD_WRITE_RECORDS_PER_SECOND))),
        new ChartView("Records throttled per second", "records/s", List.of()));
  }

  @Override
  public Slot slot(MetricKey key, String resource) {
    if (!key.namespace().equals("AWS/Kinesis")
        || !resource.equals(key.dimensions().asMap().get("StreamName"))) {
      return null;
    }
    String shard = key.dimensions().asMap().get("ShardId");
    if (shard != null && key.metricName().equals("IncomingRecords")) {
      return new Slot(0, shard, "step");
    }
    if (shard == null && key.metricName().equals("WriteProvisionedThroughputExceeded")) {
      return new Slot(1, "WriteProvisionedThroughputExceeded", "step");
    }
    return null;
  }

  @Override
  public Map<Slot, Double> gauges(AwsSimulator sim, String resource) {
    return Map.of();
  }

  @Override
  public String why(TraceEvent event, AwsSimulator sim, String resource) {
    if (!event.type().service().equals("kinesis") || !event.type().name().equals("THROTTLED")) {
      return null;
    }
    String limit = event.attribute("limit");
    String rule =
        "bytes/s".equals(limit)
            ? "over its write limit of 1 MiB/s ("
                + String.format(Locale.ROOT, "%,d", KinesisLimits.SHARD_WRITE_BYTES_PER_SECOND)
                + " bytes/s)"
            : "over its write limit of "
                + String.format(Locale.ROOT, "%,d", KinesisLimits.SHARD_WRITE_RECORDS_PER_SECOND)
                + " records/s";
    String shard = event.attribute("shardId");
    String key = event.attribute("partitionKey");
    return "Shard "
        + (shard == null ? "?" : shard)
        + " of stream "
        + event.resource()
        + " refused a record"
        + (key == null ? "" : " with partition key " + key)
        + ": "
        + rule
        + " (ProvisionedThroughputExceededException). The MD5 hash of the partition key picks the"
        + " shard, so one hot key always lands on the same shard.";
  }
}
