package dev.awssim.kinesis;

import com.google.common.collect.ImmutableMap;
import dev.awssim.internal.throttle.SlidingWindowLimiter;
import java.util.HashMap;
import java.util.Map;

/**
 * The control-plane rate limits: each action takes a few transactions per second per account (per
 * stream for ListShards and the stream-consumer actions but RegisterStreamConsumer) over every
 * one-second span, and a call beyond gets LimitExceededException and changes nothing ({@code
 * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html} and each action's
 * API page; the numbers are in {@link KinesisLimits}).
 */
final class ControlPlaneRates {
  /** A rate-limited action, with AWS's name and calls per second. */
  enum Action {
    CREATE_STREAM("CreateStream", KinesisLimits.CREATE_STREAM_CALLS_PER_SECOND),
    DELETE_STREAM("DeleteStream", KinesisLimits.DELETE_STREAM_CALLS_PER_SECOND),
    LIST_STREAMS("ListStreams", KinesisLimits.LIST_STREAMS_CALLS_PER_SECOND),
    DESCRIBE_STREAM("DescribeStream", KinesisLimits.DESCRIBE_STREAM_CALLS_PER_SECOND),
    DESCRIBE_STREAM_SUMMARY(
        "DescribeStreamSummary", KinesisLimits.DESCRIBE_STREAM_SUMMARY_CALLS_PER_SECOND),
    LIST_SHARDS("ListShards", KinesisLimits.LIST_SHARDS_CALLS_PER_SECOND),
    SPLIT_SHARD("SplitShard", KinesisLimits.SPLIT_SHARD_CALLS_PER_SECOND),
    MERGE_SHARDS("MergeShards", KinesisLimits.MERGE_SHARDS_CALLS_PER_SECOND),
    UPDATE_SHARD_COUNT("UpdateShardCount", KinesisLimits.UPDATE_SHARD_COUNT_CALLS_PER_SECOND),
    REGISTER_STREAM_CONSUMER(
        "RegisterStreamConsumer", KinesisLimits.REGISTER_STREAM_CONSUMER_CALLS_PER_SECOND),
    DEREGISTER_STREAM_CONSUMER(
        "DeregisterStreamConsumer", KinesisLimits.DEREGISTER_STREAM_CONSUMER_CALLS_PER_SECOND),
    DESCRIBE_STREAM_CONSUMER(
        "DescribeStreamConsumer", KinesisLimits.DESCRIBE_STREAM_CONSUMER_CALLS_PER_SECOND),
    LIST_STREAM_CONSUMERS(
        "ListStreamConsumers", KinesisLimits.LIST_STREAM_CONSUMERS_CALLS_PER_SECOND);

    final String awsName;
    final int perSecond;

    Action(String awsName, int perSecond) {
      this.awsName = awsName;
      this.perSecond = perSecond;
    }
  }

  private final Streams streams;
  private final Map<String, SlidingWindowLimiter> windows = new HashMap<>();

  ControlPlaneRates(Streams streams) {
    this.streams = streams;
  }

  /** Counts one call of an account-wide action, or throws LimitExceededException. */
  void admit(Action action) {
    admit(action, action.awsName, "account " + streams.limits.accountId());
  }

  /** Counts one call of an action limited per stream, or throws LimitExceededException. */
  void admit(Action action, String streamName) {
    admit(
        action,
        action.awsName + "/" + streamName,
        "stream " + streamName + " under account " + streams.limits.accountId());
  }

  private void admit(Action action, String key, String scope) {
    if (!streams.limits.controlPlaneRateLimits()) {
      return;
    }
    SlidingWindowLimiter window =
        windows.computeIfAbsent(key, k -> SlidingWindowLimiter.perSecond(action.perSecond));
    if (window.tryAcquire(1, streams.now()).isRejected()) {
      streams.trace(
          KinesisEventType.THROTTLED,
          scope,
          ImmutableMap.of("operation", action.awsName, "limit", action.perSecond + " calls/s"));
      throw KinesisErrors.limitExceeded(
          "Rate exceeded for " + action.awsName + " of " + scope + ".");
    }
  }
}
