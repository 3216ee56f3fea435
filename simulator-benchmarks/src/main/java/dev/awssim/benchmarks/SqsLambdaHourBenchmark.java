package dev.awssim.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.awssim.AwsSimulator;
import dev.awssim.lambda.DurationModel;
import dev.awssim.lambda.EventSourceMappingConfig;
import dev.awssim.lambda.FunctionConfig;
import dev.awssim.lambda.Lambda;
import dev.awssim.sqs.SendMessageBatchRequestEntry;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Issue 21's speed goal: a simulated hour of SQS to Lambda at 1,000 messages per second, 3,600,000
 * messages, in under 20 s of wall time. A producer sends a SendMessageBatch of 10 every 10 ms; an
 * SQS event source mapping (BatchSize 10, the default scaling: 5 pollers, +5 a second while
 * messages wait, back to 5 after an empty receive) long-polls the queue and invokes a function that
 * takes 100 ms per batch; each success deletes its batch. Trace off, metrics on. About 10
 * invocations run at a time; the mapping's pollers, waiting in long polls, scale up to 1,000 unless
 * {@link #maximumConcurrency} caps them.
 *
 * <p>Run it with {@code -Dbench=SqsLambdaHourBenchmark} (one single-shot iteration in a fresh JVM),
 * or its {@link #main(String[])}, which prints the wall time and the counts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(1)
public class SqsLambdaHourBenchmark {
  /** Messages sent and processed in the run. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Counts {
    public long sent;
    public long processed;

    /** Resets the counts. */
    @Setup(Level.Iteration)
    public void reset() {
      sent = 0;
      processed = 0;
    }
  }

  /**
   * The mapping's {@code ScalingConfig.MaximumConcurrency}: 0 for none (the default scaling, up to
   * 1,000 pollers), or 2-1,000.
   */
  @Param({"0"})
  public int maximumConcurrency;

  /** Runs the simulated hour. */
  @Benchmark
  public long simulatedHour(Counts counts) {
    return run(counts, Duration.ofHours(1), maximumConcurrency);
  }

  static long run(Counts counts, Duration length, int maximumConcurrency) {
    AwsSimulator sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
    Sqs sqs = sim.sqs();
    Lambda lambda = Lambda.create(sim);
    String url = sqs.createQueue("orders");
    String arn = sqs.getQueueAttributes(url, List.of("QueueArn")).get("QueueArn");
    RequestHandler<SQSEvent, Void> handler =
        (event, context) -> {
          counts.processed += event.getRecords().size();
          return null;
        };
    lambda.createFunction(
        FunctionConfig.of("worker", handler)
            .withTimeout(Duration.ofSeconds(5))
            .withDuration(DurationModel.fixed(Duration.ofMillis(100))));
    lambda.createEventSourceMapping(
        EventSourceMappingConfig.of("worker", arn)
            .withBatchSize(10)
            .withMaximumConcurrency(maximumConcurrency == 0 ? null : maximumConcurrency));
    String body = "x".repeat(100);
    List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batch.add(SendMessageBatchRequestEntry.of(Integer.toString(i), body));
    }
    List<SendMessageBatchRequestEntry> entries = List.copyOf(batch);
    sim.every(
        Duration.ofMillis(10),
        () -> {
          sqs.sendMessageBatch(url, entries);
          counts.sent += entries.size();
        });
    sim.advanceBy(length);
    return counts.processed;
  }

  /**
   * Runs the simulated hour once and prints the wall time. Arguments: {@code [minutes]
   * [maximumConcurrency]}, by default 60 and 0 (none).
   */
  public static void main(String[] args) {
    Duration length = Duration.ofMinutes(args.length > 0 ? Long.parseLong(args[0]) : 60);
    int maximumConcurrency = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    Counts counts = new Counts();
    long start = System.nanoTime();
    run(counts, length, maximumConcurrency);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%d simulated s, MaximumConcurrency %s: %,d messages sent, %,d processed, %.1f s wall%n",
        length.toSeconds(),
        maximumConcurrency == 0 ? "none" : Integer.toString(maximumConcurrency),
        counts.sent,
        counts.processed,
        seconds);
  }
}
