package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
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
}
