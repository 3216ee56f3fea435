package dev.awssim.benchmarks;

import com.google.common.collect.ImmutableMap;
import dev.awssim.AwsSimulator;
import dev.awssim.apigateway.ApiGateway;
import dev.awssim.apigateway.ApiRequest;
import dev.awssim.apigateway.ThrottleSettings;
import dev.awssim.dynamodb.AttributeDefinition;
import dev.awssim.dynamodb.AttributeValue;
import dev.awssim.dynamodb.BillingMode;
import dev.awssim.dynamodb.CreateTableRequest;
import dev.awssim.dynamodb.DynamoDb;
import dev.awssim.dynamodb.KeySchemaElement;
import dev.awssim.dynamodb.KeyType;
import dev.awssim.dynamodb.ScalarAttributeType;
import dev.awssim.kinesis.GetRecordsResult;
import dev.awssim.kinesis.GetShardIteratorRequest;
import dev.awssim.kinesis.Kinesis;
import dev.awssim.kinesis.PutRecordRequest;
import dev.awssim.kinesis.ShardIteratorType;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.Sqs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 15's soak: 30 simulated days of steady traffic across the four models with the default
 * settings (trace and metrics on), printing the heap after a full GC at the end of each day.
 *
 * <p>Traffic, all driven by the simulation's own scheduler: SQS, one 40-byte message a second into
 * a standard queue {@code orders} with 4-day retention whose consumer keeps up (every 2 s it
 * receives up to 10 messages and deletes them), and one 40-byte message a second into a queue
 * {@code audit} with 4-day retention that nobody reads, so it fills until retention drops as many
 * as arrive, at 345,600 messages on day 4, and stays there; Kinesis, one 100-byte record a second
 * into a 1-shard stream with the default 24-hour retention, read every 5 s by a GetRecords loop;
 * DynamoDB, one put and one get a second on an on-demand table over 10,000 keys; API Gateway, one
 * request a second through a stage with a usage plan and API key. The goal: heap after a full GC at
 * day 30 within 10% of day 7's, and under 300 MB.
 *
 * <p>Run it with {@code -Dbench=SoakBenchmark} (one single-shot iteration in a fresh JVM), or its
 * {@link #main(String[])} with {@code [days] [trace on|off] [metrics on|off]}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC")
public class SoakBenchmark {
  private static final int KEYS = 10_000;

  /** Whether the trace is on (the default) or off. */
  @Param({"true"})
  public boolean trace;

  /** Heap after a full GC, in MB. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Heap {
    public long day7Mb;
    public long day30Mb;

    /** Resets the measures. */
    @Setup(Level.Iteration)
    public void reset() {
      day7Mb = 0;
      day30Mb = 0;
    }
  }

  /** Runs 30 simulated days and records the heap at day 7 and day 30. */
  @Benchmark
  public long soak(Heap heap) {
    long[] perDay = run(30, trace, true);
    heap.day7Mb = perDay[7] >> 20;
    heap.day30Mb = perDay[30] >> 20;
    return perDay[30];
  }

  /**
   * Runs the soak outside JMH.
   *
   * @param args {@code [days] [trace on|off] [metrics on|off]}, defaults 30, on, on
   */
  public static void main(String[] args) {
    int days = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    boolean trace = args.length <= 1 || args[1].equals("on");
    boolean metrics = args.length <= 2 || args[2].equals("on");
    run(days, trace, metrics);
  }

  /** The heap after a full GC at the end of each day, index 0 being the start. */
  static long[] run(int days, boolean traceOn, boolean metricsOn) {
    long[] perDay = new long[days + 1];
    long wallStart = System.nanoTime();
    perDay[0] = SqsHeapBenchmark.usedAfterGc();
    AwsSimulator sim =
        AwsSimulator.builder().seed(42).traceEnabled(traceOn).metricsEnabled(metricsOn).build();
    sqs(sim);
    kinesis(sim);
    dynamoDb(sim);
    apiGateway(sim);
    System.out.printf(
        Locale.ROOT, "soak: trace %s, metrics %s; heap after full GC (MB)%n", traceOn, metricsOn);
    System.out.printf(Locale.ROOT, "day %2d: %6.1f MB%n", 0, perDay[0] / 1048576.0);
    for (int day = 1; day <= days; day++) {
      sim.advanceBy(Duration.ofDays(1));
      perDay[day] = SqsHeapBenchmark.usedAfterGc();
      System.out.printf(
          Locale.ROOT,
          "day %2d: %6.1f MB  (SQS orders %s, audit %s, trace %d retained of %d, %d metric series,"
              + " %.0f s)%n",
          day,
          perDay[day] / 1048576.0,
          queueDepth(sim, "orders"),
          queueDepth(sim, "audit"),
          sim.trace().events().size(),
          sim.trace().recordedCount(),
          sim.metrics().listMetrics().size(),
          (System.nanoTime() - wallStart) / 1e9);
    }
    if (days >= 30) {
      System.out.printf(Locale.ROOT, "day 30 / day 7: %.3f%n", (double) perDay[30] / perDay[7]);
    }
    return perDay;
  }

  private static String queueDepth(AwsSimulator sim, String queue) {
    return sim.sqs()
        .getQueueAttributes(sim.sqs().getQueueUrl(queue))
        .get("ApproximateNumberOfMessages");
  }

  private static void sqs(AwsSimulator sim) {
    Sqs sqs = sim.sqs();
    Map<String, String> fourDays = ImmutableMap.of("MessageRetentionPeriod", "345600");
    String orders = sqs.createQueue("orders", fourDays);
    String audit = sqs.createQueue("audit", fourDays);
    long[] sent = {0};
    sim.every(
        Duration.ofSeconds(1),
        () -> {
          String body = String.format(Locale.ROOT, "order-%034d", sent[0]++);
          sqs.sendMessage(orders, body);
          sqs.sendMessage(audit, body);
        });
    ReceiveMessageRequest upToTen =
        ReceiveMessageRequest.builder(orders).maxNumberOfMessages(10).build();
    sim.every(
        Duration.ofSeconds(2),
        () -> {
          for (Message m : sqs.receiveMessage(upToTen).messages()) {
            sqs.deleteMessage(orders, m.receiptHandle());
          }
        });
  }

  private static void kinesis(AwsSimulator sim) {
    Kinesis kinesis = sim.kinesis();
    kinesis.createStream("clicks", 1);
    byte[] data = "x".repeat(100).getBytes(StandardCharsets.UTF_8);
    long[] sent = {0};
    sim.every(
        Duration.ofSeconds(1),
        () -> kinesis.putRecord(PutRecordRequest.of("clicks", data, "key-" + (sent[0]++ % 100))));
    String[] iterator = {
      kinesis.getShardIterator(
          GetShardIteratorRequest.of(
              "clicks", "shardId-000000000000", ShardIteratorType.TRIM_HORIZON))
    };
    sim.every(
        Duration.ofSeconds(5),
        () -> {
          GetRecordsResult result = kinesis.getRecords(iterator[0]);
          iterator[0] = result.nextShardIterator();
        });
  }

  private static void dynamoDb(AwsSimulator sim) {
    DynamoDb dynamoDb = sim.dynamoDb();
    dynamoDb.createTable(
        CreateTableRequest.of("customers")
            .withKeySchema(List.of(new KeySchemaElement("pk", KeyType.HASH)))
            .withAttributeDefinitions(List.of(new AttributeDefinition("pk", ScalarAttributeType.S)))
            .withBillingMode(BillingMode.PAY_PER_REQUEST));
    Map<String, AttributeValue>[] items = DynamoDbItems.items(KEYS);
    Map<String, AttributeValue>[] keys = DynamoDbItems.keys(KEYS);
    long[] n = {0};
    sim.every(
        Duration.ofSeconds(1),
        () -> {
          int i = (int) (n[0]++ % KEYS);
          dynamoDb.putItem("customers", items[i]);
          dynamoDb.getItem("customers", keys[(i * 7) % KEYS]);
        });
  }

  private static void apiGateway(AwsSimulator sim) {
    ApiGateway gateway = sim.apiGateway();
    ApiRequest request = ApiGatewayBenchmark.keyedRequest(gateway, new ThrottleSettings(100, 50));
    sim.every(Duration.ofSeconds(1), () -> gateway.invoke(request));
  }
}
