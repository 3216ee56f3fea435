package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.sqs.Sqs;
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
 * Heap per queued message beyond its body: one million 100-character messages (each body its own
 * String, as in real use) in one standard queue; the heap growth after a full GC, less the bodies'
 * own size, divided by the count. Target: under 300 bytes per message. One measurement in a fresh
 * JVM (repeated iterations in one JVM measured 639 bytes: what else they keep alive was not pinned
 * down, so the fresh-JVM figure is the one recorded).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC")
public class SqsHeapBenchmark {
  private static final int MESSAGES = 1_000_000;

  /** Bytes of heap per queued message beyond the body. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Heap {
    public long bytesPerMessageBeyondBody;

    /** Resets the measure. */
    @Setup(Level.Iteration)
    public void reset() {
      bytesPerMessageBeyondBody = 0;
    }
  }

  /** Fills a queue and measures the heap it takes. */
  @Benchmark
  public Object fillQueue(Heap heap) {
    String[] bodies = new String[MESSAGES];
    for (int i = 0; i < MESSAGES; i++) {
      bodies[i] = String.format("%0100d", i);
    }
    long before = usedAfterGc();
    AwsSimulator sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
    Sqs sqs = sim.sqs();
    String url = sqs.createQueue("heap");
    for (int i = 0; i < MESSAGES; i++) {
      sqs.sendMessage(url, bodies[i]);
    }
    long after = usedAfterGc();
    heap.bytesPerMessageBeyondBody = (after - before) / MESSAGES;
    return bodies.length + sqs.getQueueAttributes(url).size();
  }

  /** The heap in use after three full collections, in bytes. */
  static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
