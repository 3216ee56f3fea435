package dev.awssim.kinesis;

import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.internal.metrics.MetricRecorder;
import dev.awssim.internal.metrics.MetricSeries;

/**
 * The CloudWatch metrics of one stream (namespace {@code AWS/Kinesis}, dimension {@code
 * StreamName}), resolved once so that recording costs no lookup; shard-level metrics add the {@code
 * ShardId} dimension, as AWS's enhanced shard-level metrics do.
 */
final class StreamMetrics {
  static final String NAMESPACE = "AWS/Kinesis";

  final MetricSeries incomingBytes;
  final MetricSeries incomingRecords;
  final MetricSeries putRecordSuccess;
  final MetricSeries putRecordBytes;
  final MetricSeries putRecordsRecords;
  final MetricSeries putRecordsFailed;
  final MetricSeries putRecordsThrottled;
  final MetricSeries putRecordsSuccessful;
  final MetricSeries putRecordsSuccess;
  final MetricSeries writeExceeded;
  final MetricSeries readExceeded;
  final MetricSeries getRecordsBytes;
  final MetricSeries getRecordsRecords;
  final MetricSeries getRecordsSuccess;
  final MetricSeries getRecordsIteratorAge;
  final MetricSeries pushedMillisBehind;
  final MetricSeries pushedRecords;
  final MetricSeries pushedBytes;
  private final MetricRecorder metrics;
  private final String streamName;

  StreamMetrics(MetricRecorder metrics, String streamName) {
    this.metrics = metrics;
    this.streamName = streamName;
    incomingBytes = stream("IncomingBytes");
    incomingRecords = stream("IncomingRecords");
    putRecordSuccess = stream("PutRecord.Success");
    putRecordBytes = stream("PutRecord.Bytes");
    putRecordsRecords = stream("PutRecords.TotalRecords");
    putRecordsFailed = stream("PutRecords.FailedRecords");
    putRecordsThrottled = stream("PutRecords.ThrottledRecords");
    putRecordsSuccessful = stream("PutRecords.SuccessfulRecords");
    putRecordsSuccess = stream("PutRecords.Success");
    writeExceeded = stream("WriteProvisionedThroughputExceeded");
    readExceeded = stream("ReadProvisionedThroughputExceeded");
    getRecordsBytes = stream("GetRecords.Bytes");
    getRecordsRecords = stream("GetRecords.Records");
    getRecordsSuccess = stream("GetRecords.Success");
    getRecordsIteratorAge = stream("GetRecords.IteratorAgeMilliseconds");
    pushedMillisBehind = stream("SubscribeToShardEvent.MillisBehindLatest");
    pushedRecords = stream("SubscribeToShardEvent.Records");
    pushedBytes = stream("SubscribeToShardEvent.Bytes");
  }

  private MetricSeries stream(String name) {
    return metrics.series(NAMESPACE, name, Dimensions.of("StreamName", streamName));
  }

  /**
   * A shard-level metric ({@code IncomingBytes}, {@code WriteProvisionedThroughputExceeded}, ...).
   */
  MetricSeries shard(String name, String shardId) {
    return metrics.series(
        NAMESPACE, name, Dimensions.of("StreamName", streamName, "ShardId", shardId));
  }
}
