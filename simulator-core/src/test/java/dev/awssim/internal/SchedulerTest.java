package dev.awssim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.engine.time.Cancellable;
import dev.awssim.engine.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  private final Scheduler scheduler = new Scheduler(VirtualClock.DEFAULT_START, new Object());
  private final VirtualClock clock = scheduler.clock();
  private final List<String> log = new ArrayList<>();

  private Runnable logAt(String name) {
    return () -> log.add(name + "@" + clock.elapsed().toMillis());
  }

  @Test
  void advanceBy_runsTasksInDueOrder_andTiesInSchedulingOrder() {
    scheduler.after(Duration.ofSeconds(2), logAt("c"));
    scheduler.after(Duration.ofSeconds(1), logAt("a"));
    scheduler.after(Duration.ofSeconds(1), logAt("b"));

    scheduler.advanceBy(Duration.ofSeconds(5));

    assertEquals(List.of("a@1000", "b@1000", "c@2000"), log);
    assertEquals(Duration.ofSeconds(5), clock.elapsed());
  }

  @Test
  void advanceBy_taskDueExactlyAtTarget_runs() {
    scheduler.after(Duration.ofSeconds(30), logAt("visible"));

    scheduler.advanceBy(Duration.ofMillis(29_999));
    assertEquals(List.of(), log);

    scheduler.advanceBy(Duration.ofMillis(1));
    assertEquals(List.of("visible@30000"), log);
  }

  @Test
  void advanceTo_instantAndClockEqualsTarget() {
    Instant target = clock.start().plusSeconds(90);
    scheduler.at(clock.start().plusSeconds(60), logAt("x"));

    scheduler.advanceTo(target);

    assertEquals(List.of("x@60000"), log);
    assertEquals(target, clock.now());
  }

  @Test
  void advanceTo_pastTarget_isRejected() {
    scheduler.advanceBy(Duration.ofSeconds(10));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> scheduler.advanceTo(clock.start().plusSeconds(5)));
    assertTrue(e.getMessage().contains("before the current virtual time"));
    assertEquals(Duration.ofSeconds(10), clock.elapsed());
  }

  @Test
  void negativeAndNullArguments_areRejectedNamingTheArgument() {
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class, () -> scheduler.advanceBy(Duration.ofSeconds(-1)));
    assertTrue(negative.getMessage().contains("duration"));
    IllegalArgumentException delay =
        assertThrows(
            IllegalArgumentException.class, () -> scheduler.after(Duration.ofMillis(-1), () -> {}));
    assertTrue(delay.getMessage().contains("delay"));
    IllegalArgumentException period =
        assertThrows(
            IllegalArgumentException.class, () -> scheduler.every(Duration.ZERO, () -> {}));
    assertTrue(period.getMessage().contains("period"));
    NullPointerException nullTask =
        assertThrows(NullPointerException.class, () -> scheduler.after(Duration.ZERO, null));
    assertTrue(nullTask.getMessage().contains("task"));
  }

  @Test
  void cancel_preventsRun() {
    Cancellable handle = scheduler.after(Duration.ofSeconds(1), logAt("cancelled"));
    scheduler.after(Duration.ofSeconds(2), logAt("kept"));

    handle.cancel();
    scheduler.advanceBy(Duration.ofSeconds(3));

    assertTrue(handle.isCancelled());
    assertEquals(List.of("kept@2000"), log);
    assertEquals(0, scheduler.pendingCount());
  }

  @Test
  void tasksScheduledInsideTheWindow_runInTheSameAdvance() {
    scheduler.after(
        Duration.ofSeconds(1),
        () -> {
          log.add("outer@" + clock.elapsed().toMillis());
          scheduler.after(Duration.ofSeconds(1), logAt("inner"));
          scheduler.after(Duration.ofSeconds(10), logAt("later"));
        });

    scheduler.advanceBy(Duration.ofSeconds(2));

    assertEquals(List.of("outer@1000", "inner@2000"), log);
    assertEquals(1, scheduler.pendingCount());
  }

  @Test
  void every_runsPeriodically_untilCancelled() {
    Cancellable ticker = scheduler.every(Duration.ofSeconds(1), logAt("tick"));

    scheduler.advanceBy(Duration.ofMillis(3_500));
    ticker.cancel();
    scheduler.advanceBy(Duration.ofSeconds(10));

    assertEquals(List.of("tick@1000", "tick@2000", "tick@3000"), log);
  }

  @Test
  void step_runsOneTaskAndMovesClockToItsDueTime() {
    scheduler.after(Duration.ofSeconds(7), logAt("a"));
    scheduler.after(Duration.ofSeconds(9), logAt("b"));

    assertTrue(scheduler.step());
    assertEquals(List.of("a@7000"), log);
    assertEquals(Duration.ofSeconds(7), clock.elapsed());
    assertTrue(scheduler.step());
    assertFalse(scheduler.step());
  }

  @Test
  void runUntilIdle_runsEverything_andReturnsTheCount() {
    scheduler.after(Duration.ofHours(1), logAt("a"));
    scheduler.after(Duration.ofDays(14), logAt("b"));

    assertEquals(2, scheduler.runUntilIdle());
    assertEquals(Duration.ofDays(14), clock.elapsed());
  }

  @Test
  void runUntilIdle_withPeriodicWork_isGuarded() {
    scheduler.every(Duration.ofSeconds(1), () -> {});

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> scheduler.runUntilIdle(100));
    assertTrue(e.getMessage().contains("periodic"));
  }

  @Test
  void advancingFromInsideATask_isRejected() {
    List<Throwable> errors = new ArrayList<>();
    scheduler.after(
        Duration.ofSeconds(1),
        () -> {
          try {
            scheduler.advanceBy(Duration.ofSeconds(1));
          } catch (IllegalStateException e) {
            errors.add(e);
          }
        });

    scheduler.advanceBy(Duration.ofSeconds(1));

    assertEquals(1, errors.size());
    assertTrue(errors.get(0).getMessage().contains("continuation"));
  }

  @Test
  void advanceUntil_stopsWhenReady_orAtTheDeadline() {
    boolean[] ready = {false};
    scheduler.after(Duration.ofSeconds(3), () -> ready[0] = true);

    assertTrue(scheduler.advanceUntil(() -> ready[0], Duration.ofSeconds(20).toNanos()));
    assertEquals(Duration.ofSeconds(3), clock.elapsed());

    assertFalse(scheduler.advanceUntil(() -> false, Duration.ofSeconds(23).toNanos()));
    assertEquals(Duration.ofSeconds(23), clock.elapsed());
  }

  @Test
  void views_followVirtualTime() {
    scheduler.advanceBy(Duration.ofMinutes(5));

    assertEquals(Duration.ofMinutes(5).toNanos(), clock.asTicker().read());
    assertEquals(clock.start().plusSeconds(300), clock.asJavaClock().instant());
    assertEquals(clock.start().plusSeconds(300).toEpochMilli(), clock.asJavaClock().millis());
  }

  @Test
  void manyCancelledTasks_areReclaimed() {
    for (int i = 0; i < 10_000; i++) {
      scheduler.after(Duration.ofSeconds(1), () -> {}).cancel();
    }
    assertEquals(0, scheduler.pendingCount());
    assertEquals(-1, scheduler.nextDueNanos());
  }

  @Test
  void advanceBy_toTheClocksLastInstant_movesThere() {
    scheduler.advanceBy(Duration.ofDays(1));

    scheduler.advanceBy(Duration.ofNanos(Long.MAX_VALUE).minusDays(1));

    assertEquals(clock.end(), clock.now());
  }

  @Test
  void advanceBy_pastTheClocksLastInstant_isRefusedAndTimeStays() {
    scheduler.advanceBy(Duration.ofDays(1));
    Duration tooFar = Duration.ofNanos(Long.MAX_VALUE).minusDays(1).plusNanos(1);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> scheduler.advanceBy(tooFar));

    assertTrue(e.getMessage().contains("last instant of the virtual clock"), e.getMessage());
    assertEquals(Duration.ofDays(1), clock.elapsed());
    assertThrows(
        IllegalArgumentException.class, () -> scheduler.advanceBy(Duration.ofDays(200_000)));
    assertEquals(Duration.ofDays(1), clock.elapsed());
  }

  @Test
  void advanceTo_pastTheClocksLastInstant_isRefusedAndTimeStays() {
    scheduler.advanceTo(clock.end());
    assertEquals(clock.end(), clock.now());
    Scheduler fresh = new Scheduler(VirtualClock.DEFAULT_START, new Object());
    VirtualClock other = fresh.clock();

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> fresh.advanceTo(other.end().plusNanos(1)));

    assertTrue(e.getMessage().contains("last instant of the virtual clock"), e.getMessage());
    assertEquals(Duration.ZERO, other.elapsed());
  }
}
