package dev.awssim.examples;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Datapoint;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.kinesis.Kinesis;
import dev.awssim.kinesis.PutRecordsRequestEntry;
import dev.awssim.kinesis.ShardDescription;
import dev.awssim.lambda.DurationModel;
import dev.awssim.lambda.EventSourceMappingConfig;
import dev.awssim.lambda.FunctionConfig;
import dev.awssim.lambda.Lambda;
import dev.awssim.lambda.LambdaEventType;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.Sqs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Kinesis to Lambda with a poison record: with the mapping's defaults one record that always fails
 * blocks its shard and IteratorAge climbs one second per second, while the other shard flows. With
 * BisectBatchOnFunctionError the failing batch is split until the record is alone (log2 of the
 * batch size steps), MaximumRetryAttempts then gives up on it, its batch information goes to the
 * on-failure destination and the shard resumes.
 */
final class KinesisLambdaDemo implements Demo {
  private static final String STREAM = "orders";
  private static final String POISON = "poison";
  private static final String BLOCKED_SHARD = "shardId-000000000000";

  /** Where the poison record sits in its second's batch of shard 0. */
  private static final int POISON_INDEX = 5;

  /** The producer writes each second at this offset, half-way between two polls of a shard. */
  private static final Duration PRODUCER_OFFSET = Duration.ofMillis(500);

  /** The producer stops this long before the end, so that the second run can catch up. */
  private static final int PRODUCER_STOPS_BEFORE_END_SECONDS = 3;

  @Override
  public String name() {
    return "kinesis-lambda";
  }

  @Override
  public String title() {
    return "Kinesis -> Lambda poison pill: retries, bisecting, IteratorAge";
  }

  @Override
  public String rule(DemoOptions options) {
    int batch = options.integer("batch-size");
    return "Lambda reads each shard once a second and processes one batch per shard at a time, in"
        + " order; after a function error it retries the whole batch, and with the defaults"
        + " (MaximumRetryAttempts and MaximumRecordAgeInSeconds -1) it retries until the record"
        + " expires, so one record that always fails blocks its shard while the other shards flow."
        + " IteratorAge, the age of the last record of a batch when it ends, then climbs one second"
        + " per second (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html). A producer"
        + " writes "
        + batch
        + " records a second to each of "
        + options.integer("shards")
        + " shards (the mapping's BatchSize is "
        + batch
        + "); at t = "
        + options.integer("poison-at")
        + " s one of shard 0's records is a poison pill. Second run, same records:"
        + " BisectBatchOnFunctionError splits a failing batch in two and retries each half, without"
        + " counting retries, so the poison record is alone after log2("
        + batch
        + ") splits; MaximumRetryAttempts "
        + options.integer("retries")
        + " then gives up on it and sends its batch information (not the record) to the SQS"
        + " on-failure destination, and the shard resumes"
        + " (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html).";
  }

  @Override
  public String docUrl() {
    return "https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html";
  }

  @Override
  public List<DemoOption> options() {
    return List.of(
        DemoOption.checkedByAws("shards", "2", "shards in the stream (AWS: at least 1)"),
        DemoOption.between(
            "batch-size",
            "16",
            2,
            1_000,
            "the mapping's BatchSize, and records written per second to each shard"),
        DemoOption.checkedByAws(
            "retries", "2", "second run: MaximumRetryAttempts (AWS: -1 for infinite, or 0-10000)"),
        DemoOption.between(
            "function-ms", "100", 0, 900, "how long the function takes per batch, in ms"),
        DemoOption.between("poison-at", "10", 1, 3_000, "when the poison record is written, in s"),
        DemoOption.between("duration", "60", 10, 3_600, "simulated seconds of each run"));
  }

  @Override
  public List<String> tourArguments() {
    return List.of("--duration", "40");
  }

