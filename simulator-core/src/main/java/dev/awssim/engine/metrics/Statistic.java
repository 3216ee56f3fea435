package dev.awssim.engine.metrics;

/** The CloudWatch statistics a {@link Datapoint} carries. */
public enum Statistic {
  /** {@code Sum}. */
  SUM,
  /** {@code Average}. */
  AVERAGE,
  /** {@code Minimum}. */
  MINIMUM,
  /** {@code Maximum}. */
  MAXIMUM,
  /** {@code SampleCount}. */
  SAMPLE_COUNT
}
