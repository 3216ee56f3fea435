package dev.awssim.kinesis;

import dev.awssim.engine.trace.TraceEventType;

/** What the Kinesis model records in the trace. */
public enum KinesisEventType implements TraceEventType {
  /** A stream was created. */
  STREAM_CREATED,
  /** A stream was deleted. */
  STREAM_DELETED,
  /** A record was written to a shard. */
  ACCEPTED,
  /** A write or a read was refused by a shard's limits. */
  THROTTLED,
  /** GetRecords returned records. */
  READ,
  /** A GetRecords call used an expired iterator. */
  ITERATOR_EXPIRED,
  /** A shard was split, merged or the stream rescaled. */
  RESHARDED,
  /** An enhanced fan-out event was pushed to a subscriber. */
  PUSHED;

  @Override
  public String service() {
    return "kinesis";
  }
}
