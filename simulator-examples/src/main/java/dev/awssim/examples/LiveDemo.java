package dev.awssim.examples;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.List;

/**
 * A demo whose actors run on a simulation someone else drives: the terminal run advances it to the
 * end at once, the classroom page steps it, pauses it and lets students send requests into it. Both
 * start the same actors on the same seed, so they show the same numbers.
 */
public interface LiveDemo extends Demo {
  /** A started run: the demo's actors are scheduled on the simulation; nothing has run yet. */
  interface Run {
    /** The simulated length of the run, as the terminal run advances it. */
    Duration duration();

    /** The name of the stream, table, queue or API the demo's actors work on. */
    String resource();

    /**
     * Stops the demo's actors and gathers the result of what ran so far (some demos then make a few
     * more calls of their own, moving the clock a little).
     */
    DemoResult finish();

    /**
     * The demo's own counts so far, for a live view: a header row, then one row per actor (the
     * retries demo: each strategy's writes succeeded, attempts and latency); empty when the demo
     * has none beyond its charts.
     */
    default List<List<String>> progress() {
      return List.of();
    }
  }

  /**
   * Sets up the demo's resources on {@code sim}, a simulation with seed {@code options.seed()}, and
   * schedules its actors from the current instant.
   */
  Run start(AwsSimulator sim, DemoOptions options);

  /** Whether the terminal run prints its progress as it goes (the longer demos do). */
  default boolean showsProgress() {
    return true;
  }

  /** The terminal run: a fresh simulation, started, advanced to the end and finished. */
  @Override
  default DemoResult run(DemoOptions options) {
    AwsSimulator sim = AwsSimulator.builder().seed(options.seed()).traceEnabled(false).build();
    Run run = start(sim, options);
    if (showsProgress()) {
      options.reportProgress(sim, run.duration());
    }
    sim.advanceBy(run.duration());
    return run.finish();
  }
}
