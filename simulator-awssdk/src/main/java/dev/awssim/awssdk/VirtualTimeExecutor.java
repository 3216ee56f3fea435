package dev.awssim.awssdk;

import dev.awssim.engine.time.Cancellable;
import dev.awssim.internal.SimulationContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link ScheduledExecutorService} on virtual time, for SDK components that wait by scheduling
 * (the async waiters): a task scheduled after a delay becomes a task on the simulation's scheduler
 * at that virtual instant, and then runs on the clients' completion executor. Nothing waits on the
 * wall clock; a stepped test sees the waiter's next check when it advances the simulation. Periodic
 * scheduling is not offered (the waiters schedule one check at a time).
 */
final class VirtualTimeExecutor extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final SimulationContext context;
  private final Executor completions;

  VirtualTimeExecutor(SimulationContext context, Executor completions) {
    this.context = context;
    this.completions = completions;
  }

  @Override
  public void execute(Runnable command) {
    completions.execute(command);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return schedule(
        () -> {
          command.run();
          return null;
        },
        delay,
        unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    VirtualScheduled<V> scheduled = new VirtualScheduled<>();
    long nanos = Math.max(0, unit.toNanos(delay));
    synchronized (context.lock()) {
      scheduled.dueNanos = context.clock().nanos() + nanos;
      scheduled.task =
          context
              .scheduler()
              .after(
                  Duration.ofNanos(nanos),
                  () ->
                      completions.execute(
                          () -> {
                            if (scheduled.result.isDone()) {
                              return;
                            }
                            try {
                              scheduled.result.complete(callable.call());
                            } catch (Exception e) {
                              scheduled.result.completeExceptionally(e);
                            }
                          }));
    }
    return scheduled;
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("periodic tasks on the simulated clients' executor");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("periodic tasks on the simulated clients' executor");
  }

  /** The simulation owns the tasks: shutting this view down changes nothing. */
  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return false;
  }

  /** A task due at a virtual instant. */
  private final class VirtualScheduled<V> implements ScheduledFuture<V> {
    final CompletableFuture<V> result = new CompletableFuture<>();
    long dueNanos;
    Cancellable task;

    @Override
    public long getDelay(TimeUnit unit) {
      synchronized (context.lock()) {
        return unit.convert(dueNanos - context.clock().nanos(), TimeUnit.NANOSECONDS);
      }
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      task.cancel();
      return result.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
      return result.isCancelled();
    }

    @Override
    public boolean isDone() {
      return result.isDone();
    }

    @Override
    public V get() throws InterruptedException, ExecutionException {
      return result.get();
    }

    @Override
    public V get(long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      return result.get(timeout, unit);
    }
  }
}
