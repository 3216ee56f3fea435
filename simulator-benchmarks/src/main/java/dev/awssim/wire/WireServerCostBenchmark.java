package dev.awssim.wire;

import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.SimulatedAws;
import dev.awssim.benchmarks.RawHttpConnection;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;

/**
 * A request's cost inside awssim's wire server (issue 24: under 50 us for small SQS and DynamoDB
 * calls), measured by the server itself: from the moment a request's head has been read to the
 * moment its response has been written to the socket (reading the body, decoding, the model,
 * encoding, the write), through a {@link LoopbackHttpServer.RequestTimer} this benchmark hands in,
 * in wall time and in the CPU time of the server's thread. Requests come from a {@link
 * RawHttpConnection} on one keep-alive connection. Each iteration prints its mean time inside the
 * server ({@code inside the server: ... us}); the score is the rate of whole round trips. The
 * simulation is what {@code serve} builds (trace and metrics on).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class WireServerCostBenchmark {
  private static final Duration ONE_MS = Duration.ofMillis(1);

  private static final String[] KINDS = {"", " JSON", " CBOR"};
  private static final int OTHER = 0;
  private static final int JSON = 1;
  private static final int CBOR = 2;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Per kind of request: wall nanoseconds, CPU nanoseconds and requests inside the server. */
  private final AtomicLongArray nanos = new AtomicLongArray(KINDS.length);

  private final AtomicLongArray cpu = new AtomicLongArray(KINDS.length);
  private final AtomicLongArray requests = new AtomicLongArray(KINDS.length);

  /** What the request being sent is; read by the server's thread when the request arrives. */
  private volatile int sending = OTHER;

  private AwsSimulator sim;
  private WireServer server;
  private RawHttpConnection raw;
  private byte[] sqsGetQueueUrl;
  private byte[] sqsSendMessage;
  private byte[] dynamoDbGetItem;
  private byte[] dynamoDbPutItem;
  private byte[] kinesisPutJson;
  private byte[] kinesisPutCbor;

  /** Starts the iteration's count. */
  @Setup(Level.Iteration)
  public void startIteration() {
    for (int k = 0; k < KINDS.length; k++) {
      nanos.set(k, 0);
      cpu.set(k, 0);
      requests.set(k, 0);
    }
  }

  /**
   * Prints the iteration's mean time inside the server, wall and CPU time of the server's thread
   * (JMH shows it in the run's output). On a loaded machine the wall time also holds the time the
   * thread waited for a core; its CPU time does not.
   */
  @TearDown(Level.Iteration)
  public void endIteration() {
    for (int k = 0; k < KINDS.length; k++) {
      long n = requests.get(k);
      if (n > 0) {
        System.out.printf(
            Locale.ROOT,
            "%n  inside the server%s: %.1f us a request, %.1f us of CPU, over %d requests",
            KINDS[k],
            nanos.get(k) / 1_000.0 / n,
            cpu.get(k) / 1_000.0 / n,
            n);
      }
    }
    System.out.println();
  }

  /** A queue, a table with one item and a stream of one shard, served stepped. */
  @Setup
  public void setUp() throws IOException {
    sim = WireFixture.simulation(42);
    server = WireServer.builder().simulator(sim).port(0).timeMode(TimeMode.stepped()).start();
    server.timeRequests(
        new LoopbackHttpServer.RequestTimer() {
          // One connection: start and stop run on its thread, one request after the other.
          private long cpuAtStart;
          private int kind;

          @Override
          public long start() {
            kind = sending;
            cpuAtStart = THREADS.getCurrentThreadCpuTime();
            return System.nanoTime();
          }

          @Override
          public void stop(long start) {
            nanos.addAndGet(kind, System.nanoTime() - start);
            cpu.addAndGet(kind, THREADS.getCurrentThreadCpuTime() - cpuAtStart);
            requests.incrementAndGet(kind);
          }
        });
    int port = server.port();
    String queueUrl =
        SimulatedAws.from(sim).sqsClient().getQueueUrl(b -> b.queueName("bench")).queueUrl();
    sqsGetQueueUrl = json(port, "AmazonSQS.GetQueueUrl", "sqs", "{\"QueueName\":\"bench\"}");
    sqsSendMessage =
        json(
            port,
            "AmazonSQS.SendMessage",
            "sqs",
            "{\"QueueUrl\":\"" + queueUrl + "\",\"MessageBody\":\"hello\"}");
    dynamoDbGetItem =
        json(
            port,
            "DynamoDB_20120810.GetItem",
            "dynamodb",
            "{\"TableName\":\"users\",\"Key\":{\"id\":{\"S\":\"u1\"}}}");
    dynamoDbPutItem =
        json(
            port,
            "DynamoDB_20120810.PutItem",
            "dynamodb",
            "{\"TableName\":\"users\",\"Item\":{\"id\":{\"S\":\"u1\"},\"name\":{\"S\":\"Ada\"}}}");
    PutRecordRequest put = WireFixture.PUT_RECORD;
    kinesisPutJson =
        RawHttpConnection.awsPost(
            port,
            "Kinesis_20131202.PutRecord",
            "application/x-amz-json-1.1",
            "kinesis",
            StructuredCodec.JSON.encode(put));
    kinesisPutCbor =
        RawHttpConnection.awsPost(
            port,
            "Kinesis_20131202.PutRecord",
            JsonProtocol.CBOR_CONTENT_TYPE,
            "kinesis",
            StructuredCodec.CBOR.encode(put));
    raw = new RawHttpConnection(port);
    // Measure successes only: each request must be answered 200.
    for (byte[] r :
        new byte[][] {
          sqsGetQueueUrl,
          sqsSendMessage,
          dynamoDbGetItem,
          dynamoDbPutItem,
          kinesisPutJson,
          kinesisPutCbor
        }) {
      sim.advanceBy(ONE_MS);
      String answer = raw.exchangeText(r);
      if (!answer.startsWith("HTTP/1.1 200")) {
        throw new IllegalStateException(answer);
      }
    }
  }

  private static byte[] json(int port, String target, String service, String body) {
    return RawHttpConnection.awsPost(
        port, target, "application/x-amz-json-1.0", service, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Stops the server. */
  @TearDown
  public void tearDown() throws IOException {
    raw.close();
    server.close();
  }

  private int send(byte[] request) throws IOException {
    return raw.exchange(request);
  }

  /** SQS GetQueueUrl over AWS JSON 1.0. */
  @Benchmark
  public int sqsGetQueueUrl() throws IOException {
    return send(sqsGetQueueUrl);
  }

  /** SQS SendMessage of a 5-byte body (the queue grows; nothing receives). */
  @Benchmark
  public int sqsSendMessage() throws IOException {
    return send(sqsSendMessage);
  }

  /** DynamoDB GetItem of one small item; virtual time moves 1 ms per call (outside the timing). */
  @Benchmark
  public int dynamoDbGetItem() throws IOException {
    sim.advanceBy(ONE_MS);
    return send(dynamoDbGetItem);
  }

  /** DynamoDB PutItem of one small item; virtual time moves 1 ms per call. */
  @Benchmark
  public int dynamoDbPutItem() throws IOException {
    sim.advanceBy(ONE_MS);
    return send(dynamoDbPutItem);
  }

  /** Kinesis PutRecord over AWS JSON 1.1; virtual time moves 1 ms per record. */
  @Benchmark
  public int kinesisPutRecordJson() throws IOException {
    sim.advanceBy(ONE_MS);
    return send(kinesisPutJson);
  }

  /** The same PutRecord over CBOR 1.1. */
  @Benchmark
  public int kinesisPutRecordCbor() throws IOException {
    sim.advanceBy(ONE_MS);
    return send(kinesisPutCbor);
  }

  /**
   * The JSON and the CBOR PutRecord one after the other, each timed inside the server on its own
   * ({@code inside the server JSON} and {@code CBOR}): both forms measured in the same fork, the
   * same iterations and the same load, which separate rows cannot promise. The score counts pairs.
   */
  @Benchmark
  public int kinesisPutRecordJsonThenCbor() throws IOException {
    sim.advanceBy(ONE_MS);
    sending = JSON;
    int json = send(kinesisPutJson);
    sim.advanceBy(ONE_MS);
    sending = CBOR;
    int cbor = send(kinesisPutCbor);
    sending = OTHER;
    return json + cbor;
  }
}
