package dev.awssim.dynamodb.capacity;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * DynamoDB's capacity numbers: throughput quotas ({@code ServiceQuotas.html}, all adjustable in
 * AWS) per table (table plus its GSIs) and per account, and the on-demand scaling rules.
 *
 * <pre>{@code
 * CapacityLimits.defaults().withAccountUnits(160_000);
 * }</pre>
 *
 * @param tableUnits per-table read and write quota (RCU/WCU or RRU/WRU per second)
 * @param accountUnits per-account read and write quota
 * @param onDemandSwitchesPerDay switches to on-demand per rolling 24 hours
 * @param onDemandInitialReads reads per second a new on-demand table sustains
 * @param onDemandInitialWrites writes per second a new on-demand table sustains
 * @param peakWindowSeconds seconds after which a second's traffic counts as the previous peak
 */
public record CapacityLimits(
    long tableUnits,
    long accountUnits,
    int onDemandSwitchesPerDay,
    long onDemandInitialReads,
    long onDemandInitialWrites,
    long peakWindowSeconds) {
  /** 40,000 RCU and 40,000 WCU per table ({@code ServiceQuotas.html}). */
  public static final long TABLE_UNITS = 40_000;

  /** 80,000 RCU and 80,000 WCU per account ({@code ServiceQuotas.html}). */
  public static final long ACCOUNT_UNITS = 80_000;

  /** Four switches to on-demand per rolling 24 h ({@code switching.capacitymode.html}). */
  public static final int ON_DEMAND_SWITCHES_PER_DAY = 4;

  /**
   * A new on-demand table sustains up to 12,000 reads per second ({@code
   * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/on-demand-capacity-mode.html}).
   */
  public static final long ON_DEMAND_INITIAL_READS = 12_000;

  /**
   * A new on-demand table sustains up to 4,000 writes per second ({@code
   * on-demand-capacity-mode.html}).
   */
  public static final long ON_DEMAND_INITIAL_WRITES = 4_000;

  /**
   * [SIM] 30 minutes: on-demand traffic may double the previous peak at once, and throttles above
   * that "within 30 minutes" ({@code
   * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadWriteCapacityMode.html}),
   * so a second's traffic becomes the previous peak 1,800 s after it happened.
   */
  public static final long PEAK_WINDOW_SECONDS = 1_800;

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public CapacityLimits {
    checkArgument(tableUnits >= 1 && accountUnits >= 1, "quotas must be >= 1");
    checkArgument(onDemandSwitchesPerDay >= 0, "onDemandSwitchesPerDay must not be negative");
    checkArgument(
        onDemandInitialReads >= 2 && onDemandInitialWrites >= 2,
        "on-demand initial throughput must be >= 2");
    checkArgument(peakWindowSeconds >= 0, "peakWindowSeconds must not be negative");
  }

  /** Quotas with AWS's on-demand scaling rules. */
  public CapacityLimits(long tableUnits, long accountUnits, int onDemandSwitchesPerDay) {
    this(
        tableUnits,
        accountUnits,
        onDemandSwitchesPerDay,
        ON_DEMAND_INITIAL_READS,
        ON_DEMAND_INITIAL_WRITES,
        PEAK_WINDOW_SECONDS);
  }

  /** AWS's default quotas. */
  public static CapacityLimits defaults() {
    return new CapacityLimits(TABLE_UNITS, ACCOUNT_UNITS, ON_DEMAND_SWITCHES_PER_DAY);
  }

  /** A copy with another per-table quota. */
  public CapacityLimits withTableUnits(long value) {
    return new CapacityLimits(
        value,
        accountUnits,
        onDemandSwitchesPerDay,
        onDemandInitialReads,
        onDemandInitialWrites,
        peakWindowSeconds);
  }

  /** A copy with another per-account quota. */
  public CapacityLimits withAccountUnits(long value) {
    return new CapacityLimits(
        tableUnits,
        value,
        onDemandSwitchesPerDay,
        onDemandInitialReads,
        onDemandInitialWrites,
        peakWindowSeconds);
  }

  /** The previous peak of a new on-demand table, half of what it sustains: reads or writes. */
  public long initialPeak(boolean write) {
    return (write ? onDemandInitialWrites : onDemandInitialReads) / 2;
  }
}
