package dev.awssim.engine.time;

/**
 * A handle to a task on the simulation's scheduler; cancelling it stops every future run.
 *
 * <pre>{@code
 * Cancellable ticker = scheduler.every(Duration.ofSeconds(1), this::tick);
 * ticker.cancel();
 * }</pre>
 */
public interface Cancellable {
  /** Cancels the task: it will not run again. Cancelling twice is harmless. */
  void cancel();

  /** Whether {@link #cancel()} was called. */
  boolean isCancelled();
}
