package dev.awssim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.engine.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pacer runs on the wall clock, so each test is bounded by a timeout instead of reading it. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WallClockPacerTest {
  /** One second of virtual time per wall millisecond: the tests below take milliseconds. */
  private static final double FAST = 1000.0;

  private final Object lock = new Object();
  private final Scheduler scheduler = new Scheduler(VirtualClock.DEFAULT_START, lock);
  private final VirtualClock clock = scheduler.clock();
  private final List<String> log = new ArrayList<>();

  private Runnable logAt(String name) {
    return () -> log.add(name + "@" + clock.elapsed().toMillis());
  }

  @Test
  void start_scheduledTasks_runAtTheirDueTimeInOrder() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    scheduler.after(Duration.ofSeconds(2), logAt("c"));
    scheduler.after(Duration.ofSeconds(1), logAt("a"));
    scheduler.after(Duration.ofSeconds(1), logAt("b"));
    scheduler.after(Duration.ofSeconds(3), done::countDown);

    try (WallClockPacer pacer = WallClockPacer.start(scheduler, FAST)) {
      done.await();
      assertTrue(pacer.isRunning());
    }

    synchronized (lock) {
      assertEquals(List.of("a@1000", "b@1000", "c@2000"), log);
    }
  }

  @Test
  void advanceBy_fromAnotherThreadWhilePaced_waitsForThePacerToGetThere() {
    scheduler.after(Duration.ofSeconds(5), logAt("due"));
    try (WallClockPacer pacer = WallClockPacer.start(scheduler, FAST)) {
      scheduler.advanceBy(Duration.ofSeconds(5));

      synchronized (lock) {
        assertTrue(clock.nanos() >= Duration.ofSeconds(5).toNanos());
        assertEquals(List.of("due@5000"), log);
      }
    }
  }

  @Test
  void advanceUntil_whilePaced_returnsWhenATaskMakesItTrue() {
    boolean[] flag = new boolean[1];
    scheduler.after(Duration.ofSeconds(4), () -> flag[0] = true);
    try (WallClockPacer pacer = WallClockPacer.start(scheduler, FAST)) {
      boolean ready =
          scheduler.advanceUntil(() -> flag[0], clock.nanos() + Duration.ofHours(1).toNanos());

      assertTrue(ready);
      assertTrue(clock.nanos() < Duration.ofHours(1).toNanos());
    }
  }

  @Test
  void stepAndRunUntilIdle_whilePaced_areRefused() {
    try (WallClockPacer pacer = WallClockPacer.start(scheduler, 1.0)) {
      assertThrows(IllegalStateException.class, scheduler::step);
      assertThrows(IllegalStateException.class, scheduler::runUntilIdle);
    }
  }

  @Test
  void stop_returnsToSteppedControl_timeMovesOnlyWhenAdvanced() {
    WallClockPacer pacer = WallClockPacer.start(scheduler, FAST);
    assertTrue(scheduler.isPaced());
    pacer.stop();
    pacer.stop();

    assertFalse(pacer.isRunning());
    assertFalse(scheduler.isPaced());
    long at = clock.nanos();
    scheduler.after(Duration.ofSeconds(1), logAt("x"));
    assertEquals(at, clock.nanos());
    assertTrue(scheduler.step());
    assertEquals(at + Duration.ofSeconds(1).toNanos(), clock.nanos());
  }

  @Test
  void start_secondPacer_isRefused() {
    try (WallClockPacer pacer = WallClockPacer.start(scheduler, 1.0)) {
      assertThrows(IllegalStateException.class, () -> WallClockPacer.start(scheduler, 2.0));
    }
  }

  @Test
  void start_factorNotPositiveOrNotFinite_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> WallClockPacer.start(scheduler, 0));
    assertThrows(IllegalArgumentException.class, () -> WallClockPacer.start(scheduler, -1));
    assertThrows(
        IllegalArgumentException.class,
        () -> WallClockPacer.start(scheduler, Double.POSITIVE_INFINITY));
    assertFalse(scheduler.isPaced());
  }

  @Test
  void start_taskThrows_isRecordedAndLaterTasksStillRun() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    IllegalStateException boom = new IllegalStateException("boom");
    scheduler.after(
        Duration.ofSeconds(1),
        () -> {
          throw boom;
        });
    scheduler.after(Duration.ofSeconds(2), done::countDown);

    try (WallClockPacer pacer = WallClockPacer.start(scheduler, FAST)) {
      done.await();
      assertEquals(boom, pacer.failure().orElseThrow());
    }
  }
}
