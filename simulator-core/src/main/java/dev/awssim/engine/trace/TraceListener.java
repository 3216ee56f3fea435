package dev.awssim.engine.trace;

/**
 * Receives every trace event as it is recorded, on the thread that drives the simulation.
 *
 * <pre>{@code
 * simulator.trace().subscribe(e -> System.out.println(e.toJson()));
 * }</pre>
 */
@FunctionalInterface
public interface TraceListener {
  /** Called once per event, in order. */
  void onEvent(TraceEvent event);
}
