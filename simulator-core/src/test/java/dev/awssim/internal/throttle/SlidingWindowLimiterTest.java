package dev.awssim.internal.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTest {
  private static final long MS = 1_000_000L;

  @Test
  void fiveCallsPerSecond_sixthInTheSameSecondIsRejected() {
    SlidingWindowLimiter calls = SlidingWindowLimiter.perSecond(5);
    for (int i = 0; i < 5; i++) {
      assertTrue(calls.tryAcquire(1, i * 100L * MS).isAdmitted());
    }

    ThrottleDecision sixth = calls.tryAcquire(1, 500 * MS);

    assertTrue(sixth.isRejected());
    assertEquals(Duration.ofMillis(500), sixth.waitTime());
    assertTrue(calls.tryAcquire(1, 1_000 * MS).isAdmitted(), "released at exactly t0 + 1 s");
  }

  @Test
  void hasRoom_answersAsEstimateAtTheBoundary_andRecordsNothing() {
    // a shard's 1,000 records/s, all used at t0 = 0
    SlidingWindowLimiter records = SlidingWindowLimiter.perSecond(1_000);
    records.record(1_000, 0);
    assertFalse(records.hasRoom(1, 1_000 * MS - 1));
    assertTrue(records.estimate(1, 1_000 * MS - 1).isRejected());
    assertTrue(records.hasRoom(1_000, 1_000 * MS), "released at exactly t0 + 1 s");
    assertFalse(records.hasRoom(1_001, 1_000 * MS));
    assertEquals(0, records.used(1_000 * MS), "hasRoom records nothing");
  }

  @Test
  void amountOverTheLimit_isNeverAdmissible() {
    assertTrue(
        SlidingWindowLimiter.perSecond(1_048_576).tryAcquire(1_048_577, 0).isNeverAdmissible());
  }

  @Test
  void record_countsBeyondTheLimit_asAPenalty() {
    SlidingWindowLimiter bytes = SlidingWindowLimiter.perSecond(2);
    bytes.record(10, 0);
    assertTrue(bytes.tryAcquire(1, 999 * MS).isRejected());
    assertTrue(bytes.tryAcquire(1, 1_000 * MS).isAdmitted());
  }

  @Test
  void property_noOneSecondSpanAdmitsMoreThanTheLimit() {
    qt().withExamples(200)
        .forAll(
            integers().between(1, 20),
            lists().of(integers().between(0, 400)).ofSizeBetween(1, 200),
            integers().between(1, 5))
        .checkAssert(
            (limit, gapsMs, amount) -> {
              SlidingWindowLimiter limiter = SlidingWindowLimiter.perSecond(limit);
              List<long[]> admitted = new ArrayList<>();
              long now = 0;
              for (int gap : gapsMs) {
                now += gap * MS;
                ThrottleDecision d = limiter.tryAcquire(amount, now);
                if (d.isAdmitted()) {
                  admitted.add(new long[] {now, amount});
                } else if (!d.isNeverAdmissible()) {
                  assertTrue(limiter.estimate(amount, now + d.waitNanos()).isAdmitted());
                }
              }
              for (long[] first : admitted) {
                long sum = 0;
                for (long[] other : admitted) {
                  if (other[0] >= first[0] && other[0] < first[0] + 1_000 * MS) {
                    sum += other[1];
                  }
                }
                assertTrue(sum <= limit, sum + " > " + limit);
              }
            });
  }
}
