package dev.awssim.dynamodb.capacity;

import dev.awssim.engine.trace.TraceEventType;

/** Trace events of the capacity model. */
public enum CapacityTraceEvent implements TraceEventType {
  /** A charge was throttled (attributes: reason, partitionKey, partition, units). */
  THROTTLED;

  @Override
  public String service() {
    return "dynamodb";
  }
}
