package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Datapoint;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.kinesis.Kinesis;
import dev.awssim.kinesis.PutRecordRequest;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The Kinesis event source mapping at AWS's numbers:
 * https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
 */
class KinesisEventSourceTest {
  private static final EventSourceMappingConfig.StartingPosition TRIM_HORIZON =
      EventSourceMappingConfig.StartingPosition.TRIM_HORIZON;

  private final AwsSimulator sim = AwsSimulator.withSeed(5);
  private final Kinesis kinesis = sim.kinesis();
  private final Lambda lambda = Lambda.create(sim);
  private final List<List<String>> batches = new ArrayList<>();
  private final List<KinesisEvent.KinesisEventRecord> seen = new ArrayList<>();
  private final List<String> succeeded = new ArrayList<>();
  private String streamArn;

  /** A function that fails any batch holding a record "poison", else answers {@code answer}. */
  private void function(Duration duration, Function<KinesisEvent, Object> answer) {
    RequestHandler<KinesisEvent, Object> handler =
        (event, context) -> {
          List<String> data = new ArrayList<>();
          for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
            data.add(StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString());
          }
          seen.addAll(event.getRecords());
          batches.add(data);
          if (data.contains("poison")) {
            throw new IllegalStateException("poison");
          }
          Object response = answer.apply(event);
          if (response == null) {
            succeeded.addAll(data);
          }
          return response;
        };
    lambda.createFunction(
        FunctionConfig.of("reader", handler).withDuration(DurationModel.fixed(duration)));
  }

  private void stream(int shards) {
    kinesis.createStream("events", shards);
    sim.advanceBy(Duration.ofMinutes(1)); // CREATING -> ACTIVE
    streamArn = kinesis.streamArn("events");
  }

  private void put(String key, String... data) {
    for (String d : data) {
      kinesis.putRecord(PutRecordRequest.of("events", d.getBytes(StandardCharsets.UTF_8), key));
    }
  }

  private EventSourceMapping map(Function<EventSourceMappingConfig, EventSourceMappingConfig> f) {
    return lambda.createEventSourceMapping(
        f.apply(
            EventSourceMappingConfig.of("reader", streamArn).withStartingPosition(TRIM_HORIZON)));
  }

  @Test
  void batch_carriesTheFieldsAwsFills_inShardOrder() {
    function(Duration.ZERO, e -> null);
    stream(1);
    put("k", "a", "b", "c");
    map(c -> c);

    assertEquals(List.of(List.of("a", "b", "c")), batches);
    KinesisEvent.KinesisEventRecord r = seen.get(0);
    assertEquals("aws:kinesis", r.getEventSource());
    assertEquals("aws:kinesis:record", r.getEventName());
    assertEquals("1.0", r.getEventVersion());
    assertEquals(streamArn, r.getEventSourceARN());
    assertEquals(sim.account().region(), r.getAwsRegion());
    assertEquals("k", r.getKinesis().getPartitionKey());
    assertEquals("1.0", r.getKinesis().getKinesisSchemaVersion());
    assertEquals("shardId-000000000000:" + r.getKinesis().getSequenceNumber(), r.getEventID());
    assertTrue(r.getKinesis().getApproximateArrivalTimestamp() != null);
  }

  @Test
  void batchSize_splitsTheShard_oneBatchAtATime() {
    function(Duration.ofSeconds(2), e -> null);
    stream(1);
    put("k", "1", "2", "3", "4", "5");
    map(c -> c.withBatchSize(2));

    assertEquals(1, lambda.concurrentExecutions("reader"));
    sim.advanceBy(Duration.ofSeconds(6));
    assertEquals(List.of(List.of("1", "2"), List.of("3", "4"), List.of("5")), batches);
  }

  @Test
  void poisonRecord_withDefaults_blocksTheShard_andIteratorAgeClimbsOneSecondPerSecond() {
    function(Duration.ZERO, e -> null);
    stream(1);
    put("k", "poison");
    put("k", "after");
    map(c -> c.withBatchSize(1));

    sim.advanceBy(Duration.ofSeconds(10));
    assertEquals(11, batches.size()); // t = 0, 1, ..., 10
    assertTrue(succeeded.isEmpty());
    List<Datapoint> ages = perSecond("IteratorAge");
    for (int i = 1; i < ages.size(); i++) {
      assertEquals(1_000.0, ages.get(i).maximum() - ages.get(i - 1).maximum(), 1e-6);
    }
  }

  @Test
  void maximumRetryAttempts_2_threeAttemptsThenDiscarded_toTheOnFailureDestination() {
    function(Duration.ZERO, e -> null);
    String dlq = sim.sqs().createQueue("failures");
    String dlqArn = sim.sqs().getQueueAttributes(dlq, List.of("QueueArn")).get("QueueArn");
    stream(1);
    put("k", "poison");
    put("k", "after");
    map(c -> c.withBatchSize(1).withMaximumRetryAttempts(2).withOnFailureDestination(dlqArn));

    sim.advanceBy(Duration.ofMillis(1_999));
    assertEquals(2, batches.size());
    assertTrue(succeeded.isEmpty());
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(List.of("after"), succeeded);
    assertEquals(4, batches.size()); // 1 attempt + 2 retries of the poison record, then "after"

    List<Message> records =
        sim.sqs()
            .receiveMessage(ReceiveMessageRequest.builder(dlq).waitTimeSeconds(0).build())
            .messages();
    assertEquals(1, records.size());
    String body = records.get(0).body();
    assertTrue(body.contains("\"condition\":\"RetryAttemptsExhausted\""), body);
    assertTrue(body.contains("\"approximateInvokeCount\":3"), body);
    assertTrue(body.contains("\"KinesisBatchInfo\":{\"shardId\":\"shardId-000000000000\""), body);
    assertTrue(body.contains("\"batchSize\":1"), body);
  }

  @Test
  void maximumRecordAge_60s_discardsTheBatchWhenItsOldestRecordIs60sOld() {
    function(Duration.ZERO, e -> null);
    stream(1);
    put("k", "poison");
    map(c -> c.withBatchSize(1).withMaximumRecordAge(Duration.ofSeconds(60)));
    sim.after(Duration.ofSeconds(30), () -> put("k", "after"));

    sim.advanceBy(Duration.ofMillis(59_999));
    assertTrue(succeeded.isEmpty());
    assertEquals(60, batches.size()); // t = 0 .. 59
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(List.of("after"), succeeded);
    assertEquals(61, batches.size()); // the poison record was not tried at t = 60
  }

  @Test
  void bisect_isolatesThePoisonRecordInLog2Steps_andKeepsOrder() {
    function(Duration.ZERO, e -> null);
    stream(1);
    put("k", "0", "1", "poison", "3", "4", "5", "6", "7");
    map(c -> c.withBatchSize(8).withBisectBatchOnFunctionError(true).withMaximumRetryAttempts(0));
    sim.advanceBy(Duration.ZERO);

    List<Integer> failedSizes = new ArrayList<>();
    for (List<String> b : batches) {
      if (b.contains("poison")) {
        failedSizes.add(b.size());
      }
    }
    assertEquals(List.of(8, 4, 2, 1), failedSizes); // log2(8) = 3 splits
    assertEquals(List.of("0", "1", "3", "4", "5", "6", "7"), succeeded);
  }

  @Test
  void reportBatchItemFailures_retriesFromTheLowestReportedSequenceNumber() {
    List<Boolean> first = new ArrayList<>(List.of(true));
    function(
        Duration.ZERO,
        e -> {
          if (first.isEmpty()) {
            return null;
          }
          first.clear();
          List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
          failures.add(
              new StreamsEventResponse.BatchItemFailure(
                  e.getRecords().get(3).getKinesis().getSequenceNumber()));
          failures.add(
              new StreamsEventResponse.BatchItemFailure(
                  e.getRecords().get(1).getKinesis().getSequenceNumber()));
          return new StreamsEventResponse(failures);
        });
    stream(1);
    put("k", "a", "b", "c", "d", "e");
    map(c -> c.withReportBatchItemFailures(true));
    sim.advanceBy(Duration.ofSeconds(1));

    assertEquals(List.of(List.of("a", "b", "c", "d", "e"), List.of("b", "c", "d", "e")), batches);
  }

  @Test
  void reservedConcurrencyZero_throttlesEveryBatch_withoutUsingRetries() {
    function(Duration.ZERO, e -> null);
    lambda.putFunctionConcurrency("reader", 0);
    stream(1);
    put("k", "a");
    map(c -> c.withMaximumRetryAttempts(0));

    sim.advanceBy(Duration.ofSeconds(30));
    assertTrue(batches.isEmpty());
    assertEquals(31.0, total("Throttles"));
    List<Datapoint> ages = perSecond("IteratorAge");
    assertEquals(30_000.0, ages.get(ages.size() - 1).maximum(), 1e-6);
    lambda.deleteFunctionConcurrency("reader");
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(List.of("a"), succeeded); // the throttles did not count as retries
  }

  @Test
  void parallelizationFactor_runsBatchesOfOneShardAtOnce_inOrderPerKey() {
    function(Duration.ofSeconds(1), e -> null);
    stream(1);
    for (int i = 0; i < 20; i++) {
      put("key" + (i % 4), "key" + (i % 4) + "-" + i);
    }
    map(c -> c.withBatchSize(1).withParallelizationFactor(4));

    assertTrue(lambda.concurrentExecutions("reader") > 1);
    sim.advanceBy(Duration.ofSeconds(30));
    assertEquals(20, succeeded.size());
    for (int k = 0; k < 4; k++) {
      List<Integer> order = new ArrayList<>();
      for (String s : succeeded) {
        if (s.startsWith("key" + k + "-")) {
          order.add(Integer.parseInt(s.substring(s.indexOf('-') + 1)));
        }
      }
      List<Integer> sorted = new ArrayList<>(order);
      sorted.sort(null);
      assertEquals(sorted, order);
    }
  }

  @Test
  void childShards_areReadAfterTheirParentEnds() {
    function(Duration.ofSeconds(1), e -> null);
    stream(1);
    put("k", "parent-1", "parent-2");
    kinesis.splitShard("events", "shardId-000000000000", "170141183460469231731687303715884105728");
    sim.advanceBy(Duration.ofMinutes(1));
    put("k", "child-1", "child-2");
    map(c -> c.withBatchSize(1));

    sim.advanceBy(Duration.ofSeconds(30));
    assertEquals(List.of("parent-1", "parent-2", "child-1", "child-2"), succeeded);
  }

  @Test
  void polling_oncePerSecond_aNewRecordWaitsForTheNextPoll() {
    function(Duration.ZERO, e -> null);
    stream(1);
    java.time.Instant mapped = sim.now();
    map(c -> c); // polls the empty shard now, then once per second

    sim.advanceBy(Duration.ofMillis(500));
    put("k", "a");
    sim.advanceTo(mapped.plusSeconds(1).minusNanos(1));
    assertEquals(List.of(), batches);
    sim.advanceTo(mapped.plusSeconds(1));
    assertEquals(List.of(List.of("a")), batches);
  }

  @Test
  void atTimestamp_readsFromTheFirstRecordArrivedAtOrAfterIt() {
    function(Duration.ZERO, e -> null);
    stream(1);
    put("k", "before");
    sim.advanceBy(Duration.ofSeconds(1));
    java.time.Instant from = sim.now();
    put("k", "at");
    sim.advanceBy(Duration.ofSeconds(1));
    put("k", "after");

    map(c -> c.withStartingPositionTimestamp(from));

    assertEquals(List.of(List.of("at", "after")), batches);
  }

  @Test
  void atTimestamp_inTheFuture_invalidParameterValue_now_accepted() {
    function(Duration.ZERO, e -> null);
    stream(1);

    LambdaException e =
        assertThrows(
            LambdaException.class,
            () -> map(c -> c.withStartingPositionTimestamp(sim.now().plusNanos(1))));
    assertEquals("InvalidParameterValueException", e.errorCode());
    assertEquals(List.of(), lambda.listEventSourceMappings("reader", null));
    map(c -> c.withStartingPositionTimestamp(sim.now()));
    assertEquals(1, lambda.listEventSourceMappings("reader", null).size());
  }

  @Test
  void create_streamParametersOutsideAwsRanges_invalidParameterValue() {
    function(Duration.ZERO, e -> null);
    stream(1);
    List<Function<EventSourceMappingConfig, EventSourceMappingConfig>> bad =
        List.of(
            c -> c.withStartingPosition(null),
            c -> c.withBatchSize(10_001),
            c -> c.withParallelizationFactor(0),
            c -> c.withParallelizationFactor(11),
            c -> c.withMaximumRetryAttempts(-2),
            c -> c.withMaximumRetryAttempts(10_001),
            c -> c.withMaximumRecordAge(Duration.ofSeconds(59)),
            c -> c.withMaximumRecordAge(Duration.ofSeconds(604_801)),
            c -> c.withMaximumConcurrency(2));
    for (Function<EventSourceMappingConfig, EventSourceMappingConfig> f : bad) {
      LambdaException e = assertThrows(LambdaException.class, () -> map(f));
      assertEquals("InvalidParameterValueException", e.errorCode());
    }
    EventSourceMapping ok =
        map(
            c ->
                c.withBatchSize(10_000)
                    .withParallelizationFactor(10)
                    .withMaximumRetryAttempts(10_000)
                    .withMaximumRecordAge(Duration.ofDays(7)));
    assertEquals(10_000, ok.config().batchSize());
  }

  private double total(String metric) {
    return sim.metrics()
        .total(new MetricKey(Lambda.NAMESPACE, metric, Dimensions.of("FunctionName", "reader")));
  }

  private List<Datapoint> perSecond(String metric) {
    return sim.metrics()
        .getMetricStatistics(
            new MetricKey(Lambda.NAMESPACE, metric, Dimensions.of("FunctionName", "reader")),
            sim.clock().start(),
            sim.now().plusSeconds(1),
            Duration.ofSeconds(1));
  }
}
