package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * 24 simulated hours of 100 messages/s through one SQS queue with a consumer: 8,640,000 messages,
 * each sent, received and deleted by actors on the scheduler (a producer every 10 ms, a consumer
 * polling every 100 ms for up to 10 messages, repeatedly), every timer real. Target: under 30 s of
 * wall time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(1)
public class SqsDayScaleBenchmark {
  /** Messages deleted in the run (must be 8,640,000 less at most the last second's backlog). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Counts {
    public long deleted;

    /** Resets the count. */
    @Setup(Level.Iteration)
    public void reset() {
      deleted = 0;
    }
  }

  /** Runs the simulated day. */
  @Benchmark
  public long simulatedDay(Counts counts) {
    AwsSimulator sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
    Sqs sqs = sim.sqs();
    String url = sqs.createQueue("day");
    ReceiveMessageRequest poll = ReceiveMessageRequest.builder(url).maxNumberOfMessages(10).build();
    String body = "x".repeat(100);
    sim.every(Duration.ofMillis(10), () -> sqs.sendMessage(url, body));
    sim.every(
        Duration.ofMillis(100),
        () -> {
          for (int round = 0; round < 2; round++) {
            for (Message m : sqs.receiveMessage(poll).messages()) {
              sqs.deleteMessage(url, m.receiptHandle());
              counts.deleted++;
            }
          }
        });
    sim.advanceBy(Duration.ofDays(1));
    return counts.deleted;
  }
}
