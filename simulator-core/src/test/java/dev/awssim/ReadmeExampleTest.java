package dev.awssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's example, kept true: 1,000 messages, 31 s later exactly 1,000 redeliveries. */
class ReadmeExampleTest {
  @Test
  void thousandMessages_after31Seconds_allRedeliveredWithReceiveCount2() {
    AwsSimulator sim = AwsSimulator.withSeed(42);
    Sqs sqs = sim.sqs();
    String url = sqs.createQueue("orders");
    for (int i = 0; i < 1_000; i++) {
      sqs.sendMessage(url, "order-" + i);
    }
    ReceiveMessageRequest tenAtATime =
        ReceiveMessageRequest.builder(url)
            .maxNumberOfMessages(10)
            .attributeNames(List.of("ApproximateReceiveCount"))
            .build();
    Map<String, String> firstHandles = new HashMap<>();
    for (List<Message> batch = sqs.receiveMessage(tenAtATime).messages();
        !batch.isEmpty();
        batch = sqs.receiveMessage(tenAtATime).messages()) {
      batch.forEach(m -> firstHandles.put(m.messageId(), m.receiptHandle()));
    }
    assertEquals(1_000, firstHandles.size());

    sim.advanceBy(Duration.ofSeconds(29));
    assertEquals(List.of(), sqs.receiveMessage(tenAtATime).messages(), "hidden before 30 s");

    sim.advanceBy(Duration.ofSeconds(2));
    int redelivered = 0;
    for (List<Message> batch = sqs.receiveMessage(tenAtATime).messages();
        !batch.isEmpty();
        batch = sqs.receiveMessage(tenAtATime).messages()) {
      for (Message m : batch) {
        assertEquals("2", m.attributes().get("ApproximateReceiveCount"));
        assertNotEquals(firstHandles.get(m.messageId()), m.receiptHandle());
        redelivered++;
      }
    }
    assertEquals(1_000, redelivered);
  }
}
