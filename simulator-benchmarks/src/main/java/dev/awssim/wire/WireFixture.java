package dev.awssim.wire;

import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.SimulatedAws;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;

/** What the wire benchmarks serve: the same small resources, and the same Kinesis record. */
final class WireFixture {
  /** A small PutRecord to the stream {@code clicks}. */
  static final PutRecordRequest PUT_RECORD =
      PutRecordRequest.builder()
          .streamName("clicks")
          .partitionKey("user-1")
          .data(SdkBytes.fromUtf8String("{\"page\":\"/home\"}"))
          .build();

  private WireFixture() {}

  /**
   * A simulation of {@code seed} (trace and metrics on, as {@code serve} builds it) with the queue
   * {@code bench}, the on-demand table {@code users} holding the item {@code id = u1}, and the
   * stream {@code clicks} of one shard, all active.
   */
  static AwsSimulator simulation(long seed) {
    AwsSimulator sim = AwsSimulator.withSeed(seed);
    SimulatedAws aws = SimulatedAws.from(sim);
    aws.sqsClient().createQueue(b -> b.queueName("bench"));
    aws.dynamoDbClient()
        .createTable(
            b ->
                b.tableName("users")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                        a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
    sim.advanceBy(Duration.ofMinutes(1));
    aws.dynamoDbClient()
        .putItem(b -> b.tableName("users").item(Map.of("id", AttributeValue.fromS("u1"))));
    aws.kinesisClient().createStream(b -> b.streamName("clicks").shardCount(1));
    sim.advanceBy(Duration.ofMinutes(1));
    return sim;
  }
}
