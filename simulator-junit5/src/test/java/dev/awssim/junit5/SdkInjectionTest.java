package dev.awssim.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.SimulatedAws;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** With simulator-awssdk on the class path, tests get SDK clients over their simulator. */
@AwsSimulation(seed = 11)
class SdkInjectionTest {
  SqsClient sqsField;

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
  @Faults(latencyMillis = 40)
  void latencyProfile_addsVirtualTimeToEveryCall(AwsSimulator sim, SqsClient sqs) {
    sqs.listQueues();
    assertEquals(Duration.ofMillis(40), sim.clock().elapsed());
  }
}
