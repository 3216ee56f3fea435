package dev.awssim.apigateway;

import com.google.common.collect.ImmutableList;
import dev.awssim.internal.time.UtcCalendar;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The requests of one API key in one usage plan: the quota of the current period (rolled lazily at
 * the period's UTC boundary) and a count per UTC day for {@code GetUsage}. The plan's first period
 * has {@code limit - offset} requests (API_QuotaSettings.html).
 */
final class KeyUsage {
  private QuotaSettings quota;
  private final UtcCalendar days;
  private final long planCreatedNanos;
  private long firstPeriod;
  private long period;
  private long periodEndNanos;
  private long usedInPeriod;
  private final TreeMap<Long, Long> dayCounts = new TreeMap<>();
  private long day = Long.MIN_VALUE;
  private long dayEndNanos = Long.MIN_VALUE;
  private long dayCount;

  KeyUsage(QuotaSettings quota, UtcCalendar days, long planCreatedNanos) {
    this.quota = quota;
    this.days = days;
    this.planCreatedNanos = planCreatedNanos;
    this.firstPeriod = quota == null ? 0 : quota.period().indexOf(days.epochDay(planCreatedNanos));
    this.period = firstPeriod;
    this.periodEndNanos = quota == null ? Long.MAX_VALUE : periodEnd(firstPeriod);
  }

  /** Whether the quota of the period holding {@code nowNanos} is used up. */
  boolean quotaExhausted(long nowNanos) {
    if (quota == null) {
      return false;
    }
    if (nowNanos >= periodEndNanos) {
      period = quota.period().indexOf(days.epochDay(nowNanos));
      periodEndNanos = periodEnd(period);
      usedInPeriod = 0;
    }
    return usedInPeriod >= limitOf(period);
  }

  /** Counts one admitted request at {@code nowNanos} (after {@link #quotaExhausted}). */
  void count(long nowNanos) {
    usedInPeriod++;
    if (nowNanos >= dayEndNanos) {
      flushDay();
      day = days.epochDay(nowNanos);
      dayEndNanos = days.startOfEpochDay(day + 1);
    }
    dayCount++;
  }

  /**
   * Applies a changed quota (or none) from {@code nowNanos}: the requests already admitted in the
   * new quota's current period count against its limit, and {@code offset} still applies to the
   * plan's first period only.
   */
  void changeQuota(QuotaSettings changed, long nowNanos) {
    if (Objects.equals(changed, quota)) {
      return;
    }
    flushDay();
    quota = changed;
    if (changed == null) {
      periodEndNanos = Long.MAX_VALUE;
      return;
    }
    long today = days.epochDay(nowNanos);
    firstPeriod = changed.period().indexOf(days.epochDay(planCreatedNanos));
    period = changed.period().indexOf(today);
    periodEndNanos = periodEnd(period);
    usedInPeriod =
        dayCounts.subMap(changed.period().startDay(period), true, today, true).values().stream()
            .mapToLong(Long::longValue)
            .sum();
  }

  /** Requests left in the current period, or empty without a quota. */
  OptionalLong remaining(long nowNanos) {
    if (quota == null) {
      return OptionalLong.empty();
    }
    quotaExhausted(nowNanos);
    return OptionalLong.of(Math.max(0, limitOf(period) - usedInPeriod));
  }

  /** One {@link UsageDay} per day from {@code from} to {@code to}. */
  ImmutableList<UsageDay> usage(LocalDate from, LocalDate to) {
    flushDay();
    ImmutableList.Builder<UsageDay> result = ImmutableList.builder();
    for (long d = from.toEpochDay(); d <= to.toEpochDay(); d++) {
      long used = dayCounts.getOrDefault(d, 0L);
      result.add(new UsageDay(LocalDate.ofEpochDay(d), used, remainingAtEndOf(d)));
    }
    return result.build();
  }

  private OptionalLong remainingAtEndOf(long epochDay) {
    if (quota == null) {
      return OptionalLong.empty();
    }
    long p = quota.period().indexOf(epochDay);
    long used =
        dayCounts.subMap(quota.period().startDay(p), true, epochDay, true).values().stream()
            .mapToLong(Long::longValue)
            .sum();
    return OptionalLong.of(Math.max(0, limitOf(p) - used));
  }

  private void flushDay() {
    if (dayCount > 0) {
      dayCounts.merge(day, dayCount, Long::sum);
      dayCount = 0;
    }
  }

  private long limitOf(long p) {
    return p == firstPeriod ? quota.limit() - quota.offset() : quota.limit();
  }

  private long periodEnd(long p) {
    return days.startOfEpochDay(quota.period().startDay(p + 1));
  }
}
