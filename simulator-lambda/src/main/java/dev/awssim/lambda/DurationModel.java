package dev.awssim.lambda;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long one invocation of a function takes in virtual time. The handler runs at once in real
 * time; this declared duration is what holds an execution environment and what is compared with the
 * timeout. A handler may override it per invocation with {@link
 * LambdaContext#setDuration(Duration)}.
 *
 * <pre>{@code
 * DurationModel.fixed(Duration.ofMillis(200));
 * DurationModel.uniform(Duration.ofMillis(100), Duration.ofMillis(300)); // seeded per function
 * }</pre>
 */
public sealed interface DurationModel {

  /** Every invocation takes {@code duration}. */
  static DurationModel fixed(Duration duration) {
    return new Fixed(duration);
  }

  /**
   * Each invocation takes a duration drawn uniformly from [{@code min}, {@code max}] (whole
   * milliseconds) from the function's seeded stream {@code lambda/duration/<function>}.
   */
  static DurationModel uniform(Duration min, Duration max) {
    return new Uniform(min, max);
  }

  /** The next invocation's duration. */
  Duration next(RandomGenerator random);

  /**
   * A fixed duration.
   *
   * @param duration the duration of every invocation, not negative
   */
  record Fixed(Duration duration) implements DurationModel {
    /** Validates the duration. */
    public Fixed {
      checkNotNull(duration, "duration");
      checkArgument(!duration.isNegative(), "duration must not be negative: %s", duration);
    }

    @Override
    public Duration next(RandomGenerator random) {
      return duration;
    }
  }

  /**
   * A seeded uniform duration.
   *
   * @param min the shortest duration, not negative
   * @param max the longest duration, not below {@code min}
   */
  record Uniform(Duration min, Duration max) implements DurationModel {
    /** Validates the bounds. */
    public Uniform {
      checkNotNull(min, "min");
      checkNotNull(max, "max");
      checkArgument(!min.isNegative() && min.compareTo(max) <= 0, "need 0 <= min <= max");
    }

    @Override
    public Duration next(RandomGenerator random) {
      long lo = min.toMillis();
      long hi = max.toMillis();
      return Duration.ofMillis(lo == hi ? lo : random.nextLong(lo, hi + 1));
    }
  }
}
