package dev.awssim.engine.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * How long metric data is kept at each resolution, CloudWatch's documented retention by default.
 *
 * <p>CloudWatch keeps data points with a period under 60 seconds for 3 hours, 1-minute data points
 * for 15 days, 5-minute data points for 63 days and 1-hour data points for 455 days; data published
 * at a shorter period is aggregated into the longer periods for long-term storage ("Metrics
 * retention",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html#metrics-retention).
 * The simulator does the same: every value is aggregated at all four resolutions, and each
 * resolution drops a data point once its retention has passed since the data point's timestamp (the
 * start of its period): a 1-second data point stamped t is readable strictly before t + 3 h.
 *
 * <p>A zero retention keeps nothing at that resolution. {@link #capped(Duration)} bounds all four
 * for runs that need less memory than CloudWatch's retention costs.
 *
 * @param oneSecond retention of 1-second data points
 * @param oneMinute retention of 1-minute data points
 * @param fiveMinutes retention of 5-minute data points
 * @param oneHour retention of 1-hour data points
 */
public record MetricsRetention(
    Duration oneSecond, Duration oneMinute, Duration fiveMinutes, Duration oneHour) {

  /**
   * CloudWatch keeps data points with a period of less than 60 seconds for 3 hours
   * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html#metrics-retention).
   */
  public static final Duration CLOUDWATCH_ONE_SECOND = Duration.ofHours(3);

  /**
   * CloudWatch keeps 1-minute data points for 15 days
   * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html#metrics-retention).
   */
  public static final Duration CLOUDWATCH_ONE_MINUTE = Duration.ofDays(15);

  /**
   * CloudWatch keeps 5-minute data points for 63 days
   * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html#metrics-retention).
   */
  public static final Duration CLOUDWATCH_FIVE_MINUTES = Duration.ofDays(63);

  /**
   * CloudWatch keeps 1-hour data points for 455 days, 15 months
   * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html#metrics-retention).
   */
  public static final Duration CLOUDWATCH_ONE_HOUR = Duration.ofDays(455);

  private static final MetricsRetention CLOUDWATCH =
      new MetricsRetention(
          CLOUDWATCH_ONE_SECOND,
          CLOUDWATCH_ONE_MINUTE,
          CLOUDWATCH_FIVE_MINUTES,
          CLOUDWATCH_ONE_HOUR);

  /**
   * Validates the retention.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a component is negative or not a whole number of seconds
   */
  public MetricsRetention {
    check(oneSecond, "oneSecond");
    check(oneMinute, "oneMinute");
    check(fiveMinutes, "fiveMinutes");
    check(oneHour, "oneHour");
  }

  /** CloudWatch's retention: 3 hours, 15 days, 63 days and 455 days. */
  public static MetricsRetention cloudWatch() {
    return CLOUDWATCH;
  }

  /**
   * This retention with every resolution kept at most {@code max}.
   *
   * @throws NullPointerException if {@code max} is null
   * @throws IllegalArgumentException if {@code max} is negative or not a whole number of seconds
   */
  public MetricsRetention capped(Duration max) {
    check(max, "max");
    return new MetricsRetention(
        min(oneSecond, max), min(oneMinute, max), min(fiveMinutes, max), min(oneHour, max));
  }

  /**
   * The retention of data points of {@code resolutionSeconds} (1, 60, 300 or 3,600).
   *
   * @throws IllegalArgumentException if {@code resolutionSeconds} is none of those
   */
  public Duration of(long resolutionSeconds) {
    if (resolutionSeconds == 1) {
      return oneSecond;
    } else if (resolutionSeconds == 60) {
      return oneMinute;
    } else if (resolutionSeconds == 300) {
      return fiveMinutes;
    } else if (resolutionSeconds == 3_600) {
      return oneHour;
    }
    throw new IllegalArgumentException("no such resolution: " + resolutionSeconds);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void check(Duration d, String name) {
    checkNotNull(d, "%s must not be null", name);
    checkArgument(!d.isNegative(), "%s must not be negative: %s", name, d);
    checkArgument(d.toNanosPart() == 0, "%s must be a whole number of seconds: %s", name, d);
  }
}
