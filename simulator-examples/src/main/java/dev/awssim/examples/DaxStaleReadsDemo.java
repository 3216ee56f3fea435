package dev.awssim.examples;

import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.RetryMode;
import dev.awssim.awssdk.SimulatedAws;
import dev.awssim.dax.DaxClusterConfig;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DAX: a reader reads one item through a DAX cluster every second; a writer changes the item
 * straight in DynamoDB, bypassing DAX. The cluster keeps serving the old value until the cached
 * entry's TTL runs out, while the table's read capacity shows only the cache misses.
 */
final class DaxStaleReadsDemo implements Demo {
  private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("p1"));

  @Override
  public String name() {
    return "dax-stale-reads";
  }

  @Override
  public String title() {
    return "DAX: stale reads after a write that bypassed the cache";
  }

  @Override
  public String rule(DemoOptions options) {
    return "DAX caches an item the first time it is read (eventually consistent) and serves it"
        + " for the item cache's TTL ("
        + options.integer("ttl-s")
        + " s here; 5 minutes by default). A write made through DAX updates the cache; a write"
        + " made straight to DynamoDB does not, so DAX keeps returning the old value until the"
        + " entry expires. A read with ConsistentRead=true always goes to the table and is never"
        + " cached.";
  }

  @Override
  public String docUrl() {
    return "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.consistency.html";
  }

  @Override
  public List<DemoOption> options() {
    return List.of(
        DemoOption.between("ttl-s", "300", 1, 3_600, "the item cache's TTL, seconds"),
        DemoOption.between("write-at-s", "60", 1, 3_600, "when the writer bypasses DAX"),
        DemoOption.between("duration-s", "420", 10, 7_200, "how long the reader reads"));
  }

  @Override
  public List<String> tourArguments() {
    return List.of("--ttl-s", "60", "--write-at-s", "20", "--duration-s", "120");
  }

  @Override
  public DemoResult run(DemoOptions options) {
    int ttl = options.integer("ttl-s");
    int writeAt = options.integer("write-at-s");
    int duration = options.integer("duration-s");
    AwsSimulator sim = AwsSimulator.withSeed(options.seed());
    SimulatedAws aws = SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build();
    DynamoDbClient db = aws.dynamoDbClient();
    db.createTable(
        b ->
            b.tableName("prices")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(
                    a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(10L)));
    sim.dax()
        .createCluster(
            "prices-cache", DaxClusterConfig.defaults().withItemTtl(Duration.ofSeconds(ttl)));
    DynamoDbClient dax = aws.daxClient("prices-cache");
    put(db, 1);

    Series inTable = new Series("version in the table");
    Series served = new Series("version DAX serves");
    Series rcu = new Series("table RCU consumed per second");
    DemoResult result = new DemoResult(this, options).timeline("t", "event", "table", "DAX serves");
    int staleReads = 0;
    int firstFresh = -1;
    MetricKey consumed =
        new MetricKey(
            "AWS/DynamoDB", "ConsumedReadCapacityUnits", Dimensions.of("TableName", "prices"));
    double consumedBefore = 0;
    for (int t = 0; t < duration; t++) {
      if (t == writeAt) {
        put(db, 2);
        result.row(Numbers.seconds(t), "writer: version 2 straight to DynamoDB", "2", "1");
      }
      int tableVersion = version(db, true);
      int daxVersion = version(dax, false);
      if (daxVersion != tableVersion) {
        staleReads++;
      } else if (t >= writeAt && firstFresh < 0) {
        firstFresh = t;
        result.row(Numbers.seconds(t), "DAX's entry expired: a miss reads version 2", "2", "2");
      }
      inTable.add(t, tableVersion);
      served.add(t, daxVersion);
      double total = sim.metrics().total(consumed);
      rcu.add(t, total - consumedBefore);
      consumedBefore = total;
      sim.advanceBy(Duration.ofSeconds(1));
    }
    double daxHits =
        sim.metrics()
            .total(
                new MetricKey(
                    "AWS/DAX", "ItemCacheHits", Dimensions.of("ClusterId", "prices-cache")));
    return result
        .keyNumber(
            "stale reads",
            Integer.toString(staleReads),
            "reads that returned version 1 after version 2 was written, one per second")
        .keyNumber(
            "stale for",
            firstFresh < 0 ? "the whole run" : Numbers.seconds(firstFresh - writeAt),
            "the entry cached at t = 0 s lives until t = " + ttl + " s")
        .keyNumber(
            "DAX item cache hits",
            Numbers.count((long) daxHits),
            "reads DAX answered without touching the table")
        .chart(
            DemoResult.Chart.of(
                    "Item version: in the table vs served by DAX",
                    "version",
                    duration,
                    Series.all(inTable, served))
                .mark("write bypasses DAX", writeAt)
                .mark("entry's TTL ends", ttl))
        .chart(
            DemoResult.Chart.of(
                "Table read capacity per second (a strongly consistent check read each second"
                    + " plus DAX's misses)",
                "RCU",
                duration,
                Series.all(rcu)));
  }

  private static void put(DynamoDbClient client, int version) {
    client.putItem(
        b ->
            b.tableName("prices")
                .item(
                    Map.of(
                        "id", AttributeValue.fromS("p1"),
                        "version", AttributeValue.fromN(Integer.toString(version)))));
  }

  private static int version(DynamoDbClient client, boolean consistent) {
    return Integer.parseInt(
        client
            .getItem(b -> b.tableName("prices").key(KEY).consistentRead(consistent))
            .item()
            .get("version")
            .n());
  }
}
