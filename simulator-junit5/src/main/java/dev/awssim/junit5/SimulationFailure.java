package dev.awssim.junit5;

/**
 * A test failure inside a simulation: the original failure as its cause, and a message that names
 * the seed, the exact property to rerun it, and the last events of the simulation's trace.
 */
public final class SimulationFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final long seed;

  SimulationFailure(long seed, Throwable cause, String lastEvents) {
    super(message(seed, cause, lastEvents), cause);
    this.seed = seed;
  }

  /** The seed that reproduces the failure. */
  public long seed() {
    return seed;
  }

  private static String message(long seed, Throwable cause, String lastEvents) {
    return cause
        + "\n  awssim seed="
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
