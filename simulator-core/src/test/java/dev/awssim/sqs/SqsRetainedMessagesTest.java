package dev.awssim.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a standard queue keeps in memory: once a message is gone (expired by retention or deleted)
 * nothing of the queue holds it, so an unread queue levels off at its retention-bounded size.
 */
class SqsRetainedMessagesTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(15);
  private final Sqs sqs = sim.sqs();

  private StandardQueue queue(String url) {
    return (StandardQueue) sqs.registry.byUrl(url);
  }

  @Test
  void unreadQueue_messagesPastRetention_leaveTheQueueEntirely() {
    // MessageRetentionPeriod's minimum is 60 seconds:
    // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html
    String url = sqs.createQueue("audit", Map.of("MessageRetentionPeriod", "60"));
    for (int i = 0; i < 5_000; i++) {
      sqs.sendMessage(url, "m" + i);
    }
    sim.advanceBy(Duration.ofSeconds(30));
    sqs.sendMessage(url, "late");
    sim.advanceBy(Duration.ofSeconds(30));

    assertEquals("1", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessages"));
    assertEquals(1, queue(url).ready.size());
    assertEquals(1, queue(url).messages.size());
  }
}
