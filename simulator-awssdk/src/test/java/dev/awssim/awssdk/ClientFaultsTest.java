package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.random.RandomStreams;
import dev.awssim.engine.trace.TraceEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Injected throttling and latency behave as the SDK would see them from AWS. */
class ClientFaultsTest {
  private static SqsClient sqs(AwsSimulator sim, ClientFaults faults, RetryMode mode) {
    return SimulatedAws.builder(sim).retryMode(mode).faults(faults).build().sqsClient();
  }

  @Test
  void throttling_onAChosenOperation_isTheServicesThrottlingError_andOthersPass() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    SqsClient sqs =
        sqs(sim, ClientFaults.none().withThrottling(1.0, Set.of("SendMessage")), RetryMode.NONE);
    String url = sqs.createQueue(b -> b.queueName("q")).queueUrl();
    AwsServiceException e =
        assertThrows(
            AwsServiceException.class,
            () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")));
    assertTrue(e.isThrottlingException());
    assertEquals(403, e.statusCode());
    assertEquals(0, sqs.receiveMessage(b -> b.queueUrl(url)).messages().size());
  }

  @Test
  void throttling_someAttempts_isAbsorbedByTheSdksRetries() {
    AwsSimulator sim = AwsSimulator.withSeed(2);
    SqsClient sqs = sqs(sim, ClientFaults.none().withThrottling(0.5, Set.of()), RetryMode.LEGACY);
    String url = sqs.createQueue(b -> b.queueName("q")).queueUrl();
    for (int i = 0; i < 20; i++) {
      int n = i;
      try {
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("m" + n));
      } catch (AwsServiceException e) {
        assertEquals(4, e.numAttempts(), "legacy mode gives up after 4 attempts");
      }
    }
    assertTrue(sim.clock().nanos() > 0, "retries waited on virtual time");
  }

  @Test
  void addedLatency_advancesVirtualTimeOnEveryCall() {
    AwsSimulator sim = AwsSimulator.withSeed(3);
    SqsClient sqs =
        sqs(sim, ClientFaults.none().withAddedLatency(Duration.ofMillis(50)), RetryMode.NONE);
    sqs.createQueue(b -> b.queueName("q"));
    sqs.listQueues();
    assertEquals(Duration.ofMillis(100), sim.clock().elapsed());
  }

  @Test
  void badProfiles_areRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> ClientFaults.none().withThrottling(1.5, Set.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> ClientFaults.none().withAddedLatency(Duration.ofMillis(-1)));
  }

  /** The backoffs (ms) a legacy client waits while sending 20 messages half of which throttle. */
  private static List<String> backoffs(AwsSimulator sim, SimulatedAws.Builder builder, String q) {
    SqsClient sqs =
        builder
            .retryMode(RetryMode.LEGACY)
            .faults(ClientFaults.none().withThrottling(0.5, Set.of("SendMessage")))
            .build()
            .sqsClient();
    String url = sqs.createQueue(b -> b.queueName(q)).queueUrl();
    int before = sim.trace().events(AwsSdkEventType.RETRY_SCHEDULED).size();
    for (int i = 0; i < 20; i++) {
      try {
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("m"));
      } catch (AwsServiceException e) {
        // gave up after 4 attempts
      }
    }
    List<TraceEvent> retries = sim.trace().events(AwsSdkEventType.RETRY_SCHEDULED);
    return retries.subList(before, retries.size()).stream()
        .map(e -> e.attribute("delayMillis"))
        .toList();
  }

  @Test
  void randomStreams_ownStreamsOfTheSeed_drawAsTheClientWouldAloneOnThatSeed() {
    AwsSimulator alone = AwsSimulator.withSeed(5);
    List<String> expected = backoffs(alone, SimulatedAws.builder(alone), "q");
    assertFalse(expected.isEmpty());

    AwsSimulator shared = AwsSimulator.withSeed(5);
    List<String> first =
        backoffs(shared, SimulatedAws.builder(shared).randomStreams(new RandomStreams(5)), "a");
    List<String> second =
        backoffs(shared, SimulatedAws.builder(shared).randomStreams(new RandomStreams(5)), "b");
    assertEquals(expected, first);
    assertEquals(expected, second);
    // Sharing the simulation's streams, a second client continues the first one's draws.
    assertEquals(expected, backoffs(shared, SimulatedAws.builder(shared), "c"));
    assertNotEquals(expected, backoffs(shared, SimulatedAws.builder(shared), "d"));
  }
}
