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
import dev.awssim.dynamodb.capacity.CapacityKnobs;
import dev.awssim.dynamodb.capacity.PartitionView;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB throttling: burst capacity absorbing a spike and running out, the per-key ceiling of
 * 1,000 WCU/s, and a GSI with too little capacity throttling writes to its base table.
 */
final class DynamoDbHotPartitionDemo implements LiveDemo {
  /** The table the spike writes to. */
  static final String TABLE = "orders";

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
  public String rule(DemoOptions options) {
    long wcu = options.integer("wcu");
    int idle = options.integer("idle");
    return "A provisioned table keeps up to "
        + CapacityKnobs.BURST_SECONDS
        + " seconds of unused capacity as burst. Here a table of "
        + Numbers.count(wcu)
        + " WCU idles for "
        + Numbers.count(idle)
        + " s (saving up to "
        + Numbers.count(Math.min(idle, CapacityKnobs.BURST_SECONDS) * wcu)
        + " WCU), then takes "
        + Numbers.count(options.integer("rate"))
        + " one-KB writes a second: writes above the provisioned rate pass until the burst is"
        + " spent, then throttle (ProvisionedThroughputExceededException). One partition key never"
        + " takes more than "
        + Numbers.count(CapacityKnobs.PARTITION_WRITE_UNITS)
        + " WCU/s, however large the table. A GSI that cannot absorb its share of a write throttles"
        + " the write to the base table.";
  }

  @Override
  public String docUrl() {
    return "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html";
  }

  @Override
  public List<DemoOption> options() {
    return List.of(
        DemoOption.checkedByAws(
            "wcu", "100", "the table's provisioned write capacity units (AWS: at least 1)"),
        DemoOption.between(
            "rate", "400", 1, 20_000, "one-KB writes per second after the idle spell"),
        DemoOption.between("idle", "300", 0, 3_600, "idle seconds before the spike"),
        DemoOption.between("spike", "150", 1, 3_600, "seconds of the spike"));
  }

  @Override
  public List<String> tourArguments() {
    return List.of("--spike", "120");
  }

  @Override
  public Run start(AwsSimulator sim, DemoOptions options) {
    long wcu = options.integer("wcu");
    int idle = options.integer("idle");
    int spike = options.integer("spike");
    DynamoDb db = sim.dynamoDb();
    createTable(db, TABLE, wcu, null);
    Spike run = new Spike(this, sim, options, idle + spike);
    sim.at(sim.now(), run::second);
    return run;
  }

  /**
   * The idle spell, then the spike: one task per second of the run (at 0 s, 1 s, ...), each writing
   * that second's items at its start, and a last one at the end reading the burst left.
   */
  private static final class Spike implements Run {
    private final DynamoDbHotPartitionDemo demo;
    private final AwsSimulator sim;
    private final DemoOptions options;
    private final int idle;
    private final int rate;
    private final int end;
    private final Series accepted = new Series("writes accepted/s");
    private final Series throttled = new Series("writes throttled/s");
    private final Series burst = new Series("burst balance (WCU)");
    private final DemoResult result;
    private int second;
    private int key;
    private double firstThrottle = -1;
    private boolean stopped;

    Spike(DynamoDbHotPartitionDemo demo, AwsSimulator sim, DemoOptions options, int end) {
      this.demo = demo;
      this.sim = sim;
      this.options = options;
      this.idle = options.integer("idle");
      this.rate = options.integer("rate");
      this.end = end;
      this.result =
          new DemoResult(demo, options).timeline("t", "accepted", "throttled", "burst left");
    }

    void second() {
      if (stopped) {
        return;
      }
      DynamoDb db = sim.dynamoDb();
      if (second == end) {
        burst.add(end, burstBalance(db));
        stopped = true;
        return;
      }
      if (second < idle) {
        accepted.add(second, 0);
        throttled.add(second, 0);
        burst.add(second, burstBalance(db));
      } else {
        spikeSecond(db);
      }
      second++;
      sim.after(Duration.ofSeconds(1), this::second);
    }

