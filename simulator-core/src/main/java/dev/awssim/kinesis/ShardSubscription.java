package dev.awssim.kinesis;

import dev.awssim.engine.time.Cancellable;

/**
 * A live SubscribeToShard subscription. AWS sends its events over an HTTP/2 stream whose flow
 * control lets a slow reader hold the server back; here {@link #request(long)} is that flow
 * control, in the reactive-streams sense: a listener whose {@link
 * SubscribeToShardListener#initialDemand()} is 0 receives no event (not even a heartbeat) until it
 * requests one, and its records wait in the shard meanwhile. The subscription's 5 minutes run on
 * regardless.
 *
 * <pre>{@code
 * ShardSubscription s = kinesis.subscribeToShard(consumerArn, shardId, position, listener);
 * s.request(1);                                   // one more event may be pushed
 * }</pre>
 */
public interface ShardSubscription extends Cancellable {
  /**
   * Allows {@code n} more events to be pushed (added to what is outstanding, saturating at {@link
   * Long#MAX_VALUE}, which means unbounded). A request after the subscription ended does nothing.
   *
   * @throws KinesisException ValidationException if {@code n} is not positive
   */
  void request(long n);
}
