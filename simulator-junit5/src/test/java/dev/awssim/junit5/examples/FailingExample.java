package dev.awssim.junit5.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.awssim.AwsSimulator;
import dev.awssim.junit5.AwsSimulation;
import org.junit.jupiter.api.Test;

/** Run only through the test kit: a test that fails inside a simulation. */
@AwsSimulation(seed = 7)
public class FailingExample {
  AwsSimulator sim;

  @Test
  void fails() {
    String url = sim.sqs().createQueue("orders");
    sim.sqs().sendMessage(url, "order-1");
    assertEquals(2, sim.sqs().receiveMessage(url).messages().size());
  }
}
