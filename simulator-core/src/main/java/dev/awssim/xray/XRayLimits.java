package dev.awssim.xray;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;

/**
 * The numbers of X-Ray sampling: the default rule, the rule fields' bounds and the cadence of the
 * targets exchange. Sources: {@code
 * https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html}, {@code
 * https://docs.aws.amazon.com/xray/latest/devguide/xray-api-sampling.html}, {@code
 * https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html}, {@code
 * https://docs.aws.amazon.com/xray/latest/api/API_GetSamplingTargets.html}.
 *
 * <pre>{@code
 * XRayLimits generous = XRayLimits.defaults().withDefaultRule(10, 0.10);
 * }</pre>
 *
 * @param defaultReservoirSize the default rule's reservoir: requests sampled each second before the
 *     rate applies
 * @param defaultFixedRate the default rule's rate for the requests beyond the reservoir
 * @param maxSamplingRules how many rules an account may create besides {@code Default}
 * @param targetInterval the reporting interval GetSamplingTargets assigns
 * @param quotaTtl how long a reservoir quota from GetSamplingTargets stays valid
 */
public record XRayLimits(
    int defaultReservoirSize,
    double defaultFixedRate,
    int maxSamplingRules,
    Duration targetInterval,
    Duration quotaTtl) {

  /**
   * The default rule records the first request each second: reservoir 1 ({@code
   * xray-console-sampling.html}).
   */
  public static final int DEFAULT_RESERVOIR_SIZE = 1;

  /** ... and 5 % of additional requests: rate 0.05 ({@code xray-console-sampling.html}). */
  public static final double DEFAULT_FIXED_RATE = 0.05;

  /** The priority of the {@code Default} rule in API output: after every custom rule. */
  public static final int DEFAULT_RULE_PRIORITY = 10_000;

  /** The name of the rule that matches every request and cannot be deleted. */
  public static final String DEFAULT_RULE_NAME = "Default";

  /** The smallest rule priority, 1 ({@code API_SamplingRule.html}). */
  public static final int MIN_PRIORITY = 1;

  /** The largest rule priority of a custom rule, 9,999 ({@code API_SamplingRule.html}). */
  public static final int MAX_PRIORITY = 9_999;

  /** {@code RuleName}: 1 to 32 characters ({@code API_SamplingRule.html}). */
  public static final int MAX_RULE_NAME_LENGTH = 32;

  /** {@code ServiceName}, {@code ServiceType} and {@code Host}: at most 64 characters. */
  public static final int MAX_SERVICE_NAME_LENGTH = 64;

  /** {@code HTTPMethod}: at most 10 characters ({@code API_SamplingRule.html}). */
  public static final int MAX_HTTP_METHOD_LENGTH = 10;

  /** {@code URLPath}: at most 128 characters ({@code API_SamplingRule.html}). */
  public static final int MAX_URL_PATH_LENGTH = 128;

  /** {@code ResourceARN}: at most 500 characters ({@code API_SamplingRule.html}). */
  public static final int MAX_RESOURCE_ARN_LENGTH = 500;

  /** {@code Attributes}: at most 5 entries ({@code API_SamplingRule.html}). */
  public static final int MAX_ATTRIBUTES = 5;

  /** {@code Attributes} keys and values: 1 to 32 characters ({@code API_SamplingRule.html}). */
  public static final int MAX_ATTRIBUTE_LENGTH = 32;

  /** The only rule {@code Version}, 1 ({@code API_SamplingRule.html}). */
  public static final int RULE_VERSION = 1;

  /**
   * Sampling rules per account and Region besides {@code Default}: 25 (X-Ray service quotas, {@code
   * https://docs.aws.amazon.com/general/latest/gr/xray.html}).
   */
  public static final int DEFAULT_MAX_SAMPLING_RULES = 25;

  /**
   * At most 25 {@code SamplingStatisticsDocuments} per GetSamplingTargets call ({@code
   * API_GetSamplingTargets.html}).
   */
  public static final int MAX_STATISTICS_DOCUMENTS = 25;

  /** {@code ClientID}: 24 hexadecimal characters ({@code API_SamplingStatisticsDocument.html}). */
  public static final int CLIENT_ID_LENGTH = 24;

  /**
   * The instance reports its statistics every 10 seconds ({@code xray-api-sampling.html}), the
   * {@code Interval} the simulated service assigns.
   */
  public static final Duration DEFAULT_TARGET_INTERVAL = Duration.ofSeconds(10);

  /**
   * A reservoir quota is good for five minutes, its TTL ({@code xray-api-sampling.html}, the
   * documented example).
   */
  public static final Duration DEFAULT_QUOTA_TTL = Duration.ofMinutes(5);

  /**
   * Without a quota an instance borrows 1 trace per second from a rule with a reservoir ({@code
   * xray-api-sampling.html}).
   */
  public static final int BORROW_PER_SECOND = 1;

  /**
   * The SDKs fetch the rules every 5 minutes (AWS X-Ray SDK, {@code rule_poller.py}); the simulated
   * sampler does so without jitter.
   */
  public static final Duration RULE_POLL_INTERVAL = Duration.ofMinutes(5);

  /**
   * The SDKs ask for targets every 10 seconds (AWS X-Ray SDK, {@code target_poller.py}) and report
   * the rules whose interval has passed; the simulated sampler does so without jitter.
   */
  public static final Duration TARGET_POLL_INTERVAL = Duration.ofSeconds(10);

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException if a number is out of its range
   */
  public XRayLimits {
    checkArgument(defaultReservoirSize >= 0, "defaultReservoirSize: %s", defaultReservoirSize);
    checkArgument(
        defaultFixedRate >= 0 && defaultFixedRate <= 1, "defaultFixedRate: %s", defaultFixedRate);
    checkArgument(maxSamplingRules >= 0, "maxSamplingRules: %s", maxSamplingRules);
    checkArgument(
        targetInterval != null && targetInterval.compareTo(Duration.ofSeconds(1)) >= 0,
        "targetInterval: %s",
        targetInterval);
    checkArgument(
        quotaTtl != null && !quotaTtl.isNegative() && !quotaTtl.isZero(), "quotaTtl: %s", quotaTtl);
  }

  /** AWS's numbers. */
  public static XRayLimits defaults() {
    return new XRayLimits(
        DEFAULT_RESERVOIR_SIZE,
        DEFAULT_FIXED_RATE,
        DEFAULT_MAX_SAMPLING_RULES,
        DEFAULT_TARGET_INTERVAL,
        DEFAULT_QUOTA_TTL);
  }

  /**
   * These limits with another default rule (the reservoir and rate the {@code Default} rule starts
   * with).
   *
   * @throws IllegalArgumentException if {@code reservoirSize} is negative or {@code fixedRate} is
   *     not in [0, 1]
   */
  public XRayLimits withDefaultRule(int reservoirSize, double fixedRate) {
    return new XRayLimits(reservoirSize, fixedRate, maxSamplingRules, targetInterval, quotaTtl);
  }
}
