package dev.awssim.cloudwatch;

import dev.awssim.engine.trace.TraceEventType;

/** The trace events of simulated CloudWatch alarms. */
public enum CloudWatchEventType implements TraceEventType {
  /** An alarm changed state. */
  ALARM_STATE_CHANGED;

  @Override
  public String service() {
    return "cloudwatch";
  }
}
