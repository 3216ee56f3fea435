package dev.awssim.internal.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long MS = 1_000_000L;

  @Test
  void rate10Burst5_admitsFiveAtOnce_thenOnePer100ms() {
    TokenBucket bucket = TokenBucket.perSecond(10, 5);

    int admittedAtZero = 0;
    for (int i = 0; i < 20; i++) {
      if (bucket.tryConsume(1, 0).isAdmitted()) {
        admittedAtZero++;
      }
    }
    assertEquals(5, admittedAtZero);

    ThrottleDecision early = bucket.tryConsume(1, 99 * MS);
    assertTrue(early.isRejected());
    assertEquals(Duration.ofMillis(1), early.waitTime());
    assertTrue(bucket.tryConsume(1, 100 * MS).isAdmitted());
    assertTrue(bucket.tryConsume(1, 100 * MS).isRejected());
    assertTrue(bucket.tryConsume(1, 200 * MS).isAdmitted());
  }

  @Test
  void rejection_saysHowLongUntilItWouldPass() {
    TokenBucket bucket = TokenBucket.perSecond(10, 5);
    bucket.tryConsume(5, 0);

    ThrottleDecision d = bucket.tryConsume(3, 0);

    assertTrue(d.isRejected());
    assertEquals(Duration.ofMillis(300), d.waitTime());
    assertTrue(bucket.tryConsume(3, d.waitNanos()).isAdmitted());
  }

  @Test
  void tryAcquire_answersLikeTryConsume() {
    TokenBucket bucket = TokenBucket.perSecond(10, 5);
    assertTrue(bucket.tryAcquire(5, 0));
    assertFalse(bucket.tryAcquire(1, 99 * MS));
    assertTrue(bucket.tryAcquire(1, 100 * MS));
    assertFalse(bucket.tryAcquire(6, Duration.ofHours(1).toNanos()));
  }

  @Test
  void moreThanCapacity_isNeverAdmissible() {
    ThrottleDecision d = TokenBucket.perSecond(10, 5).tryConsume(6, 0);
    assertTrue(d.isNeverAdmissible());
  }

  @Test
  void zeroRate_neverRefills() {
    TokenBucket bucket = TokenBucket.perSecond(0, 2);
    assertTrue(bucket.tryConsume(2, 0).isAdmitted());
    assertTrue(bucket.tryConsume(1, Duration.ofDays(30).toNanos()).isNeverAdmissible());
  }

  @Test
  void fractionalRate_isExact() {
    TokenBucket bucket = TokenBucket.perSecond(0.5, 1);
    assertTrue(bucket.tryConsume(1, 0).isAdmitted());
    assertFalse(bucket.tryConsume(1, 1_999 * MS).isAdmitted());
    assertTrue(bucket.tryConsume(1, 2_000 * MS).isAdmitted());
  }

  @Test
  void aSimulatedMonth_admitsExactlyRateTimesSeconds_noDrift() {
    TokenBucket bucket = TokenBucket.perSecond(3, 10);
    bucket.tryConsume(10, 0);
    long admitted = 0;
    long month = Duration.ofDays(30).toNanos();
    // Ask every 997 ms: tokens arrive every 333.33 ms, so the remainders must carry over exactly.
    for (long t = 997 * MS; t <= month; t += 997 * MS) {
      while (bucket.tryConsume(1, t).isAdmitted()) {
        admitted++;
      }
    }
    long lastAsk = month - month % (997 * MS);
    assertEquals(3 * lastAsk / 1_000_000_000L, admitted);
  }

  @Test
  void badArguments_areRejectedNamingTheArgument() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> TokenBucket.perSecond(-1, 5))
            .getMessage()
            .contains("refillTokens"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> TokenBucket.perSecond(1, -5))
            .getMessage()
            .contains("capacity"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> TokenBucket.perSecond(1, 1).tryConsume(-1, 0))
            .getMessage()
            .contains("tokens"));
    assertThrows(IllegalArgumentException.class, () -> TokenBucket.perSecond(Double.NaN, 1));
  }

  /**
   * Over any window of length w, the admitted count is at most burst + rate x w, and a client that
   * waits the returned delay passes.
   */
  @Test
  void property_admittedNeverExceedsBurstPlusRateTimesWindow_andWaitingPasses() {
    qt().withExamples(200)
        .forAll(
            integers().between(1, 50),
            integers().between(1, 20),
            lists().of(integers().between(0, 300)).ofSizeBetween(1, 300))
        .checkAssert(
            (rate, burst, gapsMs) -> {
              TokenBucket bucket = TokenBucket.perSecond(rate, burst);
              List<Long> admittedTimes = new ArrayList<>();
              long now = 0;
              for (int gap : gapsMs) {
                now += gap * MS;
                ThrottleDecision d = bucket.tryConsume(1, now);
                if (d.isAdmitted()) {
                  admittedTimes.add(now);
                } else {
                  assertTrue(d.waitNanos() > 0);
                  // Waiting exactly the returned delay must pass on the same bucket.
                  assertTrue(bucket.estimate(1, now + d.waitNanos()).isAdmitted());
                }
              }
              for (int i = 0; i < admittedTimes.size(); i++) {
                for (int j = i; j < admittedTimes.size(); j++) {
                  long window = admittedTimes.get(j) - admittedTimes.get(i);
                  long count = (long) j - i + 1;
                  double bound = burst + rate * (window / 1e9);
                  assertTrue(
                      count <= Math.floor(bound + 1e-9),
                      () -> count + " admitted in " + window + " ns exceeds " + bound);
                }
              }
            });
  }
}
