package dev.awssim.classroom;

import dev.awssim.AwsSimulator;
import dev.awssim.dynamodb.capacity.CapacityKnobs;
import dev.awssim.dynamodb.capacity.PartitionView;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.trace.TraceEvent;
import dev.awssim.examples.DemoResult;
import dev.awssim.examples.LiveDemo;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DynamoDB hot partition, live: write capacity consumed and throttled per second against the
 * provisioned WCU, and the burst balance saved while idle and spent in the spike.
 */
final class DynamoDbScenario implements Scenario {
  private static final Slot BURST = new Slot(1, "burst balance (WCU)", "line");

  private final LiveDemo demo;

  DynamoDbScenario(LiveDemo demo) {
    this.demo = demo;
  }

  @Override
  public LiveDemo demo() {
    return demo;
  }

  private static long wcu(AwsSimulator sim, String table) {
    return sim.dynamoDb().describeTable(table).provisionedThroughput().writeCapacityUnits();
  }

  @Override
  public List<ChartView> charts(AwsSimulator sim, String resource) {
    long wcu = wcu(sim, resource);
    return List.of(
        new ChartView(
            "Writes per second: idle, then the spike",
            "writes/s (1 KB = 1 WCU)",
            List.of(new DemoResult.Limit("provisioned WCU", (double) wcu))),
        new ChartView(
            "Burst capacity: saved while idle, spent during the spike",
            "unused WCU saved",
            List.of(
                new DemoResult.Limit(
                    "burst cap: " + CapacityKnobs.BURST_SECONDS + " s x provisioned WCU",
                    (double) (CapacityKnobs.BURST_SECONDS * wcu)))));
  }

  @Override
  public Slot slot(MetricKey key, String resource) {
    Map<String, String> d = key.dimensions().asMap();
    if (!key.namespace().equals("AWS/DynamoDB")
        || d.size() != 1
        || !resource.equals(d.get("TableName"))) {
      return null;
    }
    return switch (key.metricName()) {
      case "ConsumedWriteCapacityUnits" -> new Slot(0, "writes accepted/s", "step");
      case "WriteThrottleEvents" -> new Slot(0, "writes throttled/s", "step");
      default -> null;
    };
  }

  @Override
  public Map<Slot, Double> gauges(AwsSimulator sim, String resource) {
    double burst =
        sim.dynamoDb().capacity().partitions(resource, null).stream()
            .mapToDouble(PartitionView::writeBurstBalance)
            .sum();
    return Map.of(BURST, burst);
  }

  @Override
  public String why(TraceEvent event, AwsSimulator sim, String resource) {
    String reason = event.attribute("reason");
    if (!event.type().service().equals("dynamodb")
        || !event.type().name().equals("THROTTLED")
        || reason == null) {
      return null;
    }
    long wcu = wcu(sim, resource);
    String rule;
    if (reason.startsWith("Index")) {
      rule = "a global secondary index has too little capacity for its share of the write.";
    } else if (reason.startsWith("KeyRange") || reason.contains("Partition")) {
      rule =
          String.format(
              Locale.ROOT,
              "one partition takes at most %,d WCU/s, however large the table.",
              CapacityKnobs.PARTITION_WRITE_UNITS);
    } else {
      rule =
          String.format(
              Locale.ROOT,
              "writes above the table's %,d provisioned WCU pass only while burst capacity lasts"
                  + " (up to %d s of unused capacity, %,d WCU), and it is spent.",
              wcu,
              CapacityKnobs.BURST_SECONDS,
              CapacityKnobs.BURST_SECONDS * wcu);
    }
    return "Table "
        + resource
        + ", partition "
        + event.attribute("partition")
        + ", partition key "
        + event.attribute("partitionKey")
        + ": "
        + reason
        + " (ProvisionedThroughputExceededException): "
        + rule;
  }
}
