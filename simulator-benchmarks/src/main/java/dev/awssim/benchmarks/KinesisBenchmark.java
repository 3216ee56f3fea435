package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.internal.Scheduler;
import dev.awssim.internal.SimulatorAccess;
import dev.awssim.kinesis.Kinesis;
import dev.awssim.kinesis.PutRecordRequest;
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
 * Kinesis PutRecord through the core API, single thread, trace off (target: 2,000,000/s): 100-byte
 * records with 1,000 distinct partition keys to a 4-shard stream, 500 µs of virtual time apart
 * (about 500 records/s per shard, within its 1,000). A run covers an hour or two of virtual time,
 * so the stream's 24-hour retention never trims: the stream keeps every record of the run and the
 * score also pays for a growing heap ({@code FloorBenchmark}'s {@code burstGap=PT1M} measures the
 * steady state in which retention trims as many records as arrive).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KinesisBenchmark {
  private Kinesis kinesis;
  private Scheduler scheduler;
  private final PutRecordRequest[] requests = new PutRecordRequest[1_000];
  private int next;

  /** A stream of 4 shards. */
  @Setup
  public void setUp() {
    AwsSimulator sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
    kinesis = sim.kinesis();
    scheduler = SimulatorAccess.scheduler(sim);
    kinesis.createStream("bench", 4);
    for (int i = 0; i < requests.length; i++) {
      requests[i] = PutRecordRequest.of("bench", new byte[100], "key-" + i);
    }
  }

  /** One PutRecord, 500 µs of virtual time after the last. */
  @Benchmark
  public String putRecord() {
    scheduler.advanceToNanos(scheduler.clock().nanos() + 500_000);
    return kinesis.putRecord(requests[next++ % requests.length]).sequenceNumber();
  }
}
