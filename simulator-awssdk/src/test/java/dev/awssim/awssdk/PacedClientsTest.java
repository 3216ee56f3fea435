package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.internal.SimulatorAccess;
import dev.awssim.internal.WallClockPacer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The clients while a {@link WallClockPacer} moves time (1,000 virtual seconds per wall second):
 * nobody steps the simulation, yet long polls return. Bounded by a timeout, never by the clock.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PacedClientsTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(8);
  private final SimulatedAws aws = SimulatedAws.from(sim);

  @Test
  void syncLongPoll_whilePaced_waitsForThePacerAndReturnsTheMessage() {
    String url = aws.sqsClient().createQueue(b -> b.queueName("q")).queueUrl();
    sim.after(Duration.ofSeconds(5), () -> sim.sqs().sendMessage(url, "m1"));

    try (WallClockPacer pacer = WallClockPacer.start(SimulatorAccess.scheduler(sim), 1000.0)) {
      List<Message> got =
          aws.sqsClient().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)).messages();

      assertEquals("m1", got.get(0).body());
      assertTrue(sim.clock().nanos() >= Duration.ofSeconds(5).toNanos());
      assertTrue(pacer.failure().isEmpty());
    }
  }

  @Test
  void asyncLongPoll_whilePaced_completesWithoutStepping() {
    String url = aws.sqsClient().createQueue(b -> b.queueName("q")).queueUrl();

    try (WallClockPacer pacer = WallClockPacer.start(SimulatorAccess.scheduler(sim), 1000.0)) {
      List<Message> got =
          aws.sqsAsyncClient()
              .receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20))
              .join()
              .messages();

      assertTrue(got.isEmpty());
      assertTrue(sim.clock().nanos() >= Duration.ofSeconds(20).toNanos());
    }
  }
}
