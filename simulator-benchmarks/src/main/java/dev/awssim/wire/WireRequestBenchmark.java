package dev.awssim.wire;

import com.google.common.collect.ImmutableMap;
import dev.awssim.AwsSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;

/**
 * The server-side cost of one wire request (decode, model, encode; no HTTP): small SQS and DynamoDB
 * calls, and a Kinesis PutRecord in CBOR against its JSON form. In package {@code dev.awssim.wire}
 * to reach the package-private dispatcher.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class WireRequestBenchmark {
  private AwsSimulator sim;
  private Dispatcher dispatcher;
  private WireRequest sqsGetQueueUrl;
  private WireRequest dynamoDbGetItem;
  private WireRequest kinesisPutJson;
  private WireRequest kinesisPutCbor;

  private static WireRequest request(String target, String contentType, byte[] body) {
    return new WireRequest(
        "POST",
        "/",
        null,
        ImmutableMap.of("x-amz-target", target, "content-type", contentType),
        body);
  }

  /** One queue, one table with one item, one stream of one shard. */
  @Setup
  public void setUp() {
    sim = WireFixture.simulation(1);
    dispatcher = new Dispatcher(sim);
    sqsGetQueueUrl =
        request(
            "AmazonSQS.GetQueueUrl",
            "application/x-amz-json-1.0",
            "{\"QueueName\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
    dynamoDbGetItem =
        request(
            "DynamoDB_20120810.GetItem",
            "application/x-amz-json-1.0",
            "{\"TableName\":\"users\",\"Key\":{\"id\":{\"S\":\"u1\"}}}"
                .getBytes(StandardCharsets.UTF_8));
    PutRecordRequest put = WireFixture.PUT_RECORD;
    kinesisPutJson =
        request(
            "Kinesis_20131202.PutRecord",
            "application/x-amz-json-1.1",
            StructuredCodec.JSON.encode(put));
    kinesisPutCbor =
        request(
            "Kinesis_20131202.PutRecord",
            JsonProtocol.CBOR_CONTENT_TYPE,
            StructuredCodec.CBOR.encode(put));
    // Measure successes only: each request must be answered 200.
    for (WireRequest r :
        new WireRequest[] {sqsGetQueueUrl, dynamoDbGetItem, kinesisPutJson, kinesisPutCbor}) {
      sim.advanceBy(Duration.ofMillis(1));
      WireResponse response = dispatcher.dispatch(r, "check");
      if (response.status() != 200) {
        throw new IllegalStateException(
            response.status() + " " + new String(response.body(), StandardCharsets.UTF_8));
      }
    }
  }

  /**
   * Only the 1 ms advance of virtual time that the DynamoDB and Kinesis rows make per call, on the
   * same simulation (trace and metrics on): the part of those rows that is not the request.
   */
  @Benchmark
  public Instant advanceOneMs() {
    sim.advanceBy(Duration.ofMillis(1));
    return sim.now();
  }

  /** SQS GetQueueUrl over AWS JSON 1.0. */
  @Benchmark
  public WireResponse sqsGetQueueUrl() {
    return dispatcher.dispatch(sqsGetQueueUrl, "r");
  }

  /**
   * DynamoDB GetItem of one small item over AWS JSON 1.0 (with its CRC32 header); virtual time
   * moves 1 ms per read. Without it every read fell at one instant on one key, past the partition's
   * 3,000 read units per second, and the benchmark measured the throttling error path (an
   * exception, a trace event and an error body per call: the 3.3-4.4 k ops/s recorded before).
   */
  @Benchmark
  public WireResponse dynamoDbGetItem() {
    sim.advanceBy(Duration.ofMillis(1));
    return dispatcher.dispatch(dynamoDbGetItem, "r");
  }

  /**
   * Kinesis PutRecord over AWS JSON 1.1; virtual time moves 1 ms per record, within a shard's 1,000
   * records per second.
   */
  @Benchmark
  public WireResponse kinesisPutRecordJson() {
    sim.advanceBy(Duration.ofMillis(1));
    return dispatcher.dispatch(kinesisPutJson, "r");
  }

  /** The same PutRecord over CBOR 1.1, the Java SDK v2's default. */
  @Benchmark
  public WireResponse kinesisPutRecordCbor() {
    sim.advanceBy(Duration.ofMillis(1));
    return dispatcher.dispatch(kinesisPutCbor, "r");
  }
}
