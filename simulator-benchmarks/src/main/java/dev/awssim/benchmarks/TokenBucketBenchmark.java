package dev.awssim.benchmarks;

import dev.awssim.internal.throttle.ThrottleDecision;
import dev.awssim.internal.throttle.TokenBucket;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.SynchronizationStrategy;
import java.time.Duration;
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
 * One token-bucket decision on manual time: awssim's exact bucket against Bucket4j's synchronized
 * bucket with a manual {@link TimeMeter} (target: at least as fast). Time moves 1 µs per call; the
 * rate (10,000/s, burst 5,000) makes about one call in 100 admitted in steady state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TokenBucketBenchmark {
  private final ManualTime time = new ManualTime();
  private TokenBucket awssim;
  private Bucket bucket4j;
  private long now;

  /** A manual time source for Bucket4j. */
  static final class ManualTime implements TimeMeter {
    long nanos;

    @Override
    public long currentTimeNanos() {
      return nanos;
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }

  /** Both buckets at rate 10,000/s and burst 5,000 (API Gateway's account defaults). */
  @Setup
  public void setUp() {
    awssim = TokenBucket.perSecond(10_000, 5_000);
    bucket4j =
        Bucket.builder()
            .addLimit(
                Bandwidth.builder()
                    .capacity(5_000)
                    .refillGreedy(10_000, Duration.ofSeconds(1))
                    .build())
            .withCustomTimePrecision(time)
            .withSynchronizationStrategy(SynchronizationStrategy.SYNCHRONIZED)
            .build();
  }

  /** awssim: {@code tryAcquire(1, now)}, a yes/no answer like Bucket4j's {@code tryConsume}. */
  @Benchmark
  public boolean awssimTryAcquire() {
    now += 1_000;
    return awssim.tryAcquire(1, now);
  }

  /** awssim: {@code tryConsume(1, now)}, the typed decision with the wait time. */
  @Benchmark
  public ThrottleDecision awssimTryConsume() {
    now += 1_000;
    return awssim.tryConsume(1, now);
  }

  /** Bucket4j: {@code tryConsume(1)} with the manual clock moved the same way. */
  @Benchmark
  public boolean bucket4jTryConsume() {
    time.nanos += 1_000;
    return bucket4j.tryConsume(1);
  }
}
