package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.List;
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
 * The wall time it costs to see a 30 s visibility timeout expire: send and receive a message,
 * advance the virtual clock 30 s, receive it again and delete it (target: under 1 ms; ElasticMQ
 * needs the real 30 s).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SqsVisibilityBenchmark {
  private AwsSimulator sim;
  private Sqs sqs;
  private String queueUrl;

  /** A queue with the default visibility timeout of 30 s. */
  @Setup
  public void setUp() {
    sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
    sqs = sim.sqs();
    queueUrl = sqs.createQueue("visibility");
  }

  /** Send, receive, let 30 s of virtual time pass, receive again (the message is back), delete. */
  @Benchmark
  public String visibilityTimeoutExpires() {
    sqs.sendMessage(queueUrl, "hello");
    List<Message> first = sqs.receiveMessage(queueUrl).messages();
    sim.advanceBy(Duration.ofSeconds(30));
    List<Message> again = sqs.receiveMessage(queueUrl).messages();
    if (first.isEmpty() || again.isEmpty()) {
      throw new IllegalStateException("the message did not come back after 30 s");
    }
    String handle = again.get(0).receiptHandle();
    sqs.deleteMessage(queueUrl, handle);
    return handle;
  }
}
