package dev.awssim.kinesis;

/**
 * Receives the pushes of an enhanced fan-out subscription. Its methods run inside scheduled tasks
 * on virtual time (while the simulation advances), so they must not advance time themselves.
 *
 * <pre>{@code
 * kinesis.subscribeToShard(consumerArn, "shardId-000000000000",
 *     StartingPosition.of(ShardIteratorType.LATEST), event -> received.addAll(event.records()));
 * }</pre>
 */
@FunctionalInterface
public interface SubscribeToShardListener {
  /** One push: records (or a heartbeat) and where to continue. */
  void onEvent(SubscribeToShardEvent event);

  /**
   * How many events may be pushed before {@link ShardSubscription#request(long)} allows more:
   * unbounded ({@link Long#MAX_VALUE}) unless overridden; a flow-controlled listener returns 0.
   */
  default long initialDemand() {
    return Long.MAX_VALUE;
  }

  /** The subscription ended after its 5 minutes, or the shard was read to its end. */
  default void onComplete() {}

  /** The subscription failed, for example taken over by a new SubscribeToShard call. */
  default void onError(KinesisException error) {}
}
