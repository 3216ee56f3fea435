package dev.awssim.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.SimulatedAws;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** With simulator-awssdk on the class path, tests get SDK clients over their simulator. */
@AwsSimulation(seed = 11)
class SdkInjectionTest {
  SqsClient sqsField;
  @NoRetries SqsClient sqsWithoutRetries;

  @Test
  void sdkClients_areInjected_overTheTestsSimulator(
      AwsSimulator sim, SqsClient sqs, SimulatedAws aws) {
    assertSame(sqs, sqsField);
    assertSame(sim, aws.simulator());
    String url = sqs.createQueue(b -> b.queueName("q")).queueUrl();
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
    assertEquals(1, sim.sqs().receiveMessage(url).messages().size());
  }

  @Test
  @Faults(throttle = 1.0, throttledOperations = "ListTables")
  void throttleProfile_throttlesTheChosenOperation(DynamoDbClient dynamoDb) {
    AwsServiceException e = assertThrows(AwsServiceException.class, dynamoDb::listTables);
    assertTrue(e.isThrottlingException());
  }

  @Test
  @Faults(throttle = 1.0, throttledOperations = "PutItem")
  void noRetries_throttleReachesTheCallerAtOnce_whileTheDefaultClientRetries(
      AwsSimulator sim, @NoRetries DynamoDbClient once, DynamoDbClient retrying) {
    assertThrows(ThrottlingException.class, () -> once.putItem(b -> b.tableName("t")));
    assertEquals(Duration.ZERO, sim.clock().elapsed(), "no backoff without retries");
    assertThrows(ThrottlingException.class, () -> retrying.putItem(b -> b.tableName("t")));
    assertTrue(
        sim.clock().elapsed().compareTo(Duration.ZERO) > 0, "the SDK's backoff took virtual time");
  }

  @Test
  void noRetries_field_isADifferentClientOverTheSameSimulator(AwsSimulator sim) {
    assertNotSame(sqsField, sqsWithoutRetries);
    String url = sqsWithoutRetries.createQueue(b -> b.queueName("q")).queueUrl();
    assertEquals(url, sqsField.getQueueUrl(b -> b.queueName("q")).queueUrl());
  }

  @Test
  @Faults(latencyMillis = 40)
  void latencyProfile_addsVirtualTimeToEveryCall(AwsSimulator sim, SqsClient sqs) {
    sqs.listQueues();
    assertEquals(Duration.ofMillis(40), sim.clock().elapsed());
  }
}
