package dev.awssim.junit5.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.junit5.AwsSimulation;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

/** Run only through the test kit, in parallel: each test has its own simulator. */
@AwsSimulation(seed = 3)
public class ParallelExample {
  AwsSimulator sim;

  @RepeatedTest(20)
  void ownSimulator(AwsSimulator parameter) {
    assertTrue(parameter == sim);
    String url = sim.sqs().createQueue("q");
    sim.sqs().sendMessage(url, "x");
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(1, sim.sqs().receiveMessage(url).messages().size());
    assertEquals(3, sim.seed());
  }
}
