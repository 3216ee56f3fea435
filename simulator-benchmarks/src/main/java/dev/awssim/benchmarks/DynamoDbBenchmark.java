package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.dynamodb.AttributeDefinition;
import dev.awssim.dynamodb.AttributeValue;
import dev.awssim.dynamodb.BillingMode;
import dev.awssim.dynamodb.CreateTableRequest;
import dev.awssim.dynamodb.DynamoDb;
import dev.awssim.dynamodb.KeySchemaElement;
import dev.awssim.dynamodb.KeyType;
import dev.awssim.dynamodb.ScalarAttributeType;
import dev.awssim.internal.Scheduler;
import dev.awssim.internal.SimulatorAccess;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The DynamoDB model through its core API, single thread, trace off, capacity accounting on:
 * PutItem of a ~200-byte item and GetItem from 10,000 items (target: 1,000,000 ops/s each). Each
 * operation is 1 ms of virtual time after the last, within a new on-demand table's 4,000 writes/s,
 * so the capacity model charges and admits every one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DynamoDbBenchmark {
  static final int ITEMS = 10_000;

  private DynamoDb dynamoDb;
  private Scheduler scheduler;
  private final Map<String, AttributeValue>[] items = DynamoDbItems.items(ITEMS);
  private final Map<String, AttributeValue>[] keys = DynamoDbItems.keys(ITEMS);
  private int next;

  /** A table holding 10,000 items of about 200 bytes. */
  @Setup
  public void setUp() {
    AwsSimulator sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
    dynamoDb = sim.dynamoDb();
    scheduler = SimulatorAccess.scheduler(sim);
    dynamoDb.createTable(
        CreateTableRequest.of("bench")
            .withKeySchema(List.of(new KeySchemaElement("pk", KeyType.HASH)))
            .withAttributeDefinitions(List.of(new AttributeDefinition("pk", ScalarAttributeType.S)))
            .withBillingMode(BillingMode.PAY_PER_REQUEST));
    for (Map<String, AttributeValue> item : items) {
      tick();
      dynamoDb.putItem("bench", item);
    }
  }

  private void tick() {
    scheduler.advanceToNanos(scheduler.clock().nanos() + 1_000_000);
  }

  /** PutItem of a ~200-byte item over an existing one. */
  @Benchmark
  public Object putItem() {
    tick();
    return dynamoDb.putItem("bench", items[next++ % ITEMS]);
  }

  /** GetItem of one of 10,000 items. */
  @Benchmark
  public Object getItem() {
    tick();
    return dynamoDb.getItem("bench", keys[next++ % ITEMS]);
  }
}
