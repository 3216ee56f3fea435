package dev.awssim.dynamodb.capacity;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Throughput quotas ({@code ServiceQuotas.html}, all adjustable in AWS): per table (table plus its
 * GSIs) and per account.
 *
 * <pre>{@code
 * CapacityLimits.defaults().withAccountUnits(160_000);
 * }</pre>
 *
 * @param tableUnits per-table read and write quota (RCU/WCU or RRU/WRU per second)
 * @param accountUnits per-account read and write quota
 * @param onDemandSwitchesPerDay switches to on-demand per rolling 24 hours
 */
public record CapacityLimits(long tableUnits, long accountUnits, int onDemandSwitchesPerDay) {
  /** 40,000 RCU and 40,000 WCU per table ({@code ServiceQuotas.html}). */
  public static final long TABLE_UNITS = 40_000;

  /** 80,000 RCU and 80,000 WCU per account ({@code ServiceQuotas.html}). */
  public static final long ACCOUNT_UNITS = 80_000;

  /** Four switches to on-demand per rolling 24 h ({@code switching.capacitymode.html}). */
  public static final int ON_DEMAND_SWITCHES_PER_DAY = 4;

  /**
   * @throws IllegalArgumentException if a value is not positive
   */
  public CapacityLimits {
    checkArgument(tableUnits >= 1 && accountUnits >= 1, "quotas must be >= 1");
    checkArgument(onDemandSwitchesPerDay >= 0, "onDemandSwitchesPerDay must not be negative");
  }

  /** AWS's default quotas. */
  public static CapacityLimits defaults() {
    return new CapacityLimits(TABLE_UNITS, ACCOUNT_UNITS, ON_DEMAND_SWITCHES_PER_DAY);
  }

  /** A copy with another per-table quota. */
  public CapacityLimits withTableUnits(long value) {
    return new CapacityLimits(value, accountUnits, onDemandSwitchesPerDay);
  }

  /** A copy with another per-account quota. */
  public CapacityLimits withAccountUnits(long value) {
    return new CapacityLimits(tableUnits, value, onDemandSwitchesPerDay);
  }
}
