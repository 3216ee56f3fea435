package dev.awssim.lambda;

import dev.awssim.engine.trace.TraceEventType;

/**
 * The trace events of simulated Lambda.
 *
 * <pre>{@code
 * List<TraceEvent> throttles = sim.trace().events(LambdaEventType.THROTTLED);
 * }</pre>
 */
public enum LambdaEventType implements TraceEventType {
  /** A function was created. */
  FUNCTION_CREATED,
  /** A function's reserved concurrency was set or removed. */
  CONCURRENCY_CHANGED,
  /** An invocation started in an execution environment. */
  STARTED,
  /** An invocation ended: attribute {@code outcome} is SUCCESS, ERROR or TIMEOUT. */
  FINISHED,
  /** An invocation was refused with {@code TooManyRequestsException}; attribute {@code reason}. */
  THROTTLED,
  /** An asynchronous event was queued. */
  EVENT_QUEUED,
  /** An asynchronous event will be tried again; attribute {@code at}. */
  EVENT_RETRY_SCHEDULED,
  /** An asynchronous event was discarded; attribute {@code condition}. */
  EVENT_DROPPED,
  /** An invocation record was handed to an on-success or on-failure destination. */
  DESTINATION_DELIVERED,
  /** An event source mapping was created; attribute {@code uuid}. */
  MAPPING_CREATED,
  /** An event source mapping was deleted; attribute {@code uuid}. */
  MAPPING_DELETED,
  /**
   * An event source mapping's batch ended; attributes {@code eventSourceArn}, {@code size} and, for
   * streams, {@code shardId} and {@code outcome}.
   */
  BATCH_PROCESSED,
  /**
   * A stream mapping gave up a batch (retries or record age exhausted); attributes {@code
   * eventSourceArn}, {@code shardId}, {@code size}, {@code outcome} (the condition).
   */
  BATCH_DISCARDED,
  /** A function was deleted. */
  FUNCTION_DELETED,
  /**
   * An event source mapping could not invoke its function (deleted); attribute {@code errorCode}.
   */
  MAPPING_INVOKE_FAILED;

  @Override
  public String service() {
    return "lambda";
  }
}
