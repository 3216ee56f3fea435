package dev.awssim.sns;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A delivery retry policy: after the first attempt, retries in four phases
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html): immediate (no
 * delay), pre-backoff (at the minimum delay), backoff (from the minimum to the maximum delay along
 * the backoff function), post-backoff (at the maximum delay).
 *
 * <pre>
 *   attempt  0 ─ immediate ×a ─ min ×b ─ backoff ×c (min → max) ─ max ×d ─▶ DLQ or discard
 * </pre>
 *
 * <p>The intermediate backoff delays follow {@link BackoffFunction}; AWS draws the curves but does
 * not give them, so only the phase counts, the phase delays and the totals are AWS's numbers.
 * Jitter is off (AWS applies some; the simulator's delays are deterministic).
 *
 * @param numNoDelayRetries retries with no delay
 * @param numMinDelayRetries retries at {@code minDelaySeconds}
 * @param numBackoffRetries retries from min to max delay
 * @param numMaxDelayRetries retries at {@code maxDelaySeconds}
 * @param minDelaySeconds the minimum delay
 * @param maxDelaySeconds the maximum delay
 * @param backoffFunction how the backoff delays grow
 */
record DeliveryPolicy(
    int numNoDelayRetries,
    int numMinDelayRetries,
    int numBackoffRetries,
    long numMaxDelayRetries,
    int minDelaySeconds,
    int maxDelaySeconds,
    BackoffFunction backoffFunction) {

  /**
   * The policy of SQS and Lambda subscriptions, which cannot be changed: AWS's phases by default
   * (the {@code managed*} numbers of {@link SnsLimits}).
   */
  static DeliveryPolicy managed(SnsLimits limits) {
    return new DeliveryPolicy(
        limits.managedNoDelayRetries(),
        limits.managedMinDelayRetries(),
        limits.managedBackoffRetries(),
        limits.managedMaxDelayRetries(),
        limits.managedMinDelaySeconds(),
        limits.managedMaxDelaySeconds(),
        BackoffFunction.EXPONENTIAL);
  }

  /** The policy of HTTP/S subscriptions without a DeliveryPolicy: 3 retries, 20 seconds apart. */
  static DeliveryPolicy httpDefault(SnsLimits limits) {
    return new DeliveryPolicy(
        0,
        0,
        limits.httpDefaultNumRetries(),
        0,
        limits.httpDefaultDelaySeconds(),
        limits.httpDefaultDelaySeconds(),
        BackoffFunction.LINEAR);
  }

  /** How backoff delays grow from the minimum to the maximum ({@code backoffFunction}). */
  enum BackoffFunction {
    LINEAR("linear"),
    ARITHMETIC("arithmetic"),
    GEOMETRIC("geometric"),
    EXPONENTIAL("exponential");

    final String awsName;

    BackoffFunction(String awsName) {
      this.awsName = awsName;
    }

    /** The delay at fraction {@code x} in [0, 1] of the way from {@code min} to {@code max}. */
    double delay(double min, double max, double x) {
      return switch (this) {
        case LINEAR -> min + (max - min) * x;
        case ARITHMETIC -> min + (max - min) * x * x;
        case GEOMETRIC -> min + (max - min) * x * x * x;
        case EXPONENTIAL -> min * Math.pow(max / min, x);
      };
    }

    static BackoffFunction fromAwsName(String name) {
      for (BackoffFunction f : values()) {
        if (f.awsName.equals(name)) {
          return f;
        }
      }
      return null;
    }
  }

  /** Every retry this policy allows. */
  long totalRetries() {
    return numNoDelayRetries + numMinDelayRetries + numBackoffRetries + numMaxDelayRetries;
  }

  /**
   * The delay in nanoseconds before retry {@code retry} (1-based), or -1 when the policy is spent.
   */
  long delayNanosBefore(long retry) {
    long r = retry;
    if (r < 1) {
      throw new IllegalArgumentException("retry is 1-based: " + retry);
    }
    if (r <= numNoDelayRetries) {
      return 0;
    }
    r -= numNoDelayRetries;
    if (r <= numMinDelayRetries) {
      return seconds(minDelaySeconds);
    }
    r -= numMinDelayRetries;
    if (r <= numBackoffRetries) {
      long i = r - 1;
      double x = numBackoffRetries == 1 ? 0 : (double) i / (numBackoffRetries - 1);
      return Math.round(backoffFunction.delay(minDelaySeconds, maxDelaySeconds, x) * 1e9);
    }
    r -= numBackoffRetries;
    if (r <= numMaxDelayRetries) {
      return seconds(maxDelaySeconds);
    }
    return -1;
  }

  private static long seconds(long s) {
    return s * 1_000_000_000L;
  }

  /**
   * Reads an HTTP/S {@code healthyRetryPolicy} object, as a subscription's {@code DeliveryPolicy}
   * holds it (or a topic's under {@code http.defaultHealthyRetryPolicy}).
   *
   * @throws SnsException InvalidParameter when a value is out of AWS's ranges ({@code limits})
   */
  static DeliveryPolicy fromHealthyRetryPolicy(Map<?, ?> p, SnsLimits limits) {
    int min = integer(p, "minDelayTarget", limits.httpDefaultDelaySeconds());
    int max = integer(p, "maxDelayTarget", limits.httpDefaultDelaySeconds());
    int numRetries = integer(p, "numRetries", limits.httpDefaultNumRetries());
    int noDelay = integer(p, "numNoDelayRetries", 0);
    int minDelay = integer(p, "numMinDelayRetries", 0);
    int maxDelay = integer(p, "numMaxDelayRetries", 0);
    Object fn = p.get("backoffFunction");
    BackoffFunction function =
        fn == null ? BackoffFunction.LINEAR : BackoffFunction.fromAwsName(String.valueOf(fn));
    if (function == null) {
      throw invalid("backoffFunction must be one of arithmetic, exponential, geometric, linear");
    }
    if (min < 1 || min > max) {
      throw invalid("minDelayTarget must be between 1 and maxDelayTarget");
    }
    if (max > limits.httpMaxDelaySeconds()) {
      throw invalid("maxDelayTarget must be at most " + limits.httpMaxDelaySeconds());
    }
    if (numRetries < 0 || numRetries > limits.httpMaxNumRetries()) {
      throw invalid("numRetries must be between 0 and " + limits.httpMaxNumRetries());
    }
    if (noDelay < 0 || minDelay < 0 || maxDelay < 0) {
      throw invalid("retry counts must not be negative");
    }
    int backoff = numRetries - noDelay - minDelay - maxDelay;
    if (backoff < 0) {
      throw invalid("numRetries must be at least the sum of the other retry counts");
    }
    DeliveryPolicy policy =
        new DeliveryPolicy(noDelay, minDelay, backoff, maxDelay, min, max, function);
    long total = 0;
    for (long r = 1; r <= policy.totalRetries(); r++) {
      total += policy.delayNanosBefore(r);
    }
    if (total > seconds(limits.httpMaxTotalRetrySeconds())) {
      throw invalid("total retry time must be at most " + limits.httpMaxTotalRetrySeconds() + " s");
    }
    return policy;
  }

  /**
   * Checks an HTTP/S throttle policy ({@code throttlePolicy} of a subscription, {@code
   * defaultThrottlePolicy} of a topic): {@code maxReceivesPerSecond} is an integer of at least 1
   * (sns-message-delivery-retries.html). [SIM] The rate is validated and kept, not enforced:
   * deliveries are not slowed to it.
   *
   * @throws SnsException InvalidParameter when it is not an object or the rate is below 1
   */
  static void checkThrottlePolicy(Object throttle) {
    if (throttle == null) {
      return;
    }
    if (!(throttle instanceof Map<?, ?> t)) {
      throw invalid("throttlePolicy must be an object");
    }
    if (t.containsKey("maxReceivesPerSecond") && integer(t, "maxReceivesPerSecond", 1) < 1) {
      throw invalid("maxReceivesPerSecond must be at least 1");
    }
  }

  private static int integer(Map<?, ?> p, String key, int defaultValue) {
    Object v = p.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (!(v instanceof BigDecimal n)) {
      throw invalid(key + " must be an integer");
    }
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      throw invalid(key + " must be an integer");
    }
  }

  private static SnsException invalid(String reason) {
    return SnsErrors.invalidParameter("DeliveryPolicy: " + reason);
  }
}
