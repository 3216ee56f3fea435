package dev.awssim.junit5;

import java.util.Optional;

/**
 * What a failed simulation test needs to be rerun: its seed, the exact property that reruns it, and
 * the last events of the simulation's trace. The extension attaches it to the test's own exception
 * as a suppressed exception, so that the test still throws what it threw (an {@code
 * AssertionFailedError} keeps its expected and actual values for the IDE's diff; an unexpected
 * exception is still reported as an error), and the stack trace ends with:
 *
 * <pre>{@code
 * Suppressed: dev.awssim.junit5.SimulationFailure: awssim seed=17: rerun with -Dawssim.seed=17
 *   last 20 trace events:
 *   {"t":"...","type":"SENT",...}
 * }</pre>
 */
public final class SimulationFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long seed;

  SimulationFailure(long seed, String lastEvents) {
    super(message(seed, lastEvents), null, false, false);
    this.seed = seed;
  }

  /** The seed that reproduces the failure. */
  public long seed() {
    return seed;
  }

  /** The simulation details attached to {@code failure}, if the extension attached them. */
  public static Optional<SimulationFailure> of(Throwable failure) {
    for (Throwable suppressed : failure.getSuppressed()) {
      if (suppressed instanceof SimulationFailure simulation) {
        return Optional.of(simulation);
      }
    }
    return Optional.empty();
  }

  private static String message(long seed, String lastEvents) {
    return "awssim seed="
        + seed
        + ": rerun with -D"
        + Seeds.PROPERTY
        + "="
        + seed
        + "\n  last "
        + AwsSimulatorExtension.TRACE_EVENTS_ON_FAILURE
        + " trace events:\n"
        + lastEvents;
  }
}
