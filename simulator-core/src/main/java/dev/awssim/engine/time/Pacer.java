package dev.awssim.engine.time;

import java.util.Optional;

/**
 * Virtual time that follows the wall clock times a factor, opt-in, for code that cannot be stepped:
 * third-party libraries that run their own threads and wait on the wall clock (the Kinesis Client
 * Library, the SDK's {@code SqsAsyncBatchManager}) and live demos. Started by {@code
 * AwsSimulator.paceByWallClock(factor)}; closing it returns the simulation to stepped,
 * deterministic control at whatever virtual instant it reached.
 *
 * <pre>{@code
 * try (Pacer pacer = sim.paceByWallClock(10.0)) { // 1 s of wall time = 10 s of virtual time
 *   runTheLibrary();
 * }
 * }</pre>
 *
 * <p>Determinism is promised only without a pacer: with one, what runs between two wall-clock
 * readings depends on thread timing.
 */
public interface Pacer extends AutoCloseable {
  /** How many seconds of virtual time pass per second of wall time. */
  double factor();

  /** Whether the pacer still moves time. */
  boolean isRunning();

  /** The first exception a scheduled task threw while paced, if any. */
  Optional<RuntimeException> failure();

  /**
   * Stops pacing and waits for the pacer's thread to finish its current step; stopping twice is
   * harmless.
   */
  void stop();

  /** The same as {@link #stop()}. */
  @Override
  void close();
}
