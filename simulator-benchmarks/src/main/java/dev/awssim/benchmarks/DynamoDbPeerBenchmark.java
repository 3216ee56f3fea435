package dev.awssim.benchmarks;

import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.SimulatedAws;
import dev.awssim.internal.Scheduler;
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
 * The same {@link DynamoDbClient} calls against awssim's SDK client and DynamoDB Local 2.6.1
 * embedded: PutItem of a ~200-byte item, GetItem from 10,000 items, Query returning 10 items
 * (target: awssim at least 100x DynamoDB Local on each). On-demand tables; awssim's virtual clock
 * moves 1 ms per call, within a new on-demand table's 4,000 writes/s, so its capacity model admits
 * every call (DynamoDB Local has no capacity model).
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

  @Param({"awssim", "dynamodb-local"})
  String backend;

  private DynamoDbClient client;
  private Scheduler scheduler;
  private AmazonDynamoDBLocal local;
  private final Map<String, AttributeValue>[] items = items();
  private int next;

  /** A table with 10,000 items in 1,000 partitions of 10. */
  @Setup
  public void setUp() {
    if (backend.equals("awssim")) {
      client =
          SimulatedAws.from(AwsSimulator.builder().seed(42).traceEnabled(false).build())
              .dynamoDbClient();
    } else {
      local = Peers.dynamoDbLocal();
      client = local.dynamoDbClient();
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

  /** Shuts DynamoDB Local down. */
  @TearDown
  public void tearDown() {
    if (local != null) {
      local.shutdown();
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

  /** Moves awssim's virtual clock 1 ms; DynamoDB Local runs on the wall clock. */
  private void tick() {
    if (scheduler != null) {
      scheduler.advanceToNanos(scheduler.clock().nanos() + 1_000_000);
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
