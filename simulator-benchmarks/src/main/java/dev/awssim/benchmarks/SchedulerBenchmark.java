package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.internal.Scheduler;
import dev.awssim.internal.SimulatorAccess;
import java.util.SplittableRandom;
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
 * Schedule one event and run the next one, at a steady number of pending events: compare with
 * {@link BaselineBenchmarks#priorityQueueAddPoll} at the same size (target: within 2x).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SchedulerBenchmark {
  private static void noop() {}

  @Param({"1000", "1000000"})
  int pending;

  private Scheduler scheduler;
  private final SplittableRandom random = new SplittableRandom(42);

  /** A scheduler holding {@code pending} events. */
  @Setup
  public void setUp() {
    scheduler = SimulatorAccess.scheduler(AwsSimulator.builder().traceEnabled(false).build());
    for (int i = 0; i < pending; i++) {
      scheduler.afterNanos(random.nextLong(pending * 1_000L), SchedulerBenchmark::noop);
    }
  }

  /** Schedules one event and runs the earliest pending one. */
  @Benchmark
  public boolean scheduleAndRun() {
    scheduler.afterNanos(random.nextLong(pending * 1_000L), SchedulerBenchmark::noop);
    return scheduler.step();
  }
}