    private void spikeSecond(DynamoDb db) {
      double balanceBefore = burstBalance(db);
      int ok = 0;
      int refused = 0;
      for (int i = 0; i < rate; i++) {
        try {
          db.putItem(TABLE, item("order-" + key++));
          ok++;
        } catch (DynamoDbException e) {
          refused++;
        }
      }
      if (refused > 0 && firstThrottle < 0) {
        firstThrottle = second - idle;
      }
      accepted.add(second, ok);
      throttled.add(second, refused);
      burst.add(second, balanceBefore);
      if ((second - idle) % 10 == 0 || (refused > 0 && firstThrottle == second - idle)) {
        result.row(
            second + " s",
            Numbers.count(ok),
            Numbers.count(refused),
            Numbers.count(Math.round(burstBalance(db))));
      }
    }

    @Override
    public Duration duration() {
      return Duration.ofSeconds(end);
    }

    @Override
    public String resource() {
      return TABLE;
    }

    @Override
    public DemoResult finish() {
      stopped = true;
      return demo.result(result, options, end, accepted, throttled, burst, firstThrottle);
    }
  }

  private DemoResult result(
      DemoResult result,
      DemoOptions options,
      int end,
      Series accepted,
      Series throttled,
      Series burst,
      double firstThrottle) {
    long wcu = options.integer("wcu");
    int rate = options.integer("rate");
    int idle = options.integer("idle");
    DemoResult.Chart writes =
        DemoResult.Chart.of(
                "Writes per second: idle, then the spike",
                "writes/s",
                end,
                Series.all(accepted, throttled))
            .limit("provisioned WCU", (double) wcu)
            .mark("spike starts", idle);
    DemoResult.Chart balance =
        DemoResult.Chart.of(
                "Burst capacity: saved while idle, spent during the spike",
                "unused WCU saved",
                end,
                Series.all(burst))
            .limit(
                "burst cap: " + CapacityKnobs.BURST_SECONDS + " s x provisioned WCU",
                (double) (CapacityKnobs.BURST_SECONDS * wcu))
            .mark("spike starts", idle);
    if (firstThrottle >= 0) {
      writes = writes.mark("first throttle", idle + firstThrottle);
      balance = balance.mark("first throttle", idle + firstThrottle);
    }
    HotKey hotKey = hotKey(options.seed());
    Gsi gsi = gsi(options.seed());
    return result
        .keyNumber(
            "spike second of the first throttle",
            firstThrottle < 0 ? "none" : (long) firstThrottle + " s",
            "burst = "
                + Math.min(idle, CapacityKnobs.BURST_SECONDS)
                + " s x "
                + Numbers.count(wcu)
                + " WCU saved, spent at "
                + Numbers.count(Math.max(0, rate - wcu))
                + " WCU/s over the rate")
        .keyNumber(
            "hot key at 1,200 writes/s on 10,000 WCU",
            Numbers.count(hotKey.firstSecondThrottled) + " throttled/s",
            "one partition key: 1,000 WCU/s at most")
        .keyNumber(
            "base writes throttled by a 5-WCU GSI",
            gsi.firstSecond,
            "a GSI without capacity throttles its base table")
        .chart(writes)
        .chart(balance)
        .chart(
            DemoResult.Chart.of(
                    "One hot partition key on a 10,000-WCU table, 1,200 writes/s",
                    "writes/s",
                    HOT_SECONDS,
                    Series.all(hotKey.accepted, hotKey.throttled))
                .limit("WCU per partition key", (double) CapacityKnobs.PARTITION_WRITE_UNITS))
        .chart(
            DemoResult.Chart.of(
                    "Base-table writes with a 5-WCU GSI, 20 writes/s",
                    "writes/s",
                    GSI_SECONDS,
                    Series.all(gsi.accepted, gsi.throttled))
                .limit("the GSI's provisioned WCU", (double) GSI_WCU));
  }

