package dev.awssim.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.SimulatedRegion;
import dev.awssim.awssdk.SimulatedAws;
import dev.awssim.junit5.examples.BadRegionExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.xray.XRayClient;

/** Clients and Regions a test can ask for, on the test's one simulator. */
@AwsSimulation(seed = 5)
class RegionInjectionTest {
  @InRegion("eu-west-1")
  SqsClient europeField;

  @Test
  void inRegion_client_talksToThatRegionsQueues_theDefaultClientToItsOwn(
      AwsSimulator sim, SqsClient home, @InRegion("eu-west-1") SqsClient europe) {
    String homeUrl = home.createQueue(b -> b.queueName("orders")).queueUrl();
    String europeUrl = europe.createQueue(b -> b.queueName("orders")).queueUrl();
    assertNotEquals(homeUrl, europeUrl);
    assertTrue(europeUrl.contains("eu-west-1"), europeUrl);
    europe.sendMessage(b -> b.queueUrl(europeUrl).messageBody("x"));
    assertEquals(1, sim.region("eu-west-1").sqs().receiveMessage(europeUrl).messages().size());
    assertEquals(0, sim.sqs().receiveMessage(homeUrl).messages().size());
    assertEquals(europeUrl, europeField.getQueueUrl(b -> b.queueName("orders")).queueUrl());
  }

  @Test
  void simulatedRegion_isTheSimulatorsRegion_defaultWithoutInRegion(
      AwsSimulator sim,
      SimulatedRegion home,
      @InRegion("ap-southeast-2") SimulatedRegion sydney,
      @InRegion("ap-southeast-2") SimulatedAws sydneyClients) {
    assertEquals(sim.account().region(), home.name());
    assertSame(sim.region("ap-southeast-2"), sydney);
    String url = sydneyClients.sqsClient().createQueue(b -> b.queueName("q")).queueUrl();
    assertEquals(url, sydney.sqs().getQueueUrl("q"));
  }

  @Test
  void everySdkClientOfSimulatedAws_isInjectable(
      SqsAsyncClient sqsAsync,
      KinesisAsyncClient kinesisAsync,
      DynamoDbAsyncClient dynamoDbAsync,
      DynamoDbEnhancedAsyncClient enhancedAsync,
      SnsClient sns,
      CloudWatchClient cloudWatch,
      CloudWatchAsyncClient cloudWatchAsync,
      XRayClient xray,
      ApiGatewayClient apiGateway) {
    assertEquals(0, sqsAsync.listQueues().join().queueUrls().size());
    assertEquals(0, kinesisAsync.listStreams().join().streamNames().size());
    assertEquals(0, dynamoDbAsync.listTables().join().tableNames().size());
    assertTrue(enhancedAsync != null);
    assertTrue(sns.createTopic(b -> b.name("t")).topicArn().endsWith(":t"));
    assertEquals(1, sns.listTopics().topics().size());
    assertEquals(0, cloudWatch.listMetrics().metrics().size());
    assertEquals(0, cloudWatchAsync.describeAlarms().join().metricAlarms().size());
    assertEquals(1, xray.getSamplingRules().samplingRuleRecords().size(), "the Default rule");
    assertEquals(0, apiGateway.getRestApis().items().size());
  }

  @Test
  void inRegion_notARegionCode_failsTheTestWithAParameterResolutionError() {
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(DiscoverySelectors.selectClass(BadRegionExample.class))
            .execute()
            .testEvents();
    assertEquals(1, events.failed().count());
    Throwable failure =
        events
            .failed()
            .list()
            .get(0)
            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
            .orElseThrow()
            .getThrowable()
            .orElseThrow();
    assertTrue(failure instanceof ParameterResolutionException, failure.toString());
    assertTrue(failure.getMessage().contains("@InRegion(\"Europe\")"), failure.getMessage());
  }
}
