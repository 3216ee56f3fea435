package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.kinesis.Kinesis;
import dev.awssim.kinesis.PutRecordRequest;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.Sqs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core hot paths beside the floor of the work they cannot avoid, in one run (issue 17 §5), so
 * that the ratio holds however loaded the machine is:
 *
 * <ul>
 *   <li>SQS send + receive + delete of a 100-byte body with 1,000 messages queued, against its
 *       floor: the MD5 of the body (SendMessage returns it), an {@link ArrayDeque} offer + poll
 *       (the queue) and a {@link HashMap} put + get + remove (the receipt handle's lookup). Target:
 *       within 3x.
 *   <li>Kinesis PutRecord of 100 bytes to a 4-shard stream, against its floor: the MD5 of the
 *       partition key's UTF-8 bytes (which picks the shard). Target: within 2x.
 * </ul>
 *
 * Read {@code sqsCycle / sqsFloor} and {@code kinesisPutRecord / kinesisFloor}. PutRecord writes
 * bursts of 1,000 records (about 250 a shard, within a shard's 1,000 records/s and 1 MiB/s) and
 * moves virtual time by {@code burstGap} between bursts, so the clock's cost is amortised and the
 * PutRecord path is what is measured:
 *
 * <ul>
 *   <li>{@code burstGap=PT0.5S} (the benchmark as first written): 2,000 records a virtual second,
 *       so a run of a few seconds covers a few virtual hours and the stream's 24-hour retention
 *       never trims. The stream keeps every record of the run, millions of them, and the score also
 *       pays for a heap that grows all run (iterations dip as the collector copies more).
 *   <li>{@code burstGap=PT1M}: 1,000 records a virtual minute, so the stream holds a day of records
 *       (1.44 million, about 200 MB) within the first half second of warm-up, and from then on
 *       retention trims as many records as arrive: the steady state of a stream that AWS would keep
 *       for 24 hours by default ({@code
 *       https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html}). Trimming
 *       is inside the score.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FloorBenchmark {
  private static final String BODY = "x".repeat(100);
  private static final int KEYS = 1_000;

  private AwsSimulator sim;
  private Sqs sqs;
  private String queueUrl;
  private ReceiveMessageRequest receiveOne;
  private final String[] partitionKeys = new String[KEYS];
  private int nextKey;

  private MessageDigest md5;
  private final ArrayDeque<Object> deque = new ArrayDeque<>();
  private final HashMap<String, Object> inFlight = new HashMap<>();
  private long nextHandle;

  /** A queue of 1,000 messages, a 4-shard stream, and the floor's structures at the same sizes. */
  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
    sqs = sim.sqs();
    queueUrl = sqs.createQueue("bench");
    for (int i = 0; i < 1_000; i++) {
      sqs.sendMessage(queueUrl, BODY);
      deque.add(BODY);
    }
    receiveOne = ReceiveMessageRequest.of(queueUrl);
    for (int i = 0; i < KEYS; i++) {
      partitionKeys[i] = "key-" + i;
    }
    md5 = MessageDigest.getInstance("MD5");
  }

  /** SendMessage, ReceiveMessage, DeleteMessage through the core SQS model. */
  @Benchmark
  public String sqsCycle() {
    sqs.sendMessage(queueUrl, BODY);
    String handle = sqs.receiveMessage(receiveOne).messages().get(0).receiptHandle();
    sqs.deleteMessage(queueUrl, handle);
    return handle;
  }

  /**
   * The floor of a cycle: MD5 of the body, ArrayDeque offer + poll, HashMap put + get + remove of a
   * handle.
   */
  @Benchmark
  public Object sqsFloor() {
    byte[] digest = md5.digest(BODY.getBytes(StandardCharsets.UTF_8));
    deque.offer(digest);
    Object received = deque.poll();
    String handle = Long.toString(nextHandle++);
    inFlight.put(handle, received);
    Object found = inFlight.get(handle);
    inFlight.remove(handle);
    return found;
  }

  /** PutRecord through the core Kinesis model. */
  @Benchmark
  public String kinesisPutRecord(KinesisStream stream) {
    return stream.put();
  }

  /** The floor of a PutRecord: the MD5 of its partition key. */
  @Benchmark
  public byte[] kinesisFloor() {
    return md5.digest(partitionKeys[nextKey++ % KEYS].getBytes(StandardCharsets.UTF_8));
  }

  /** A 4-shard stream and 1,000 requests of 100 bytes with distinct partition keys. */
  @State(Scope.Thread)
  public static class KinesisStream {
    /** Virtual time between bursts of 1,000 records (an ISO-8601 duration). */
    @Param({"PT0.5S", "PT1M"})
    public String burstGap;

    private AwsSimulator sim;
    private Kinesis kinesis;
    private Duration gap;
    private final PutRecordRequest[] puts = new PutRecordRequest[KEYS];
    private int next;

    /** The stream and the requests. */
    @Setup
    public void setUp() {
      sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
      kinesis = sim.kinesis();
      kinesis.createStream("bench", 4);
      gap = Duration.parse(burstGap);
      for (int i = 0; i < KEYS; i++) {
        puts[i] = PutRecordRequest.of("bench", new byte[100], "key-" + i);
      }
    }

    String put() {
      int i = next;
      next = i == KEYS - 1 ? 0 : i + 1;
      if (i == 0) {
        sim.advanceBy(gap);
      }
      return kinesis.putRecord(puts[i]).sequenceNumber();
    }
  }
}
