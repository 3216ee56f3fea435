package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.SimulatedAws;
import dev.awssim.wire.WireServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The same {@link DynamoDbClient} calls against awssim's in-process SDK client, awssim's wire
 * server over loopback, and an open-source DynamoDB emulator as its own HTTP server (dynalite
 * 4.0.0, see {@link Peers#dynalite()}): PutItem of a ~200-byte item, GetItem from 10,000 items,
 * Query returning 10 items. Targets: the in-process client at least 100x the peer server on GetItem
 * and Query (issue 17), the wire server at least 3x it on PutItem and GetItem (issue 24). Every
 * HTTP target is reached through the SDK's Apache HTTP client with keep-alive.
 *
 * <p>{@code -p backend=dynamodb-local -Dpeer.dynamodbLocal.jar=/path/DynamoDBLocal.jar} adds a
 * user's own DynamoDB Local download (never fetched by the build). On-demand tables; awssim's
 * virtual clock moves 1 ms per call, within a new on-demand table's 4,000 writes/s, so its capacity
 * model admits every call (the peers have no capacity model).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DynamoDbPeerBenchmark {
  private static final int ITEMS = 10_000;
  private static final int PER_PARTITION = 10;
  private static final Duration ONE_MS = Duration.ofMillis(1);

  @Param({"awssim", "awssim-wire", "dynalite"})
  String backend;

  private DynamoDbClient client;
  private AwsSimulator sim;
  private WireServer wire;
  private Peers.PeerProcess peer;
  private final Map<String, AttributeValue>[] items = items();
  private int next;

  /** A table with 10,000 items in 1,000 partitions of 10. */
  @Setup
  public void setUp() {
    switch (backend) {
      case "awssim" -> {
        sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
        client = SimulatedAws.from(sim).dynamoDbClient();
      }
      case "awssim-wire" -> {
        sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
        wire = Peers.wire(sim);
        client = Peers.dynamoDbClient(wire.endpoint());
      }
      case "dynalite" -> {
        peer = Peers.dynalite();
        client = Peers.dynamoDbClient(peer.endpoint());
      }
      case "dynamodb-local" -> {
        peer = Peers.dynamoDbLocal();
        client = Peers.dynamoDbClient(peer.endpoint());
      }
      default -> throw new IllegalArgumentException("unknown backend " + backend);
    }
    client.createTable(
        b ->
            b.tableName("bench")
                .keySchema(
                    KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                    KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("pk")
                        .attributeType(ScalarAttributeType.S)
                        .build(),
                    AttributeDefinition.builder()
                        .attributeName("sk")
                        .attributeType(ScalarAttributeType.N)
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
    for (Map<String, AttributeValue> item : items) {
      tick();
      client.putItem(PutItemRequest.builder().tableName("bench").item(item).build());
    }
  }

  /** Stops the servers. */
  @TearDown
  public void tearDown() {
    client.close();
    if (wire != null) {
      wire.close();
    }
    if (peer != null) {
      peer.close();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, AttributeValue>[] items() {
    Map<String, AttributeValue>[] items = new Map[ITEMS];
    for (int i = 0; i < ITEMS; i++) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("pk", AttributeValue.fromS("customer#" + i / PER_PARTITION));
      item.put("sk", AttributeValue.fromN(Integer.toString(i % PER_PARTITION)));
      item.put("name", AttributeValue.fromS("customer-name-" + i));
      item.put("email", AttributeValue.fromS("customer" + i + "@example.com"));
      item.put("notes", AttributeValue.fromS("x".repeat(100)));
      items[i] = item;
    }
    return items;
  }

  /** Moves awssim's virtual clock 1 ms; the peers run on the wall clock. */
  private void tick() {
    if (sim != null) {
      sim.advanceBy(ONE_MS);
    }
  }

  /** PutItem of a ~200-byte item over an existing one. */
  @Benchmark
  public Object putItem() {
    tick();
    return client.putItem(
        PutItemRequest.builder().tableName("bench").item(items[next++ % ITEMS]).build());
  }

  /** GetItem of one of 10,000 items. */
  @Benchmark
  public Object getItem() {
    tick();
    Map<String, AttributeValue> item = items[next++ % ITEMS];
    return client.getItem(
        GetItemRequest.builder()
            .tableName("bench")
            .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))
            .build());
  }

  /** Query returning the 10 items of one partition key. */
  @Benchmark
  public Object query() {
    tick();
    String pk = "customer#" + (next++ % (ITEMS / PER_PARTITION));
    return client.query(
        QueryRequest.builder()
            .tableName("bench")
            .keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
            .build());
  }
}
