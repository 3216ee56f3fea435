package dev.awssim.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import dev.awssim.engine.time.Cancellable;
import dev.awssim.engine.time.VirtualClock;
import dev.awssim.internal.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The one event scheduler of a simulation: tasks ordered by (due time, sequence number), run on
 * virtual time.
 *
 * <p>How it works (the design of RxJava's {@code TestScheduler} and Reactor's {@code
 * VirtualTimeScheduler}): each task gets a sequence number when scheduled, so tasks due at the same
 * instant run in the order they were scheduled. Before a task runs the clock is set to its due
 * time; after {@code advanceBy}/{@code advanceTo} the clock equals the target.
 *
 * <p><b>The boundary rule.</b> {@link #advanceTo(Instant)} and {@link #advanceBy(Duration)} run
 * every task due <em>at or before</em> the target, including a task due exactly at the target and
 * tasks that those tasks schedule inside the window. This matches the half-open periods of the AWS
 * reference (a 30 s visibility timeout started at t0 is over at exactly t0 + 30 s, so the timer
 * that ends it runs when the clock reaches t0 + 30 s).
 *
 * <pre>{@code
 * scheduler.after(Duration.ofSeconds(30), () -> log.add("visible"));
 * scheduler.advanceBy(Duration.ofSeconds(30)); // runs the task; clock = start + 30 s
 * }</pre>
 *
 * <p><b>Threads.</b> Every public method is safe to call from several threads: they all hold the
 * simulation's lock. Determinism (same seed and same calls give the same trace) is promised when
 * the simulation is driven from one thread. Time cannot be advanced from inside a running task:
 * code running inside the simulation schedules continuations instead.
 *
 * <p><b>Paced mode.</b> Stepped control is the default. While a {@link WallClockPacer} runs, only
 * its thread moves time: {@code advanceBy}, {@code advanceTo} and {@link #advanceUntil} called from
 * any other thread wait until the pacer's clock reaches the target (or the pacer stops, after which
 * they move time themselves), and {@link #step()} and {@link #runUntilIdle()} are refused.
 */
public final class Scheduler {
  /** The default guard of {@link #runUntilIdle()}: the most tasks it runs before giving up. */
  public static final long DEFAULT_IDLE_GUARD = 10_000_000L;

  private final VirtualClock clock;
  private final Object lock;

  /** The clock's elapsed nanoseconds: only this scheduler moves them, and only forwards. */
  private volatile long nanos;

  private final TaskHeap<Task> queue = new TaskHeap<>();
  private long nextSequence;
  private long cancelledInQueue;
  private boolean runningTask;

  /** Set while a {@link WallClockPacer} moves time; null in stepped mode (the default). */
  private Pacing pacing;

  /**
   * Creates a scheduler with a fresh clock at {@code start}, guarded by {@code lock}. The clock is
   * this scheduler's own: no other scheduler can move it.
   *
   * @throws NullPointerException if an argument is null
   */
  public Scheduler(Instant start, Object lock) {
    this.clock = new VirtualClock(start, this::elapsedNanos);
    this.lock = checkNotNull(lock, "lock");
  }

  private long elapsedNanos() {
    return nanos;
  }

  private void moveTo(long targetNanos) {
    checkArgument(targetNanos >= nanos, "time moves forward only");
    nanos = targetNanos;
  }

  /** The clock this scheduler moves. */
  public VirtualClock clock() {
    return clock;
  }

  /**
   * Runs {@code task} once at {@code instant}; an instant in the past or present runs at the next
   * advance, at the current time.
   *
   * @throws NullPointerException if an argument is null
   */
  public Cancellable at(Instant instant, Runnable task) {
    checkNotNull(instant, "instant");
    long due = instant.isBefore(clock.start()) ? 0 : clock.toNanos(instant);
    return atNanos(due, task);
  }

  /**
   * Runs {@code task} once after {@code delay} of virtual time (zero runs at the next advance).
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public Cancellable after(Duration delay, Runnable task) {
    return afterNanos(Durations.nonNegativeNanos(delay, "delay"), task);
  }

  /**
   * Runs {@code task} every {@code period}, first after one period.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code period} is not positive
   */
  public Cancellable every(Duration period, Runnable task) {
    return every(period, period, task);
  }

  /**
   * Runs {@code task} first after {@code initialDelay}, then every {@code period}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code initialDelay} is negative or {@code period} is not
   *     positive
   */
  public Cancellable every(Duration initialDelay, Duration period, Runnable task) {
    long delay = Durations.nonNegativeNanos(initialDelay, "initialDelay");
    long periodNanos = Durations.positiveNanos(period, "period");
    checkNotNull(task, "task");
    synchronized (lock) {
      return enqueue(Durations.saturatedAdd(clock.nanos(), delay), periodNanos, task);
    }
  }

  /**
   * Runs {@code task} once when the clock reaches {@code dueNanos} (elapsed nanoseconds).
   *
   * @throws NullPointerException if {@code task} is null
   */
  public Cancellable atNanos(long dueNanos, Runnable task) {
    checkNotNull(task, "task");
    synchronized (lock) {
      return enqueue(Math.max(dueNanos, clock.nanos()), 0, task);
    }
  }

  /**
   * Runs {@code task} once after {@code delayNanos} of virtual time.
   *
   * @throws IllegalArgumentException if {@code delayNanos} is negative
   */
  public Cancellable afterNanos(long delayNanos, Runnable task) {
    checkArgument(delayNanos >= 0, "delay must not be negative: %s ns", delayNanos);
    checkNotNull(task, "task");
    synchronized (lock) {
      return enqueue(Durations.saturatedAdd(clock.nanos(), delayNanos), 0, task);
    }
  }

  /**
   * Moves the clock forward by {@code duration}, running every task due at or before the target
   * (see the boundary rule above). Afterwards the clock equals the target.
   *
   * @throws NullPointerException if {@code duration} is null
   * @throws IllegalArgumentException if {@code duration} is negative, or the target is after the
   *     clock's {@link VirtualClock#end() last instant}
   * @throws IllegalStateException if called from inside a running task
   */
  public void advanceBy(Duration duration) {
    long delta = Durations.nonNegativeNanos(duration, "duration");
    synchronized (lock) {
      long now = clock.nanos();
      checkArgument(
          duration.compareTo(Duration.ofNanos(Long.MAX_VALUE - now)) <= 0,
          "cannot advance by %s: the target is after %s, the last instant of the virtual clock"
              + " (292 years of nanoseconds after its start %s)",
          duration,
          clock.end(),
          clock.start());
      advanceToNanos(now + delta);
    }
  }

  /**
   * Moves the clock to {@code instant}, running every task due at or before it. Afterwards the
   * clock equals {@code instant}.
   *
   * @throws NullPointerException if {@code instant} is null
   * @throws IllegalArgumentException if {@code instant} is before the current virtual time, or
   *     after the clock's {@link VirtualClock#end() last instant}
   * @throws IllegalStateException if called from inside a running task
   */
  public void advanceTo(Instant instant) {
    checkNotNull(instant, "instant");
    synchronized (lock) {
      checkArgument(
          !instant.isBefore(clock.now()),
          "cannot advance to %s: it is before the current virtual time %s",
          instant,
          clock.now());
      checkArgument(
          !instant.isAfter(clock.end()),
          "cannot advance to %s: it is after %s, the last instant of the virtual clock"
              + " (292 years of nanoseconds after its start %s)",
          instant,
          clock.end(),
          clock.start());
      advanceToNanos(clock.toNanos(instant));
    }
  }

  /**
   * Moves the clock to {@code targetNanos} elapsed nanoseconds, running every task due at or before
   * it.
   *
   * @throws IllegalArgumentException if the target is in the past
   * @throws IllegalStateException if called from inside a running task
   */
  public void advanceToNanos(long targetNanos) {
    synchronized (lock) {
      checkNotInsideTask("advance time");
      if (awaitPacer(() -> clock.nanos() >= targetNanos)) {
        return;
      }
      checkArgument(
          targetNanos >= clock.nanos(),
          "cannot advance to %s ns: the clock is already at %s ns",
          targetNanos,
          clock.nanos());
      while (runNextDueBy(targetNanos)) {
        // keep running
      }
      moveTo(targetNanos);
    }
  }

  /**
   * Runs the next pending task, moving the clock to its due time.
   *
   * @return whether a task ran (false when nothing is pending)
   * @throws IllegalStateException if called from inside a running task
   */
  public boolean step() {
    synchronized (lock) {
      checkNotInsideTask("step");
      checkNotPaced("step");
      return runNextDueBy(Long.MAX_VALUE);
    }
  }

  /**
   * Runs tasks until none is pending, with the default guard of {@value #DEFAULT_IDLE_GUARD} tasks.
   *
   * @return how many tasks ran
   * @throws IllegalStateException if the guard is reached (periodic tasks never let the scheduler
   *     go idle: use {@link #advanceBy(Duration)} with them), or if called inside a running task
   */
  public long runUntilIdle() {
    return runUntilIdle(DEFAULT_IDLE_GUARD);
  }

  /**
   * Runs tasks until none is pending or {@code maxTasks} have run.
   *
   * @return how many tasks ran
   * @throws IllegalArgumentException if {@code maxTasks} is not positive
   * @throws IllegalStateException if tasks are still pending after {@code maxTasks} ran
   */
  public long runUntilIdle(long maxTasks) {
    checkArgument(maxTasks > 0, "maxTasks must be positive: %s", maxTasks);
    synchronized (lock) {
      checkNotInsideTask("run until idle");
      checkNotPaced("run until idle");
      long ran = 0;
      while (ran < maxTasks && runNextDueBy(Long.MAX_VALUE)) {
        ran++;
      }
      checkState(
          pendingCount() == 0,
          "runUntilIdle ran %s tasks and tasks are still pending; periodic tasks (every) never let"
              + " the scheduler go idle: cancel them or use advanceBy/advanceTo",
          ran);
      return ran;
    }
  }

  /**
   * Runs tasks one by one until {@code ready} is true or the next task is due after {@code
   * deadlineNanos}. Used by calls that would block in AWS (long polling): the clock stops at the
   * instant {@code ready} became true, or at the deadline.
   *
   * @return the final value of {@code ready}
   * @throws IllegalStateException if called from inside a running task (use a callback there)
   */
  public boolean advanceUntil(BooleanSupplier ready, long deadlineNanos) {
    checkNotNull(ready, "ready");
    synchronized (lock) {
      checkNotInsideTask("wait on virtual time (long polling)");
      if (ready.getAsBoolean()) {
        return true;
      }
      if (awaitPacer(() -> ready.getAsBoolean() || clock.nanos() >= deadlineNanos)) {
        return ready.getAsBoolean();
      }
      long target = Math.max(deadlineNanos, clock.nanos());
      while (runNextDueBy(target)) {
        if (ready.getAsBoolean()) {
          return true;
        }
      }
      moveTo(target);
      return ready.getAsBoolean();
    }
  }

  /** Whether the calling code runs inside a scheduled task. */
  public boolean isRunningTask() {
    synchronized (lock) {
      return runningTask;
    }
  }

  /** How many tasks are pending (cancelled tasks excluded). */
  public int pendingCount() {
    synchronized (lock) {
      return (int) (queue.size() - cancelledInQueue);
    }
  }

  /** The due time of the next pending task in elapsed nanoseconds, or -1 if none is pending. */
  public long nextDueNanos() {
    synchronized (lock) {
      Task next = peekLive();
      return next == null ? -1 : next.due;
    }
  }

  private Task enqueue(long due, long period, Runnable action) {
    Task task = new Task(this, due, period, action);
    task.queued = true;
    queue.add(task.due, nextSequence++, task);
    return task;
  }

  private boolean runNextDueBy(long limitNanos) {
    Task next = peekLive();
    if (next == null || next.due > limitNanos) {
      return false;
    }
    queue.poll();
    next.queued = false;
    moveTo(next.due);
    runningTask = true;
    try {
      next.action.run();
    } finally {
      runningTask = false;
    }
    if (next.period > 0 && !next.cancelled) {
      next.due = Durations.saturatedAdd(next.due, next.period);
      next.queued = true;
      queue.add(next.due, nextSequence++, next);
    }
    return true;
  }

  private Task peekLive() {
    Task head = queue.peek();
    while (head != null && head.cancelled) {
      queue.poll();
      head.queued = false;
      cancelledInQueue--;
      head = queue.peek();
    }
    return head;
  }

  /**
   * While a pacer moves time, a thread other than the pacer's waits for the pacer to make {@code
   * done} true instead of moving time itself.
   *
   * @return true if {@code done} became true; false in stepped mode or if the pacer stopped while
   *     waiting (the caller then moves time itself)
   */
  private boolean awaitPacer(BooleanSupplier done) {
    Pacing p = pacing;
    return p != null && !p.drivesCurrentThread() && p.await(done);
  }

  private void checkNotPaced(String what) {
    Pacing p = pacing;
    checkState(
        p == null || p.drivesCurrentThread(),
        "cannot %s while a WallClockPacer moves time: stop the pacer first",
        what);
  }

  /** The lock that guards this scheduler (the simulation's lock). */
  Object lock() {
    return lock;
  }

  /**
   * Hands time to {@code p} (a pacer), or back to stepped control with null.
   *
   * @throws IllegalStateException if another pacer already moves time
   */
  void pacedBy(Pacing p) {
    synchronized (lock) {
      checkState(p == null || pacing == null, "a WallClockPacer already moves this simulation");
      pacing = p;
    }
  }

  /** Whether a {@link WallClockPacer} moves time now. */
  public boolean isPaced() {
    synchronized (lock) {
      return pacing != null;
    }
  }

  /** What the scheduler needs from the one component that moves time by the wall clock. */
  interface Pacing {
    /** Whether the calling thread is the one that moves time. */
    boolean drivesCurrentThread();

    /**
     * Waits, with the scheduler's lock held on entry and released while waiting, until {@code done}
     * is true or pacing stops.
     *
     * @return whether {@code done} became true
     */
    boolean await(BooleanSupplier done);
  }

  private void checkNotInsideTask(String what) {
    checkState(
        !runningTask,
        "cannot %s from inside a scheduled task: schedule a continuation (after/at) instead",
        what);
  }

  private void onCancel(Task task) {
    if (task.queued) {
      cancelledInQueue++;
    }
    if (cancelledInQueue > 1024 && cancelledInQueue > queue.size() / 2) {
      queue.removeIf(t -> t.cancelled);
      cancelledInQueue = 0;
    }
  }

  private static final class Task implements Cancellable {
    private final Scheduler owner;
    private final long period;
    private final Runnable action;
    private long due;
    private boolean cancelled;
    private boolean queued;

    Task(Scheduler owner, long due, long period, Runnable action) {
      this.owner = owner;
      this.due = due;
      this.period = period;
      this.action = action;
    }

    @Override
    public void cancel() {
      synchronized (owner.lock) {
        if (!cancelled) {
          cancelled = true;
          owner.onCancel(this);
        }
      }
    }

    @Override
    public boolean isCancelled() {
      synchronized (owner.lock) {
        return cancelled;
      }
    }
  }
}
