package dev.awssim.awssdk;

import dev.awssim.engine.trace.TraceEventType;

/**
 * The trace events of the simulated SDK clients: what the SDK's retry strategy did, so that a
 * timeline shows a throttle, the backoff and the retry that followed.
 *
 * <pre>{@code
 * List<TraceEvent> retries = sim.trace().events(AwsSdkEventType.RETRY_SCHEDULED);
 * }</pre>
 */
public enum AwsSdkEventType implements TraceEventType {
  /**
   * An attempt failed with a retryable error and the client waits before the next one; the resource
   * is the operation, attributes {@code client}, {@code attempt} (the next one), {@code errorCode}
   * and {@code delayMillis}.
   */
  RETRY_SCHEDULED,
  /**
   * The client gave up: the error was not retryable, or the attempts or the retry quota ran out;
   * attributes {@code client}, {@code attempts} and {@code errorCode}.
   */
  FAILED;

  @Override
  public String service() {
    return "awssdk";
  }
}