  /** What one run saw. */
  private static final class Run {
    final Map<String, Series> ages = new LinkedHashMap<>();
    final List<double[]> poisonAttempts = new ArrayList<>();
    final Map<String, Long> processed = new LinkedHashMap<>();
    final Map<String, Long> written = new LinkedHashMap<>();
    double discardedAt = -1;
    double cloudWatchMaxAgeMs;
    String failureRecord;
  }

  @Override
  public DemoResult run(DemoOptions options) {
    int duration = options.integer("duration");
    if (options.integer("poison-at") >= duration - PRODUCER_STOPS_BEFORE_END_SECONDS) {
      throw new IllegalArgumentException(
          "--poison-at must be less than --duration - " + PRODUCER_STOPS_BEFORE_END_SECONDS);
    }
    DemoResult result = new DemoResult(this, options).timeline("t", "event", "detail");
    Run defaults = run(options, false);
    Run bisect = run(options, true);
    double poisonWritten = options.integer("poison-at") + PRODUCER_OFFSET.toMillis() / 1e3;
    result.row(
        SqsVisibilityDemo.format(poisonWritten), "poison record written to " + BLOCKED_SHARD, "");
    result.row("", "first run: the mapping's defaults", "");
    result.row(
        SqsVisibilityDemo.format(defaults.poisonAttempts.get(0)[0]),
        "batch of " + (int) defaults.poisonAttempts.get(0)[1] + " failed",
        "retried every second after it ends: "
            + defaults.poisonAttempts.size()
            + " attempts by the end");
    result.row("", "second run: BisectBatchOnFunctionError, MaximumRetryAttempts", "");
    int alone = 0;
    List<String> sizes = new ArrayList<>();
    for (double[] attempt : bisect.poisonAttempts) {
      int size = (int) attempt[1];
      sizes.add(Integer.toString(size));
      String detail;
      if (size > 1) {
        detail = "bisected: first " + (size + 1) / 2 + ", then " + size / 2 + " (not a retry)";
      } else {
        detail = alone == 0 ? "the poison record alone" : "retry " + alone;
        alone++;
      }
      result.row(SqsVisibilityDemo.format(attempt[0]), "batch of " + size + " failed", detail);
    }
    if (bisect.discardedAt >= 0) {
      result.row(
          SqsVisibilityDemo.format(bisect.discardedAt),
          "discarded; batch information sent to orders-failures",
          "the shard resumes");
    }
    int splits = (int) bisect.poisonAttempts.stream().filter(a -> a[1] > 1).count();
    int batch = options.integer("batch-size");
    String otherShard = "shardId-000000000001";
    result
        .keyNumber(
            "defaults: IteratorAge of " + BLOCKED_SHARD + " at the end",
            Numbers.seconds(last(defaults.ages.get(BLOCKED_SHARD))),
            "climbs 1 s per second while the shard is blocked")
        .keyNumber(
            "defaults: records of " + BLOCKED_SHARD + " processed after the poison",
            Numbers.count(afterPoison(defaults, options)),
            "one batch per shard at a time, in order")
        .keyNumber(
            "defaults: IteratorAge (CloudWatch Maximum)",
            Numbers.seconds(defaults.cloudWatchMaxAgeMs / 1e3),
            "AWS/Lambda IteratorAge, the age of a batch's last record");
    if (defaults.ages.containsKey(otherShard)) {
      result.keyNumber(
          "defaults: IteratorAge of " + otherShard + " at the end",
          Numbers.seconds(last(defaults.ages.get(otherShard))),
          "the other shards flow");
    }
    result
        .keyNumber(
            "bisect: failed batch sizes",
            String.join(", ", sizes),
            "BatchSize " + batch + ", split in halves")
        .keyNumber(
            "bisect: splits to isolate the poison",
            Integer.toString(splits),
            "ceil(log2(" + batch + ")) = " + ceilLog2(batch))
        .keyNumber(
            "bisect: retries of the poison record alone",
            Integer.toString(Math.max(0, alone - 1)),
            "MaximumRetryAttempts = " + options.integer("retries"))
        .keyNumber(
            "bisect: on-failure record",
            bisect.failureRecord == null ? "none" : bisect.failureRecord,
            "KinesisBatchInfo, not the record")
        .keyNumber(
            "bisect: records lost besides the poison",
            Numbers.count(lost(bisect)),
            "every other record processed, in order")
        .chart(
            ageChart(
                "IteratorAge per shard, defaults: the poison blocks its shard",
                defaults,
                duration,
                poisonWritten))
        .chart(
            ageChart(
                "IteratorAge per shard, bisect + MaximumRetryAttempts "
                    + options.integer("retries"),
                bisect,
                duration,
                poisonWritten));
    return result;
  }

