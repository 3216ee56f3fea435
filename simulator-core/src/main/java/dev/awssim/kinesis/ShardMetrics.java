package dev.awssim.kinesis;

import dev.awssim.engine.metrics.MetricSeries;

/** A shard's own metrics (AWS's enhanced shard-level metrics), resolved when the shard is made. */
final class ShardMetrics {
  final MetricSeries incomingBytes;
  final MetricSeries incomingRecords;
  final MetricSeries writeExceeded;
  final MetricSeries readExceeded;
  final MetricSeries outgoingBytes;
  final MetricSeries outgoingRecords;
  final MetricSeries iteratorAge;

  ShardMetrics(StreamMetrics stream, String shardId) {
    incomingBytes = stream.shard("IncomingBytes", shardId);
    incomingRecords = stream.shard("IncomingRecords", shardId);
    writeExceeded = stream.shard("WriteProvisionedThroughputExceeded", shardId);
    readExceeded = stream.shard("ReadProvisionedThroughputExceeded", shardId);
    outgoingBytes = stream.shard("OutgoingBytes", shardId);
    outgoingRecords = stream.shard("OutgoingRecords", shardId);
    iteratorAge = stream.shard("IteratorAgeMilliseconds", shardId);
  }
}
