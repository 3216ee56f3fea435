package dev.awssim.junit5.examples;

import dev.awssim.AwsSimulator;
import dev.awssim.junit5.AwsSimulation;
import org.junit.jupiter.api.Test;

/** Run only through the test kit: a test that ends in an unexpected exception. */
@AwsSimulation(seed = 5)
public class ErrorExample {
  @Test
  void throwsUnexpectedly(AwsSimulator sim) {
    sim.sqs().createQueue("orders");
    throw new IllegalStateException("the consumer is not started");
  }
}
