package dev.awssim.sqs;

import dev.awssim.internal.throttle.SlidingWindowLimiter;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The FIFO throughput quotas as a throttle ({@code
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html}):
 * without high throughput, 300 calls per second per API action per queue (a batch call counts once,
 * so batching reaches 3,000 messages per second); in high-throughput mode ({@code
 * DeduplicationScope=messageGroup} and {@code FifoThroughputLimit=perMessageGroupId}) 300 sends per
 * second per message group (a simulator choice: AWS spreads groups over partitions) within a
 * queue-wide quota per action. Each quota holds over every one-second span of virtual time. A
 * rejected call consumes nothing.
 */
final class FifoThrottle {
  /** The throttled API actions; batch calls count as their single-message action. */
  enum Action {
    SEND_MESSAGE("SendMessage"),
    RECEIVE_MESSAGE("ReceiveMessage"),
    DELETE_MESSAGE("DeleteMessage");

    final String awsName;

    Action(String awsName) {
      this.awsName = awsName;
    }
  }

  private final SqsLimits limits;
  private final Map<Action, SlidingWindowLimiter> perQueue = new EnumMap<>(Action.class);
  private final Map<Action, SlidingWindowLimiter> highThroughput = new EnumMap<>(Action.class);
  private final Map<String, SlidingWindowLimiter> perGroup = new HashMap<>();

  FifoThrottle(SqsLimits limits) {
    this.limits = limits;
    for (Action a : Action.values()) {
      perQueue.put(a, SlidingWindowLimiter.perSecond(limits.fifoTransactionsPerSecond()));
      highThroughput.put(
          a, SlidingWindowLimiter.perSecond(limits.highThroughputTransactionsPerSecond()));
    }
  }

  /**
   * Admits one call of {@code action} touching {@code groups} (send only), or throws.
   *
   * @throws SqsException RequestThrottled (403)
   */
  void acquire(Action action, Collection<String> groups, QueueConfig config, long now) {
    boolean ht = config.deduplicationPerGroup && config.throughputPerGroup;
    SlidingWindowLimiter queueWide = (ht ? highThroughput : perQueue).get(action);
    boolean admitted = queueWide.estimate(1, now).isAdmitted();
    if (ht && action == Action.SEND_MESSAGE) {
      for (String g : groups) {
        admitted &= group(g).estimate(1, now).isAdmitted();
      }
    }
    if (!admitted) {
      throw SqsErrors.requestThrottled(action.awsName);
    }
    queueWide.record(1, now);
    if (ht && action == Action.SEND_MESSAGE) {
      for (String g : groups) {
        group(g).record(1, now);
      }
    }
  }

  private SlidingWindowLimiter group(String groupId) {
    return perGroup.computeIfAbsent(
        groupId, g -> SlidingWindowLimiter.perSecond(limits.fifoTransactionsPerSecond()));
  }
}
