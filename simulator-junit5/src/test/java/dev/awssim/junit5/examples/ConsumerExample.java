package dev.awssim.junit5.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.awssim.AwsSimulator;
import dev.awssim.junit5.Faults;
import dev.awssim.junit5.SeededTest;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Run only through the test kit: an order consumer that charges each order once, written two ways,
 * under SQS at-least-once delivery.
 */
public class ConsumerExample {
  private static final int ORDERS = 20;

  /** Charges every order it receives; returns how many charges it made. */
  static int consume(AwsSimulator sim, boolean idempotent) {
    Sqs sqs = sim.sqs();
    String url = sqs.createQueue("orders");
    for (int i = 0; i < ORDERS; i++) {
      sqs.sendMessage(url, "order-" + i);
    }
    Set<String> charged = new HashSet<>();
    int charges = 0;
    ReceiveMessageRequest poll = ReceiveMessageRequest.builder(url).maxNumberOfMessages(10).build();
    for (int round = 0; round < 20; round++) {
      List<Message> batch = sqs.receiveMessage(poll).messages();
      for (Message m : batch) {
        if (!idempotent || charged.add(m.body())) {
          charges++;
        }
        sqs.deleteMessage(url, m.receiptHandle());
      }
      if (batch.isEmpty()) {
        sim.advanceBy(Duration.ofSeconds(31));
      }
    }
    return charges;
  }

  @SeededTest(count = 10)
  @Faults(duplicates = 0.3)
  void idempotentConsumer_chargesEachOrderOnce(AwsSimulator sim) {
    assertEquals(ORDERS, consume(sim, true));
  }

  @SeededTest(count = 10)
  @Faults(duplicates = 0.3)
  void naiveConsumer_chargesEachOrderOnce(AwsSimulator sim) {
    assertEquals(ORDERS, consume(sim, false));
  }
}
