package dev.awssim.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import dev.awssim.engine.time.Pacer;
import dev.awssim.engine.time.VirtualClock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Lets virtual time follow the wall clock at a chosen factor, for code that cannot be stepped:
 * third-party libraries that run their own threads and wait on the wall clock (the Kinesis Client
 * Library, the SDK's {@code SqsAsyncBatchManager}), and live demos.
 *
 * <pre>{@code
 * // 1 s of wall clock = 10 s of virtual time
 * try (WallClockPacer pacer = WallClockPacer.start(SimulatorAccess.scheduler(sim), 10.0)) {
 *   runTheLibrary();
 * }                                             // stepped, deterministic control again
 * }</pre>
 *
 * <p>The public face of pacing is {@link Pacer} ({@code AwsSimulator.paceByWallClock}); this class
 * is the project's own, for modules that hold the scheduler.
 *
 * <p>How it works: one daemon thread ({@code awssim-pacer}) sets the target {@code virtual start +
 * (wall elapsed x factor)} and advances the {@link Scheduler} to it, so every scheduled task runs
 * at its due virtual time, in (due time, sequence) order as in stepped mode; then it waits on the
 * simulation's lock until the next task is due on the wall clock, at most {@value #MAX_WAIT_MILLIS}
 * ms, so that tasks scheduled meanwhile by other threads run promptly. While the pacer runs, other
 * threads that would move time (a sync long poll, a sync retry's backoff, {@code advanceBy}) wait
 * for the pacer to get there instead (see {@link Scheduler}). {@link #stop()} returns the
 * simulation to step-by-step control at whatever virtual instant it reached.
 *
 * <p><b>This is the only class of awssim that reads the wall clock</b> ({@link System#nanoTime()})
 * and waits on it; the build exempts it, by name, from the forbidden-API check that bans both
 * everywhere else. <b>Determinism is promised only without the pacer</b>: with it, what runs
 * between two wall-clock readings depends on thread timing, so the same seed may give a different
 * trace. A task that throws is recorded ({@link #failure()}) and the pacer goes on.
 */
public final class WallClockPacer implements Pacer {
  /** The longest the pacer waits before it looks at the wall clock again, in milliseconds. */
  public static final long MAX_WAIT_MILLIS = 1;

  private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);

  private final Scheduler scheduler;
  private final Object lock;
  private final double factor;
  private final Thread thread;
  private boolean stopped;
  private RuntimeException failure;

  private WallClockPacer(Scheduler scheduler, double factor) {
    this.scheduler = scheduler;
    this.lock = scheduler.lock();
    this.factor = factor;
    this.thread = new Thread(this::run, "awssim-pacer");
    this.thread.setDaemon(true);
  }

  /**
   * Starts pacing {@code scheduler}: from now on its virtual time follows the wall clock times
   * {@code factor} (1.0 for third-party libraries, more for faster runs and demos).
   *
   * @throws NullPointerException if {@code scheduler} is null
   * @throws IllegalArgumentException if {@code factor} is not positive and finite
   * @throws IllegalStateException if another pacer already paces {@code scheduler}, or if called
   *     from inside a scheduled task
   */
  public static WallClockPacer start(Scheduler scheduler, double factor) {
    checkNotNull(scheduler, "scheduler");
    checkArgument(
        factor > 0 && Double.isFinite(factor), "factor must be positive and finite: %s", factor);
    WallClockPacer pacer = new WallClockPacer(scheduler, factor);
    synchronized (pacer.lock) {
      checkState(!scheduler.isRunningTask(), "cannot start a pacer from inside a scheduled task");
      scheduler.pacedBy(pacer.pacing());
    }
    pacer.thread.start();
    return pacer;
  }

  @Override
  public double factor() {
    return factor;
  }

  @Override
  public boolean isRunning() {
    synchronized (lock) {
      return !stopped;
    }
  }

  @Override
  public Optional<RuntimeException> failure() {
    synchronized (lock) {
      return Optional.ofNullable(failure);
    }
  }

  /**
   * Stops pacing and waits for the pacer's thread to finish its current step; the simulation is
   * then driven step by step again, from the virtual instant it reached. Stopping twice is
   * harmless. Called from inside a scheduled task it stops the pacer after that task.
   */
  @Override
  public void stop() {
    synchronized (lock) {
      if (!stopped) {
        stopped = true;
        scheduler.pacedBy(null);
        lock.notifyAll();
      }
    }
    if (Thread.currentThread() != thread) {
      boolean interrupted = false;
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Waits on {@code monitor}, which the caller holds, until it is notified or about {@code millis}
   * milliseconds of wall time have passed: the quiet-spell timer of a server that lets virtual time
   * jump once every client waits (simulator-wire's idle mode). Lives here because this is the one
   * class allowed to wait on the wall clock.
   *
   * @throws InterruptedException if the thread is interrupted while it waits
   */
  public static void awaitWall(Object monitor, long millis) throws InterruptedException {
    checkArgument(millis > 0, "millis must be positive: %s", millis);
    TimeUnit.MILLISECONDS.timedWait(monitor, millis);
  }

  /** The same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private Scheduler.Pacing pacing() {
    return new Scheduler.Pacing() {
      @Override
      public boolean drivesCurrentThread() {
        return Thread.currentThread() == thread;
      }

      @Override
      public boolean await(BooleanSupplier done) {
        boolean interrupted = false;
        try {
          while (!stopped && !done.getAsBoolean()) {
            try {
              lock.wait();
            } catch (InterruptedException e) {
              interrupted = true;
            }
          }
        } finally {
          if (interrupted) {
            Thread.currentThread().interrupt();
          }
        }
        return done.getAsBoolean();
      }
    };
  }

  private void run() {
    VirtualClock clock = scheduler.clock();
    long wallStart = System.nanoTime();
    long virtualStart;
    synchronized (lock) {
      virtualStart = clock.nanos();
    }
    synchronized (lock) {
      while (!stopped) {
        long target = virtualStart + (long) ((System.nanoTime() - wallStart) * factor);
        if (target > clock.nanos()) {
          try {
            scheduler.advanceToNanos(target);
          } catch (RuntimeException e) {
            if (failure == null) {
              failure = e;
            }
          }
        }
        lock.notifyAll();
        long next = scheduler.nextDueNanos();
        long waitNanos =
            next < 0
                ? MAX_WAIT_NANOS
                : Math.min(MAX_WAIT_NANOS, (long) ((next - clock.nanos()) / factor));
        if (!stopped && waitNanos > 0) {
          try {
            TimeUnit.NANOSECONDS.timedWait(lock, waitNanos);
          } catch (InterruptedException e) {
            stopped = true;
            scheduler.pacedBy(null);
            lock.notifyAll();
          }
        }
      }
    }
  }
}
