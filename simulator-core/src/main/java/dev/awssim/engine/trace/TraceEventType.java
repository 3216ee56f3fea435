package dev.awssim.engine.trace;

/**
 * The type of a trace event, such as SQS's {@code SENT} or Kinesis's {@code THROTTLED}. Each
 * service declares its types as an enum implementing this interface.
 *
 * <pre>{@code
 * enum SqsEventType implements TraceEventType {
 *   SENT, RECEIVED;
 *   public String service() { return "sqs"; }
 * }
 * }</pre>
 */
public interface TraceEventType {
  /** The service that emits the event, such as {@code sqs}. */
  String service();

  /** The event's name, such as {@code SENT}. */
  String name();
}
