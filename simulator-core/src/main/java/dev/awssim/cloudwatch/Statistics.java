package dev.awssim.cloudwatch;

import dev.awssim.engine.metrics.Statistic;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS's statistic names and the percentile statistics ({@code pNN.NN}: any percentile with up to
 * two decimal places,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html).
 *
 * <p>A percentile is computed exactly over the raw values kept for the period, by nearest rank: the
 * smallest value with at least p% of the values at or below it. AWS does not document its own
 * method (it answers from a compressed form of the values), so the simulator's percentile can
 * differ from AWS's by the gap between two neighbouring samples; every other statistic is exact.
 */
final class Statistics {
  private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,3})(?:\\.(\\d{1,2}))?");

  private Statistics() {}

  /** AWS's name of {@code s}: {@code Sum}, {@code Average}, ... (null stays null). */
  static String awsName(Statistic s) {
    if (s == null) {
      return null;
    }
    return switch (s) {
      case SUM -> "Sum";
      case AVERAGE -> "Average";
      case MINIMUM -> "Minimum";
      case MAXIMUM -> "Maximum";
      case SAMPLE_COUNT -> "SampleCount";
    };
  }

  /** The statistic AWS names {@code name}, or null if it names none. */
  static Statistic parse(String name) {
    for (Statistic s : Statistic.values()) {
      if (awsName(s).equals(name)) {
        return s;
      }
    }
    return null;
  }

  /** The percentile {@code pNN.NN} names, in 0 to 100, or NaN if it is not one. */
  static double percentile(String name) {
    if (name == null) {
      return Double.NaN;
    }
    Matcher m = PERCENTILE.matcher(name);
    if (!m.matches()) {
      return Double.NaN;
    }
    double p = Double.parseDouble(m.group(1) + (m.group(2) == null ? "" : "." + m.group(2)));
    return p > 100 ? Double.NaN : p;
  }

  /**
   * The p-th percentile of {@code values[0..n)} by nearest rank, or null when AWS has none: no
   * values, or a negative one ("Percentile statistics are not available for metrics when any of the
   * metric values are negative numbers", API_GetMetricStatistics.html). Sorts the array in place.
   */
  static Double percentile(double[] values, int n, double p) {
    if (n == 0) {
      return null;
    }
    Arrays.sort(values, 0, n);
    if (values[0] < 0) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * n);
    return values[Math.max(0, Math.min(n, rank) - 1)];
  }

  /**
   * Whether {@code samples} are too few for the p-th percentile to be significant: fewer than
   * 10/(1-p) for p in [0.5, 1), fewer than 10/p for p in (0, 0.5) (p as a fraction).
   */
  static boolean lowSampleCount(double p, long samples) {
    if (p <= 0 || p >= 100) {
      return false;
    }
    // In percent, so that p99 needs exactly 1,000 samples.
    double tenInPercent = CloudWatchLimits.LOW_SAMPLE_COUNT_FACTOR * 100;
    double needed = p >= 50 ? tenInPercent / (100 - p) : tenInPercent / p;
    return samples < needed;
  }
}
