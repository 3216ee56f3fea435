package dev.awssim.examples;

import dev.awssim.AwsSimulator;
import dev.awssim.dynamodb.AttributeDefinition;
import dev.awssim.dynamodb.AttributeValue;
import dev.awssim.dynamodb.BillingMode;
import dev.awssim.dynamodb.CreateTableRequest;
import dev.awssim.dynamodb.DynamoDb;
import dev.awssim.dynamodb.DynamoDbException;
import dev.awssim.dynamodb.GlobalSecondaryIndex;
import dev.awssim.dynamodb.KeySchemaElement;
import dev.awssim.dynamodb.KeyType;
import dev.awssim.dynamodb.Projection;
import dev.awssim.dynamodb.ProvisionedThroughput;
import dev.awssim.dynamodb.ScalarAttributeType;
import dev.awssim.dynamodb.capacity.PartitionView;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB throttling: burst capacity absorbing a spike and running out, the per-key ceiling of
 * 1,000 WCU/s, and a GSI with too little capacity throttling writes to its base table.
 */
final class DynamoDbHotPartitionDemo implements Demo {
  private static final String ITEM_KB = "x".repeat(900);

  @Override
  public String name() {
    return "dynamodb-hot-partition";
  }

  @Override
  public String title() {
    return "DynamoDB: burst capacity, the hot-key ceiling and GSI back-pressure";
  }

  @Override
  public String rule() {
    return "A provisioned table keeps up to 300 seconds of unused capacity as burst. After an idle"
        + " spell, writes above the provisioned rate pass until the burst is spent, then throttle"
        + " (ProvisionedThroughputExceededException). One partition key never takes more than"
        + " 1,000 WCU/s, however large the table. A GSI that cannot absorb its share of a write"
        + " throttles the write to the base table.";
  }

  @Override
  public String docUrl() {
    return "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html";
  }

  @Override
  public List<DemoOption> options() {
    return List.of(
        new DemoOption("wcu", "100", "the table's provisioned write capacity units"),
        new DemoOption("rate", "400", "one-KB writes per second after the idle spell"),
        new DemoOption("idle", "300", "idle seconds before the spike"),
        new DemoOption("spike", "150", "seconds of the spike"));
  }

  @Override
  public List<String> tourArguments() {
    return List.of("--spike", "120");
  }

  @Override
  public DemoResult run(DemoOptions options) {
    long wcu = options.integer("wcu");
    int rate = options.integer("rate");
    int idle = options.integer("idle");
    int spike = options.integer("spike");
    AwsSimulator sim = AwsSimulator.builder().seed(options.seed()).traceEnabled(false).build();
    DynamoDb db = sim.dynamoDb();
    createTable(db, "orders", wcu, null);
    options.reportProgress(sim, Duration.ofSeconds(idle + spike));
    sim.advanceBy(Duration.ofSeconds(idle));

    Series accepted = new Series("writes accepted/s");
    Series throttled = new Series("writes throttled/s");
    Series burst = new Series("burst balance (WCU)");
    int[] key = {0};
    double[] firstThrottle = {-1};
    DemoResult result = new DemoResult(this).timeline("t", "accepted", "throttled", "burst left");
    for (int second = 0; second < spike; second++) {
      int ok = 0;
      int refused = 0;
      for (int i = 0; i < rate; i++) {
        try {
          db.putItem("orders", item("order-" + key[0]++));
          ok++;
        } catch (DynamoDbException e) {
          refused++;
        }
      }
      double balance =
          db.capacity().partitions("orders", null).stream()
              .mapToDouble(PartitionView::writeBurstBalance)
              .sum();
      if (refused > 0 && firstThrottle[0] < 0) {
        firstThrottle[0] = second;
      }
      accepted.add(second, ok);
      throttled.add(second, refused);
      burst.add(second, balance);
      if (second % 10 == 0 || (refused > 0 && firstThrottle[0] == second)) {
        result.row(
            second + " s",
            Integer.toString(ok),
            Integer.toString(refused),
            String.format(java.util.Locale.ROOT, "%.0f", balance));
      }
      sim.advanceBy(Duration.ofSeconds(1));
    }
    return result
        .keyNumber(
            "spike second of the first throttle",
            firstThrottle[0] < 0 ? "none" : (long) firstThrottle[0] + " s",
            "burst = "
                + idle
                + " s x "
                + wcu
                + " WCU saved, spent at "
                + (rate - wcu)
                + " WCU/s over the rate")
        .keyNumber(
            "hot key at 1,200 writes/s on 10,000 WCU",
            hotKeyThrottled(options.seed()) + " throttled/s",
            "one partition key: 1,000 WCU/s at most")
        .keyNumber(
            "base writes throttled by a 5-WCU GSI",
            gsiThrottled(options.seed()),
            "a GSI without capacity throttles its base table")
        .chart("Writes per second during the spike", "writes/s", Series.all(accepted, throttled))
        .chart("Burst capacity left", "WCU", Series.all(burst));
  }

  private static int hotKeyThrottled(long seed) {
    AwsSimulator sim = AwsSimulator.builder().seed(seed).traceEnabled(false).build();
    DynamoDb db = sim.dynamoDb();
    createTable(db, "hot", 10_000, null);
    int refused = 0;
    for (int i = 0; i < 1_200; i++) {
      try {
        db.putItem("hot", item("the-hot-key"));
      } catch (DynamoDbException e) {
        refused++;
      }
    }
    return refused;
  }

  private static String gsiThrottled(long seed) {
    AwsSimulator sim = AwsSimulator.builder().seed(seed).traceEnabled(false).build();
    DynamoDb db = sim.dynamoDb();
    createTable(db, "indexed", 1_000, "byStatus");
    int refused = 0;
    String reason = "";
    for (int i = 0; i < 20; i++) {
      try {
        db.putItem("indexed", item("order-" + i));
      } catch (DynamoDbException e) {
        refused++;
        reason = e.throttlingReasons().isEmpty() ? "" : e.throttlingReasons().get(0).reason();
      }
    }
    return refused + " of 20 (" + reason + ")";
  }

  private static void createTable(DynamoDb db, String name, long wcu, String gsi) {
    CreateTableRequest.Builder table =
        CreateTableRequest.builder(name)
            .keySchema(List.of(new KeySchemaElement("pk", KeyType.HASH)))
            .attributeDefinitions(
                gsi == null
                    ? List.of(new AttributeDefinition("pk", ScalarAttributeType.S))
                    : List.of(
                        new AttributeDefinition("pk", ScalarAttributeType.S),
                        new AttributeDefinition("status", ScalarAttributeType.S)))
            .billingMode(BillingMode.PROVISIONED)
            .provisionedThroughput(new ProvisionedThroughput(wcu, wcu));
    if (gsi != null) {
      table.globalSecondaryIndexes(
          List.of(
              new GlobalSecondaryIndex(
                  gsi,
                  List.of(new KeySchemaElement("status", KeyType.HASH)),
                  Projection.all(),
                  new ProvisionedThroughput(5, 5))));
    }
    db.createTable(table.build());
  }

  private static Map<String, AttributeValue> item(String key) {
    return Map.of(
        "pk",
        AttributeValue.s(key),
        "status",
        AttributeValue.s("NEW"),
        "body",
        AttributeValue.s(ITEM_KB));
  }
}