  private static DemoResult.Chart ageChart(String title, Run run, int duration, double poisonAt) {
    List<DemoResult.Series> series = new ArrayList<>();
    run.ages.values().forEach(s -> series.add(s.toResult()));
    DemoResult.Chart chart =
        DemoResult.Chart.of(title, "IteratorAge (s)", duration, series)
            .mark("poison written", poisonAt);
    if (run.discardedAt >= 0) {
      chart = chart.mark("sent to the on-failure destination", run.discardedAt);
    }
    return chart;
  }

  /** One simulated run, with the defaults or with bisecting and a retry limit. */
  private Run run(DemoOptions options, boolean fixed) {
    int shards = options.integer("shards");
    int batch = options.integer("batch-size");
    int poisonAt = options.integer("poison-at");
    int duration = options.integer("duration");
    Duration functionTime = Duration.ofMillis(options.integer("function-ms"));
    AwsSimulator sim = AwsSimulator.withSeed(options.seed());
    Kinesis kinesis = sim.kinesis();
    Sqs sqs = sim.sqs();
    Lambda lambda = Lambda.create(sim);
    kinesis.createStream(STREAM, shards);
    List<ShardDescription> described = kinesis.listShards(STREAM).shards();
    Run run = new Run();
    for (ShardDescription shard : described) {
      Series age = new Series(shard.shardId(), DemoResult.Style.LINE);
      age.add(0, 0);
      run.ages.put(shard.shardId(), age);
      run.processed.put(shard.shardId(), 0L);
      run.written.put(shard.shardId(), 0L);
    }
    RequestHandler<KinesisEvent, Void> handler =
        (event, context) -> {
          double now = SqsVisibilityDemo.seconds(sim);
          List<KinesisEvent.KinesisEventRecord> records = event.getRecords();
          KinesisEvent.KinesisEventRecord lastRecord = records.get(records.size() - 1);
          String shardId =
              lastRecord.getEventID().substring(0, lastRecord.getEventID().indexOf(':'));
          double end = now + functionTime.toNanos() / 1e9;
          double arrival =
              Duration.between(
                          sim.clock().start(),
                          lastRecord.getKinesis().getApproximateArrivalTimestamp().toInstant())
                      .toNanos()
                  / 1e9;
          // IteratorAge as Lambda records it: the last record's age when the batch ends.
          run.ages.get(shardId).add(end, end - arrival);
          boolean poisoned = false;
          for (KinesisEvent.KinesisEventRecord r : records) {
            poisoned |=
                POISON.equals(StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString());
          }
          if (poisoned) {
            run.poisonAttempts.add(new double[] {now, records.size()});
            throw new IllegalStateException("cannot parse the poison record");
          }
          run.processed.merge(shardId, (long) records.size(), Long::sum);
          return null;
        };
    lambda.createFunction(
        FunctionConfig.of("reader", handler).withDuration(DurationModel.fixed(functionTime)));
    EventSourceMappingConfig mapping =
        EventSourceMappingConfig.of("reader", kinesis.streamArn(STREAM))
            .withStartingPosition(EventSourceMappingConfig.StartingPosition.TRIM_HORIZON)
            .withBatchSize(batch);
    String failures = null;
    if (fixed) {
      failures = sqs.createQueue("orders-failures");
      mapping =
          mapping
              .withBisectBatchOnFunctionError(true)
              .withMaximumRetryAttempts(options.integer("retries"))
              .withOnFailureDestination(
                  sqs.getQueueAttributes(failures, List.of("QueueArn")).get("QueueArn"));
      sim.trace()
          .subscribe(
              e -> {
                if (e.type() == LambdaEventType.BATCH_DISCARDED && run.discardedAt < 0) {
                  run.discardedAt = e.elapsedNanos() / 1e9;
                }
              });
    }
    lambda.createEventSourceMapping(mapping);
    long[] second = {0};
    Runnable producer =
        () -> {
          long s = second[0]++;
          if (s >= duration - PRODUCER_STOPS_BEFORE_END_SECONDS) {
            return;
          }
          for (ShardDescription shard : described) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
              boolean poison =
                  s == poisonAt
                      && i == POISON_INDEX % batch
                      && shard.shardId().equals(BLOCKED_SHARD);
              String data = poison ? POISON : "r-" + s + "-" + i;
              entries.add(
                  new PutRecordsRequestEntry(
                      data.getBytes(StandardCharsets.UTF_8),
                      "key-" + i,
                      shard.hashKeyRange().startingHashKey()));
            }
            kinesis.putRecords(STREAM, entries);
            run.written.merge(shard.shardId(), (long) batch, Long::sum);
          }
        };
    // Second s's records are written at s + 0.5 s, half-way between two reads of each shard.
    sim.after(
        PRODUCER_OFFSET,
        () -> {
          producer.run();
          sim.every(Duration.ofSeconds(1), producer);
        });
    sim.advanceBy(Duration.ofSeconds(duration));
    List<Datapoint> age =
        sim.metrics()
            .getMetricStatistics(
                new MetricKey(
                    Lambda.NAMESPACE, "IteratorAge", Dimensions.of("FunctionName", "reader")),
                sim.clock().start(),
                sim.now(),
                Duration.ofSeconds(duration));
    run.cloudWatchMaxAgeMs = age.stream().mapToDouble(Datapoint::maximum).max().orElse(0);
    if (failures != null) {
      run.failureRecord = failureRecord(sqs, failures);
    }
    return run;
  }

  /** The condition, invoke count and batch size of the first on-failure record, or null. */
  private static String failureRecord(Sqs sqs, String queue) {
    List<Message> got =
        sqs.receiveMessage(ReceiveMessageRequest.builder(queue).maxNumberOfMessages(1).build())
            .messages();
    if (got.isEmpty()) {
      return null;
    }
    String body = got.get(0).body();
    StringJoiner out = new StringJoiner(", ");
    out.add(field(body, "condition"));
    out.add("approximateInvokeCount " + field(body, "approximateInvokeCount"));
    out.add("batchSize " + field(body, "batchSize"));
    return out.toString();
  }

  /** A scalar field of a flat JSON text, without its quotes. */
  private static String field(String json, String name) {
    int at = json.indexOf("\"" + name + "\":");
    if (at < 0) {
      return "?";
    }
    int from = at + name.length() + 3;
    int to = from;
    while (to < json.length() && json.charAt(to) != ',' && json.charAt(to) != '}') {
      to++;
    }
    return json.substring(from, to).replace("\"", "");
  }

  private static double last(Series series) {
    List<double[]> points = series.toResult().points();
    return points.get(points.size() - 1)[1];
  }

  /** Records of the blocked shard processed after the poison record was written. */
  private static long afterPoison(Run run, DemoOptions options) {
    long before = (long) options.integer("poison-at") * options.integer("batch-size");
    return run.processed.get(BLOCKED_SHARD) - before;
  }

  /** Records written but not processed, besides the poison record. */
  private static long lost(Run run) {
    long lost = 0;
    for (Map.Entry<String, Long> e : run.written.entrySet()) {
      long poison = e.getKey().equals(BLOCKED_SHARD) ? 1 : 0;
      lost += e.getValue() - poison - run.processed.get(e.getKey());
    }
    return lost;
  }

  private static int ceilLog2(int n) {
    return 32 - Integer.numberOfLeadingZeros(n - 1);
  }
}