  private static final int HOT_SECONDS = 5;
  private static final int HOT_RATE = 1_200;
  private static final int GSI_SECONDS = 5;
  private static final int GSI_RATE = 20;
  private static final long GSI_WCU = 5;

  private static double burstBalance(DynamoDb db) {
    return db.capacity().partitions(TABLE, null).stream()
        .mapToDouble(PartitionView::writeBurstBalance)
        .sum();
  }

  /** One key written 1,200 times a second. */
  private static final class HotKey {
    final Series accepted = new Series("hot key: writes accepted/s");
    final Series throttled = new Series("hot key: writes throttled/s");
    int firstSecondThrottled = -1;
  }

  private static HotKey hotKey(long seed) {
    AwsSimulator sim = AwsSimulator.builder().seed(seed).traceEnabled(false).build();
    DynamoDb db = sim.dynamoDb();
    createTable(db, "hot", 10_000, null);
    HotKey hot = new HotKey();
    for (int second = 0; second < HOT_SECONDS; second++) {
      int refused = 0;
      for (int i = 0; i < HOT_RATE; i++) {
        try {
          db.putItem("hot", item("the-hot-key"));
        } catch (DynamoDbException e) {
          refused++;
        }
      }
      if (hot.firstSecondThrottled < 0) {
        hot.firstSecondThrottled = refused;
      }
      hot.accepted.add(second, HOT_RATE - refused);
      hot.throttled.add(second, refused);
      sim.advanceBy(Duration.ofSeconds(1));
    }
    return hot;
  }

  /** Writes to a table whose GSI has 5 WCU. */
  private static final class Gsi {
    final Series accepted = new Series("base writes accepted/s");
    final Series throttled = new Series("base writes throttled/s");
    String firstSecond;
  }

  private static Gsi gsi(long seed) {
    AwsSimulator sim = AwsSimulator.builder().seed(seed).traceEnabled(false).build();
    DynamoDb db = sim.dynamoDb();
    createTable(db, "indexed", 1_000, "byStatus");
    Gsi gsi = new Gsi();
    int written = 0;
    for (int second = 0; second < GSI_SECONDS; second++) {
      int refused = 0;
      String reason = "";
      for (int i = 0; i < GSI_RATE; i++) {
        try {
          db.putItem("indexed", item("order-" + written++));
        } catch (DynamoDbException e) {
          refused++;
          reason = e.throttlingReasons().isEmpty() ? "" : e.throttlingReasons().get(0).reason();
        }
      }
      if (gsi.firstSecond == null) {
        gsi.firstSecond = refused + " of " + GSI_RATE + " (" + reason + ")";
      }
      gsi.accepted.add(second, GSI_RATE - refused);
      gsi.throttled.add(second, refused);
      sim.advanceBy(Duration.ofSeconds(1));
    }
    return gsi;
  }

  static void createTable(DynamoDb db, String name, long wcu, String gsi) {
    CreateTableRequest table =
        CreateTableRequest.of(name)
            .withKeySchema(List.of(new KeySchemaElement("pk", KeyType.HASH)))
            .withAttributeDefinitions(
                gsi == null
                    ? List.of(new AttributeDefinition("pk", ScalarAttributeType.S))
                    : List.of(
                        new AttributeDefinition("pk", ScalarAttributeType.S),
                        new AttributeDefinition("status", ScalarAttributeType.S)))
            .withBillingMode(BillingMode.PROVISIONED)
            .withProvisionedThroughput(new ProvisionedThroughput(wcu, wcu));
    if (gsi != null) {
      table =
          table.withGlobalSecondaryIndexes(
              List.of(
                  new GlobalSecondaryIndex(
                      gsi,
                      List.of(new KeySchemaElement("status", KeyType.HASH)),
                      Projection.all(),
                      new ProvisionedThroughput(GSI_WCU, GSI_WCU))));
    }
    db.createTable(table);
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
