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

  /** AWS-managed endpoints (SQS, Lambda): 3 immediate retries (page as above). */
  static final int MANAGED_NO_DELAY_RETRIES = 3;

  /** AWS-managed endpoints: 2 pre-backoff retries, 1 second apart. */
  static final int MANAGED_MIN_DELAY_RETRIES = 2;

  /** AWS-managed endpoints: 10 backoff retries. */
  static final int MANAGED_BACKOFF_RETRIES = 10;

  /** AWS-managed endpoints: 100,000 post-backoff retries, 20 seconds apart. */
  static final long MANAGED_MAX_DELAY_RETRIES = 100_000;

  /** AWS-managed endpoints: the minimum delay, 1 second. */
  static final int MANAGED_MIN_DELAY_SECONDS = 1;

  /** AWS-managed endpoints: the maximum delay, 20 seconds. */
  static final int MANAGED_MAX_DELAY_SECONDS = 20;

  /** HTTP/S default: {@code numRetries} 3 (page as above). */
  static final int HTTP_DEFAULT_NUM_RETRIES = 3;

  /** HTTP/S default: {@code minDelayTarget} and {@code maxDelayTarget} 20 seconds. */
  static final int HTTP_DEFAULT_DELAY_SECONDS = 20;

  /** HTTP/S custom policies: {@code numRetries} at most 100. */
  static final int HTTP_MAX_NUM_RETRIES = 100;

  /** HTTP/S custom policies: {@code maxDelayTarget} at most 3,600 seconds. */
  static final int HTTP_MAX_DELAY_SECONDS = 3_600;

  /** HTTP/S custom policies: the total retry time is at most 3,600 seconds. */
  static final long HTTP_MAX_TOTAL_RETRY_SECONDS = 3_600;

  /** The policy of SQS and Lambda subscriptions, which cannot be changed. */
  static final DeliveryPolicy MANAGED =
      new DeliveryPolicy(
          MANAGED_NO_DELAY_RETRIES,
          MANAGED_MIN_DELAY_RETRIES,
          MANAGED_BACKOFF_RETRIES,
          MANAGED_MAX_DELAY_RETRIES,
          MANAGED_MIN_DELAY_SECONDS,
          MANAGED_MAX_DELAY_SECONDS,
          BackoffFunction.EXPONENTIAL);

  /** The default policy of HTTP/S subscriptions: 3 retries, 20 seconds apart. */
  static final DeliveryPolicy HTTP_DEFAULT =
      new DeliveryPolicy(
          0,
          0,
          HTTP_DEFAULT_NUM_RETRIES,
          0,
          HTTP_DEFAULT_DELAY_SECONDS,
          HTTP_DEFAULT_DELAY_SECONDS,
          BackoffFunction.LINEAR);

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
   * @throws SnsException InvalidParameter when a value is out of AWS's ranges
   */
  static DeliveryPolicy fromHealthyRetryPolicy(Map<?, ?> p) {
    int min = integer(p, "minDelayTarget", HTTP_DEFAULT_DELAY_SECONDS);
    int max = integer(p, "maxDelayTarget", HTTP_DEFAULT_DELAY_SECONDS);
    int numRetries = integer(p, "numRetries", HTTP_DEFAULT_NUM_RETRIES);
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
    if (max > HTTP_MAX_DELAY_SECONDS) {
      throw invalid("maxDelayTarget must be at most " + HTTP_MAX_DELAY_SECONDS);
    }
    if (numRetries < 0 || numRetries > HTTP_MAX_NUM_RETRIES) {
      throw invalid("numRetries must be between 0 and " + HTTP_MAX_NUM_RETRIES);
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
    if (total > seconds(HTTP_MAX_TOTAL_RETRY_SECONDS)) {
      throw invalid("total retry time must be at most " + HTTP_MAX_TOTAL_RETRY_SECONDS + " s");
    }
    return policy;
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
