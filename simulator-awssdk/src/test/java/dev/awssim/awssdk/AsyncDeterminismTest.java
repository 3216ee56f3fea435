package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.internal.SimulatorAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One scenario (sends, a long poll, throttled DynamoDB writes with retries) through the sync and
 * the async clients, stepped: the same seed gives the same ids, the same waits and the same trace.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AsyncDeterminismTest {

  /** Waits for {@code f} the stepped way: runs due tasks until it completes. */
  private static <T> T await(AwsSimulator sim, CompletableFuture<T> f) {
    while (!f.isDone()) {
      assertTrue(SimulatorAccess.scheduler(sim).step(), "a pending future needs a pending task");
    }
    return f.join();
  }

  private static List<String> script(long seed, boolean async) {
    AwsSimulator sim = AwsSimulator.builder().seed(seed).traceEnabled(true).build();
    SimulatedAws aws = SimulatedAws.from(sim);
    List<String> seen = new ArrayList<>();
    SqsAsyncClient sqsAsync = aws.sqsAsyncClient();
    SqsClient sqs = aws.sqsClient();
    DynamoDbClient db = aws.dynamoDbClient();
    DynamoDbAsyncClient dbAsync = aws.dynamoDbAsyncClient();

    String url = sqs.createQueue(b -> b.queueName("q")).queueUrl();
    sim.after(Duration.ofSeconds(3), () -> sim.sqs().sendMessage(url, "late"));
    List<Message> polled =
        async
            ? await(sim, sqsAsync.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)))
                .messages()
            : sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)).messages();
    polled.forEach(m -> seen.add(m.body() + "@" + sim.clock().nanos()));
    for (int i = 0; i < 3; i++) {
      int n = i;
      String id =
          async
              ? await(sim, sqsAsync.sendMessage(b -> b.queueUrl(url).messageBody("m" + n)))
                  .messageId()
              : sqs.sendMessage(b -> b.queueUrl(url).messageBody("m" + n)).messageId();
      seen.add(id);
    }

    DeterminismTest.throttledTable(sim, db);
    for (int i = 0; i < 4; i++) {
      int n = i;
      Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("k" + n));
      if (async) {
        await(sim, dbAsync.putItem(b -> b.tableName("tbl").item(item)));
      } else {
        db.putItem(b -> b.tableName("tbl").item(item));
      }
      seen.add(Long.toString(sim.clock().nanos()));
    }
    seen.add(sim.trace().hash());
    return seen;
  }

  @Test
  void sameScenario_syncAndAsync_sameIdsWaitsAndTraceHash() {
    for (long seed = 1; seed <= 3; seed++) {
      List<String> sync = script(seed, false);
      assertEquals(sync, script(seed, true), "seed " + seed);
      assertTrue(sync.get(0).startsWith("late@3000000000"), sync.get(0));
    }
  }
}
