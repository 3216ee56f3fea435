package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.awssim.AwsSimulator;
import dev.awssim.kinesis.PutRecordRequest;
import dev.awssim.sqs.SendMessageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Over many seeds, with random durations and random function errors: no SQS FIFO message and no
 * Kinesis record is lost, and each is first processed successfully in order per message group or
 * partition key, as AWS promises (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html).
 */
class EventSourceMappingPropertyTest {
  private static final int SEEDS = 10;
  private static final int PER_KEY = 15;
  private static final List<String> KEYS = List.of("a", "b", "c", "d");

  @Test
  void sqsFifo_randomFailures_everyMessageProcessedOnce_inGroupOrder() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      AwsSimulator sim = AwsSimulator.withSeed(seed);
      RandomGenerator chaos = sim.random("test/chaos");
      Lambda lambda = Lambda.create(sim);
      Map<String, List<Integer>> done = new LinkedHashMap<>();
      RequestHandler<SQSEvent, Object> handler =
          (event, context) -> {
            List<String> bodies = new ArrayList<>();
            for (SQSEvent.SQSMessage m : event.getRecords()) {
              bodies.add(m.getBody());
            }
            return flaky(chaos, context, bodies, done);
          };
      lambda.createFunction(FunctionConfig.of("fn", handler).withTimeout(Duration.ofSeconds(5)));
      String url =
          sim.sqs()
              .createQueue(
                  "q.fifo",
                  Map.of(
                      "FifoQueue",
                      "true",
                      "ContentBasedDeduplication",
                      "true",
                      "VisibilityTimeout",
                      "10"));
      for (int i = 0; i < PER_KEY; i++) {
        for (String key : KEYS) {
          sim.sqs()
              .sendMessage(
                  SendMessageRequest.builder(url, key + "-" + i).messageGroupId(key).build());
        }
      }
      lambda.createEventSourceMapping(
          EventSourceMappingConfig.of(
              "fn", sim.sqs().getQueueAttributes(url, List.of("QueueArn")).get("QueueArn")));
      sim.advanceBy(Duration.ofMinutes(30));
      assertEquals(expected(), done, "seed " + seed);
    }
  }

  @Test
  void kinesis_randomFailures_everyRecordProcessedOnce_inKeyOrder() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      AwsSimulator sim = AwsSimulator.withSeed(seed);
      RandomGenerator chaos = sim.random("test/chaos");
      Lambda lambda = Lambda.create(sim);
      Map<String, List<Integer>> done = new LinkedHashMap<>();
      RequestHandler<KinesisEvent, Object> handler =
          (event, context) -> {
            List<String> bodies = new ArrayList<>();
            for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
              bodies.add(StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString());
            }
            return flaky(chaos, context, bodies, done);
          };
      lambda.createFunction(FunctionConfig.of("fn", handler).withTimeout(Duration.ofSeconds(5)));
      sim.kinesis().createStream("s", 2);
      sim.advanceBy(Duration.ofMinutes(1));
      for (int i = 0; i < PER_KEY; i++) {
        for (String key : KEYS) {
          sim.kinesis()
              .putRecord(
                  PutRecordRequest.of("s", (key + "-" + i).getBytes(StandardCharsets.UTF_8), key));
        }
      }
      lambda.createEventSourceMapping(
          EventSourceMappingConfig.of("fn", sim.kinesis().streamArn("s"))
              .withStartingPosition(EventSourceMappingConfig.StartingPosition.TRIM_HORIZON)
              .withBatchSize(7)
              .withParallelizationFactor(1 + (int) (seed % 3)));
      sim.advanceBy(Duration.ofMinutes(30));
      assertEquals(expected(), sortedKeys(done), "seed " + seed);
    }
  }

  /** Takes a random time; fails one batch in four, else records "key-n" bodies as done. */
  private static Object flaky(
      RandomGenerator chaos,
      Context context,
      List<String> bodies,
      Map<String, List<Integer>> done) {
    ((LambdaContext) context).setDuration(Duration.ofMillis(chaos.nextInt(2_000)));
    if (chaos.nextInt(4) == 0) {
      throw new IllegalStateException("flaky");
    }
    for (String body : bodies) {
      String[] parts = body.split("-", -1);
      done.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
    }
    return null;
  }

  private static Map<String, List<Integer>> expected() {
    Map<String, List<Integer>> expected = new LinkedHashMap<>();
    for (String key : KEYS) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < PER_KEY; i++) {
        order.add(i);
      }
      expected.put(key, order);
    }
    return expected;
  }

  private static Map<String, List<Integer>> sortedKeys(Map<String, List<Integer>> done) {
    Map<String, List<Integer>> out = new LinkedHashMap<>();
    for (String key : KEYS) {
      out.put(key, done.getOrDefault(key, List.of()));
    }
    return out;
  }
}
