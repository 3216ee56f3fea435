package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.awssim.AwsSimulator;
import dev.awssim.dynamodb.TestThrottles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The same seed and the same calls through the SDK clients give the same run. */
class DeterminismTest {

  /** Creates the on-demand table "tbl" whose writes are throttled two times out of three. */
  static void throttledTable(AwsSimulator sim, DynamoDbClient db) {
    db.createTable(
        b ->
            b.tableName("tbl")
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(
                    a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
    AtomicInteger calls = new AtomicInteger();
    TestThrottles.throttleKeys(sim.dynamoDb(), k -> calls.incrementAndGet() % 3 != 0);
  }

  /** A script over both clients, with throttled retries; returns what it observed. */
  private static List<String> script(long seed) {
    AwsSimulator sim = AwsSimulator.builder().seed(seed).traceEnabled(true).build();
    SimulatedAws aws = SimulatedAws.from(sim);
    SqsClient sqs = aws.sqsClient();
    DynamoDbClient db = aws.dynamoDbClient();
    List<String> seen = new ArrayList<>();

    String url = sqs.createQueue(b -> b.queueName("q")).queueUrl();
    for (int i = 0; i < 5; i++) {
      int n = i;
      seen.add(sqs.sendMessage(b -> b.queueUrl(url).messageBody("m" + n)).messageId());
    }
    for (Message m : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()) {
      seen.add(m.receiptHandle());
    }
    sim.advanceBy(Duration.ofSeconds(31));

    throttledTable(sim, db);
    for (int i = 0; i < 4; i++) {
      int n = i;
      db.putItem(b -> b.tableName("tbl").item(Map.of("pk", AttributeValue.fromS("k" + n))));
      seen.add(Long.toString(sim.clock().nanos()));
    }
    seen.add(sim.trace().hash());
    return seen;
  }

  @Test
  void sameSeedSameCalls_sameIdsWaitsAndTraceHash() {
    for (long seed = 1; seed <= 5; seed++) {
      assertEquals(script(seed), script(seed), "seed " + seed);
    }
  }
}
