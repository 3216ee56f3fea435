package dev.awssim.engine.random;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * One root seed handing out named, independent random streams (in the manner of JSL's {@code
 * RNStreamProvider}).
 *
 * <p>A stream's seed is derived from (root seed, stream name) with MurmurHash3, so adding or using
 * another stream never shifts a stream's numbers, and the same name always returns the same stream
 * object, continuing its sequence. Message ids, receipt handles and every probabilistic behaviour
 * of the models come from streams named after their owner, such as {@code "sqs/orders/receipts"}.
 *
 * <pre>{@code
 * RandomStreams streams = new RandomStreams(42);
 * RandomGenerator receipts = streams.stream("sqs/orders/receipts");
 * }</pre>
 *
 * <p>Not thread-safe by itself: the simulation calls it under its lock.
 */
public final class RandomStreams {
  private final long rootSeed;
  private final Map<String, RandomGenerator> streams = new LinkedHashMap<>();

  /** Creates the streams of {@code rootSeed}. */
  public RandomStreams(long rootSeed) {
    this.rootSeed = rootSeed;
  }

  /** The root seed. */
  public long rootSeed() {
    return rootSeed;
  }

  /**
   * Returns the stream named {@code name}, creating it on first use.
   *
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is empty
   */
  public RandomGenerator stream(String name) {
    checkNotNull(name, "name");
    checkArgument(!name.isEmpty(), "stream name must not be empty");
    return streams.computeIfAbsent(name, n -> new SplittableRandom(seedFor(n)));
  }

  /** The seed that the stream named {@code name} starts from. */
  public long seedFor(String name) {
    checkNotNull(name, "name");
    return Hashing.murmur3_128()
        .newHasher()
        .putLong(rootSeed)
        .putString(name, StandardCharsets.UTF_8)
        .hash()
        .asLong();
  }
}
