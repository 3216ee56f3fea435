package dev.awssim;

import dev.awssim.engine.trace.TraceEventType;

/**
 * Trace events of the simulation itself rather than of one service (service {@code awssim}).
 *
 * <ul>
 *   <li>{@link #REGION_CREATED}: a Region other than the default was used for the first time
 *       ({@link AwsSimulator#region(String)}); the resource is the Region code. Recorded before
 *       anything of that Region, so that a trace listener can start following its metrics.
 * </ul>
 */
public enum SimulationEventType implements TraceEventType {
  /** A Region other than the default was used for the first time. */
  REGION_CREATED;

  @Override
  public String service() {
    return "awssim";
  }
}
