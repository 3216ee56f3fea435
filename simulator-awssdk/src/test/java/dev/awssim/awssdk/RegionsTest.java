package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** SDK clients of two Regions of one simulation: separate state, one clock. */
class RegionsTest {
  private static final AwsSimulator SIM_FOR_DEFAULTS = AwsSimulator.withSeed(1);

  @Test
  void sqsClients_ofTwoRegions_seeTwoQueuesOfOneName_withTheirRegionsUrlsAndArns() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    SqsClient us = SimulatedAws.from(sim).sqsClient();
    SqsClient eu = SimulatedAws.builder(sim).region("eu-west-1").build().sqsClient();

    String usUrl = us.createQueue(b -> b.queueName("orders")).queueUrl();
    String euUrl = eu.createQueue(b -> b.queueName("orders")).queueUrl();
    eu.sendMessage(b -> b.queueUrl(euUrl).messageBody("eu"));

    assertEquals("https://sqs.us-east-1.amazonaws.com/000000000000/orders", usUrl);
    assertEquals("https://sqs.eu-west-1.amazonaws.com/000000000000/orders", euUrl);
    assertEquals(
        "arn:aws:sqs:eu-west-1:000000000000:orders",
        eu.getQueueAttributes(b -> b.queueUrl(euUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN));
    assertEquals(List.of(), us.receiveMessage(b -> b.queueUrl(usUrl)).messages());
    assertEquals("eu", eu.receiveMessage(b -> b.queueUrl(euUrl)).messages().get(0).body());
    assertEquals("eu-west-1", eu.serviceClientConfiguration().region().id());
    assertEquals(List.of(euUrl), sim.region("eu-west-1").sqs().listQueues().queueUrls());
  }

  @Test
  void sqsClient_givenAnotherRegionsQueueUrl_isQueueDoesNotExist() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    SqsClient us = SimulatedAws.from(sim).sqsClient();
    SqsClient eu = SimulatedAws.builder(sim).region("eu-west-1").build().sqsClient();
    String euUrl = eu.createQueue(b -> b.queueName("orders")).queueUrl();

    assertThrows(
        QueueDoesNotExistException.class,
        () -> us.sendMessage(b -> b.queueUrl(euUrl).messageBody("lost")));
  }

  @Test
  void dynamoDbClients_ofTwoRegions_haveTheirOwnTables_andArns() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    DynamoDbClient us = SimulatedAws.from(sim).dynamoDbClient();
    DynamoDbClient eu = SimulatedAws.builder(sim).region("eu-west-1").build().dynamoDbClient();

    String arn =
        eu.createTable(
                b ->
                    b.tableName("carts")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(
                            AttributeDefinition.builder()
                                .attributeName("id")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                        .keySchema(
                            KeySchemaElement.builder()
                                .attributeName("id")
                                .keyType(KeyType.HASH)
                                .build()))
            .tableDescription()
            .tableArn();

    assertEquals("arn:aws:dynamodb:eu-west-1:000000000000:table/carts", arn);
    assertEquals(List.of("carts"), eu.listTables().tableNames());
    assertEquals(List.of(), us.listTables().tableNames());
    assertEquals("eu-west-1", eu.serviceClientConfiguration().region().id());
  }

  @Test
  void region_unset_isTheDefaultRegion_andAMalformedOneIsRefused() {
    SimulatedAws aws = SimulatedAws.from(SIM_FOR_DEFAULTS);

    assertSame(SIM_FOR_DEFAULTS.region("us-east-1"), aws.region());
    assertThrows(
        IllegalArgumentException.class,
        () -> SimulatedAws.builder(SIM_FOR_DEFAULTS).region("Mars").build());
    assertTrue(SIM_FOR_DEFAULTS.regions().size() == 1);
  }
}
