package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.SimulatedAws;
import java.time.Duration;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;

/**
 * The async SDK clients against the sync ones, same operations (issue 19 asks the async clients to
 * stay within 2x of the sync ones): SQS GetQueueUrl and DynamoDB GetItem of a 100-byte item, single
 * thread, trace off. An async call that needs no waiting returns a completed future, so the
 * difference is the proxy, the future and the retry wrapper.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AsyncClientBenchmark {
  private SqsClient sqs;
  private SqsAsyncClient sqsAsync;
  private DynamoDbClient dynamoDb;
  private DynamoDbAsyncClient dynamoDbAsync;
  private AwsSimulator sim;
  private static final Duration ONE_MILLISECOND = Duration.ofMillis(1);
  private final GetQueueUrlRequest queueUrl = GetQueueUrlRequest.builder().queueName("q").build();
  private final GetItemRequest getItem =
      GetItemRequest.builder()
          .tableName("tbl")
          .key(Map.of("id", AttributeValue.fromS("k")))
          .build();

  /** A queue and a table with one item. */
  @Setup
  public void setUp() {
    sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
    SimulatedAws aws = SimulatedAws.from(sim);
    sqs = aws.sqsClient();
    sqsAsync = aws.sqsAsyncClient();
    dynamoDb = aws.dynamoDbClient();
    dynamoDbAsync = aws.dynamoDbAsyncClient();
    sqs.createQueue(b -> b.queueName("q"));
    dynamoDb.createTable(
        b ->
            b.tableName("tbl")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(
                    a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
    dynamoDb.putItem(
        b ->
            b.tableName("tbl")
                .item(
                    Map.of(
                        "id",
                        AttributeValue.fromS("k"),
                        "v",
                        AttributeValue.fromS("x".repeat(100)))));
  }

  /** SQS GetQueueUrl on the sync client. */
  @Benchmark
  public String sqsGetQueueUrlSync() {
    return sqs.getQueueUrl(queueUrl).queueUrl();
  }

  /** SQS GetQueueUrl on the async client, joined. */
  @Benchmark
  public String sqsGetQueueUrlAsync() {
    return sqsAsync.getQueueUrl(queueUrl).join().queueUrl();
  }

  /** SQS SendMessage, ReceiveMessage (short poll), DeleteMessage on the sync client. */
  @Benchmark
  public String sqsCycleSync() {
    String url = sqs.getQueueUrl(queueUrl).queueUrl();
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello"));
    String handle = sqs.receiveMessage(b -> b.queueUrl(url)).messages().get(0).receiptHandle();
    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(handle));
    return handle;
  }

  /** The same cycle on the async client, each call joined. */
  @Benchmark
  public String sqsCycleAsync() {
    String url = sqsAsync.getQueueUrl(queueUrl).join().queueUrl();
    sqsAsync.sendMessage(b -> b.queueUrl(url).messageBody("hello")).join();
    String handle =
        sqsAsync.receiveMessage(b -> b.queueUrl(url)).join().messages().get(0).receiptHandle();
    sqsAsync.deleteMessage(b -> b.queueUrl(url).receiptHandle(handle)).join();
    return handle;
  }

  /**
   * DynamoDB GetItem on the sync client, one a virtual millisecond: reads of one key at the same
   * instant would reach its 3,000 RCU/s ceiling and be throttled (the sync client then backs off on
   * virtual time, an async call's backoff waits for time that nothing here would advance).
   */
  @Benchmark
  public Object dynamoDbGetItemSync() {
    sim.advanceBy(ONE_MILLISECOND);
    return dynamoDb.getItem(getItem).item();
  }

  /** DynamoDB GetItem on the async client, joined, one a virtual millisecond as the sync one. */
  @Benchmark
  public Object dynamoDbGetItemAsync() {
    sim.advanceBy(ONE_MILLISECOND);
    return dynamoDbAsync.getItem(getItem).join().item();
  }
}
