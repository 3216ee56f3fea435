package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.Sqs;
import java.util.List;
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
 * The SQS model through its core API, single thread, trace off: one send + receive + delete cycle
 * with 1,000 and 1,000,000 messages already queued (target: at least 1,000,000 cycles/s, and the
 * deep queue at least half as fast as the shallow one).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SqsBenchmark {
  private static final String BODY = "x".repeat(100);

  @Param({"1000", "1000000"})
  int queued;

  private Sqs sqs;
  private String queueUrl;
  private ReceiveMessageRequest receiveOne;

  /** A queue holding {@code queued} messages: each cycle receives (and deletes) the oldest. */
  @Setup
  public void setUp() {
    AwsSimulator sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
    sqs = sim.sqs();
    queueUrl = sqs.createQueue("bench");
    for (int i = 0; i < queued; i++) {
      sqs.sendMessage(queueUrl, BODY);
    }
    receiveOne = ReceiveMessageRequest.of(queueUrl);
  }

  /** Sends one message, receives one, deletes it. */
  @Benchmark
  public String sendReceiveDelete() {
    sqs.sendMessage(queueUrl, BODY);
    List<Message> messages = sqs.receiveMessage(receiveOne).messages();
    String handle = messages.get(0).receiptHandle();
    sqs.deleteMessage(queueUrl, handle);
    return handle;
  }
}
