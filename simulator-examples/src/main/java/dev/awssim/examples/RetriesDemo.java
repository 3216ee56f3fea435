package dev.awssim.examples;

import com.google.common.collect.ImmutableMap;
import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.ClientFaults;
import dev.awssim.awssdk.RetryMode;
import dev.awssim.awssdk.SimulatedAws;
import dev.awssim.dynamodb.AttributeDefinition;
import dev.awssim.dynamodb.BillingMode;
import dev.awssim.dynamodb.CreateTableRequest;
import dev.awssim.dynamodb.KeySchemaElement;
import dev.awssim.dynamodb.KeyType;
import dev.awssim.dynamodb.ProvisionedThroughput;
import dev.awssim.dynamodb.ScalarAttributeType;
import dev.awssim.engine.random.RandomStreams;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.engine.trace.TraceEventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/**
 * Retries: four writers send the same writes, each to its own small provisioned DynamoDB table,
 * through the simulated SDK client in each of its retry modes ({@link RetryMode#NONE}, {@link
 * RetryMode#LEGACY}, {@link RetryMode#STANDARD}), and once with naive immediate retries in the
 * caller's own loop. The retry numbers are the SDK's own, as {@code simulator-awssdk} models them;
 * this demo restates none of them.
 *
 * <p>The writers run side by side on one clock, as actors: each call goes through the SDK's async
 * client, whose added latency and retry backoffs are tasks on virtual time, and the next call
 * starts when the last one ends, as with a blocking client. So the classroom can step and pause the
 * run, and its numbers are those of four separate runs of one writer each.
 */
final class RetriesDemo implements LiveDemo {
  /** How the writer reacts to a throttling error. */
  enum Strategy {
    /** The SDK client with {@link RetryMode#NONE}: every throttle reaches the caller. */
    NO_RETRIES(RetryMode.NONE),
    /** {@link RetryMode#NONE} and a caller that retries at once, up to 9 attempts. */
    IMMEDIATE_RETRIES(RetryMode.NONE),
    /** The SDK's default mode. */
    SDK_LEGACY(RetryMode.LEGACY),
    /** The cross-SDK standard mode. */
    SDK_STANDARD(RetryMode.STANDARD);

    final RetryMode mode;

    Strategy(RetryMode mode) {
      this.mode = mode;
    }
  }

  /** The caller's own loop makes as many attempts as the SDK's DynamoDB client does. */
  private static final int IMMEDIATE_ATTEMPTS = 9;

  @Override
  public String name() {
    return "retries";
  }

  @Override
  public String title() {
    return "Retries: none, naive, and the SDK's backoff with jitter";
  }

  @Override
  public String rule(DemoOptions options) {
    return "One writer puts "
        + Numbers.count(options.integer("requests"))
        + " items, back to back ("
        + options.integer("latency-ms")
        + " ms a call), into a DynamoDB table provisioned at "
        + Numbers.count(options.integer("wcu"))
        + " WCU, through the SDK's DynamoDbClient. Throttled writes get"
        + " ProvisionedThroughputExceededException. Without retries they are lost; retrying at"
        + " once only spends attempts on an empty table; the SDK's retry modes wait an"
        + " exponential backoff with jitter (legacy, the default: up to 9 attempts for DynamoDB,"
        + " throttling waits from 500 ms with half jitter; standard: from 1 s with full jitter and"
        + " a retry quota that can run dry).";
  }

  @Override
  public String docUrl() {
    return "https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html";
  }

  @Override
  public List<DemoOption> options() {
    return List.of(
        DemoOption.checkedByAws(
            "wcu", "50", "the table's provisioned write capacity (AWS: at least 1)"),
        DemoOption.between("requests", "400", 1, 20_000, "items the writer puts"),
        DemoOption.between("latency-ms", "5", 0, 1_000, "virtual milliseconds per call"));
  }

  /** The stem of the tables' names: one table per strategy, {@code orders-sdk-legacy}, .... */
  static final String TABLE = "orders";

  /** The table {@code strategy}'s writer writes to. */
  static String table(Strategy strategy) {
    return TABLE + "-" + strategy.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** What a writer records in the trace, for live views. */
  enum Event implements TraceEventType {
    /**
     * A write ended: resource the table; attributes {@code strategy}, {@code succeeded} ({@code
     * true} or {@code false}), {@code latencyMillis} (from the first attempt to the end), and the
     * writer's counts so far: {@code succeededSoFar}, {@code attemptsSoFar}.
     */
    WRITE_DONE;

    @Override
    public String service() {
      return "retries-demo";
    }
  }

  @Override
  public boolean showsProgress() {
    return false;
  }

  /**
   * The terminal run: the four writers on one fresh simulation, run task by task until each has
   * written its last item.
   */
  @Override
  public DemoResult run(DemoOptions options) {
    AwsSimulator sim = AwsSimulator.builder().seed(options.seed()).traceEnabled(false).build();
    Race race = (Race) start(sim, options);
    while (!race.allDone() && sim.step()) {
      // each step runs one attempt, backoff or completion of some writer
    }
    return race.finish();
  }

  /**
   * Creates one table per strategy and schedules the four writers side by side on {@code sim}'s
   * clock. Each writer has its own {@link SimulatedAws} with its retry mode and its own random
   * streams of the simulation's seed, so that it draws the jitter it would draw alone on a
   * simulation of that seed: the numbers are those of four separate runs.
   */
  @Override
  public Run start(AwsSimulator sim, DemoOptions options) {
    long wcu = options.integer("wcu");
    for (Strategy strategy : Strategy.values()) {
      sim.dynamoDb()
          .createTable(
              CreateTableRequest.of(table(strategy))
                  .withKeySchema(List.of(new KeySchemaElement("pk", KeyType.HASH)))
                  .withAttributeDefinitions(
                      List.of(new AttributeDefinition("pk", ScalarAttributeType.S)))
                  .withBillingMode(BillingMode.PROVISIONED)
                  .withProvisionedThroughput(new ProvisionedThroughput(wcu, wcu)));
    }
    return new Race(this, sim, options);
  }

  /** The four writers of one run. */
  private static final class Race implements Run {
    private final RetriesDemo demo;
    private final AwsSimulator sim;
    private final DemoOptions options;
    private final int requests;
    private final Duration latency;
    private final List<Writer> writers = new ArrayList<>();
    private final Cancellable throttles;
    private final long startedAt;
    private DemoResult finished;
    private boolean stopped;
    private long aloneEnd = -1;

    Race(RetriesDemo demo, AwsSimulator sim, DemoOptions options) {
      this.demo = demo;
      this.sim = sim;
      this.options = options;
      this.requests = options.integer("requests");
      this.latency = Duration.ofMillis(options.integer("latency-ms"));
      this.startedAt = sim.clock().elapsed().toNanos();
      Map<String, Writer> byTable = new LinkedHashMap<>();
      for (Strategy strategy : Strategy.values()) {
        SimulatedAws aws =
            SimulatedAws.builder(sim)
                .retryMode(strategy.mode)
                .faults(ClientFaults.none().withAddedLatency(latency))
                .randomStreams(new RandomStreams(sim.seed()))
                .build();
        Writer w = new Writer(strategy, aws.dynamoDbAsyncClient());
        writers.add(w);
        byTable.put(w.table, w);
      }
      // Every attempt reaches DynamoDB, which either takes it or counts it in ThrottledRequests.
      this.throttles =
          sim.metrics()
              .subscribe(
                  (key, at, value) -> {
                    if (key.metricName().equals("ThrottledRequests")
                        && "PutItem".equals(key.dimensions().asMap().get("Operation"))) {
                      Writer w = byTable.get(key.dimensions().asMap().get("TableName"));
                      if (w != null) {
                        w.throttled += (int) value;
                      }
                    }
                  });
      // As a blocking SDK call does, the first call's added latency passes before it is sent.
      for (Writer w : writers) {
        sim.after(latency, w::begin);
      }
    }

    boolean allDone() {
      return writers.stream().allMatch(w -> w.done);
    }

    /**
     * When the last writer ends: known once it has; before that, when the same run alone ends (one
     * run of the terminal demo on a scratch simulation, made at the first question), or a second
     * past now if the run has gone past that (a student changed a table's capacity).
     */
    @Override
    public Duration duration() {
      Duration known = sim.atomically(() -> allDone() ? lastEnd() : null);
      if (known != null) {
        return known;
      }
      long alone = aloneEndNanos();
      return sim.atomically(
          () -> {
            if (allDone()) {
              return lastEnd();
            }
            long now = sim.clock().elapsed().toNanos();
            return Duration.ofNanos(now < alone ? alone : now + 1_000_000_000L);
          });
    }

    private Duration lastEnd() {
      long end = 0;
      for (Writer w : writers) {
        end = Math.max(end, w.endNanos);
      }
      return Duration.ofNanos(end);
    }

    private long aloneEndNanos() {
      synchronized (this) {
        if (aloneEnd < 0) {
          AwsSimulator scratch =
              AwsSimulator.builder()
                  .seed(options.seed())
                  .traceEnabled(false)
                  .startInstant(sim.clock().start())
                  .build();
          scratch.advanceTo(scratch.clock().start().plusNanos(startedAt));
          Race race = (Race) demo.start(scratch, options);
          while (!race.allDone() && scratch.step()) {
            // as the terminal run
          }
          aloneEnd = race.duration().toNanos();
        }
        return aloneEnd;
      }
    }

    @Override
    public String resource() {
      return TABLE;
    }

    @Override
    public List<List<String>> progress() {
      return sim.atomically(() -> progressRows());
    }

    private List<List<String>> progressRows() {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("strategy", "succeeded", "attempts", "throttled", "finished at", "p99"));
      for (Writer w : writers) {
        rows.add(
            List.of(
                w.strategy.name(),
                Numbers.count(w.outcome.succeeded) + " of " + Numbers.count(requests),
                Numbers.count(w.attempts()),
                Numbers.count(w.throttled),
                w.done ? Numbers.seconds(w.outcome.finishedAt) : "writing",
                ms(w.outcome.percentile(99))));
      }
      return rows;
    }

    @Override
    public DemoResult finish() {
      return sim.atomically(() -> finishHoldingLock());
    }

    private DemoResult finishHoldingLock() {
      if (finished == null) {
        stopped = true;
        throttles.cancel();
        List<Outcome> outcomes = new ArrayList<>();
        for (Writer w : writers) {
          if (!w.done) {
            w.outcome.finishedAt = (sim.clock().nanos() - w.start) / 1e9;
          }
          w.outcome.attempts = w.attempts();
          outcomes.add(w.outcome);
        }
        finished = demo.result(options, outcomes);
      }
      return finished;
    }

    /**
     * One strategy's writer: puts the items one after another, each call starting when the last
     * ends; the SDK's async client spends its backoffs on virtual time, so no thread waits.
     */
    private final class Writer {
      final Strategy strategy;
      final String table;
      final DynamoDbAsyncClient db;
      final Outcome outcome;
      int next;
      int tries;
      long sent;
      long start;
      long endNanos;
      int throttled;
      boolean done;

      Writer(Strategy strategy, DynamoDbAsyncClient db) {
        this.strategy = strategy;
        this.table = table(strategy);
        this.db = db;
        this.outcome = new Outcome(strategy);
      }

      int attempts() {
        return outcome.succeeded + throttled;
      }

      void begin() {
        start = sim.clock().nanos();
        pump();
      }

      /** Sends writes until one has to wait on virtual time, or the last is written. */
      void pump() {
        while (!stopped && next < requests) {
          if (tries == 0) {
            sent = sim.clock().nanos();
          }
          tries++;
          String key = "order-" + next;
          CompletableFuture<PutItemResponse> call =
              db.putItem(b -> b.tableName(table).item(Map.of("pk", s(key), "body", BODY)));
          if (!call.isDone()) {
            CompletableFuture<Void> unused =
                call.handle((r, e) -> e)
                    .thenAccept(
                        e -> {
                          settle(e);
                          pump();
                        });
            return;
          }
          settle(call.handle((r, e) -> e).join());
        }
        if (!done && next >= requests) {
          done = true;
          endNanos = sim.clock().elapsed().toNanos();
          outcome.finishedAt = (sim.clock().nanos() - start) / 1e9;
        }
      }

      /** The end of a call: a success, a loss, or (the caller's own loop) the same item again. */
      void settle(Throwable error) {
        long now = sim.clock().nanos();
        if (error == null) {
          outcome.succeeded++;
          outcome.latencies.add((now - sent) / 1_000_000);
          double t = (now - start) / 1e9;
          outcome.successTimes.add(t);
          outcome.successes.add(t, outcome.succeeded);
        } else if (strategy == Strategy.IMMEDIATE_RETRIES && tries < IMMEDIATE_ATTEMPTS) {
          return; // tried again at once by the caller's loop
        }
        if (sim.trace().isEnabled()) {
          sim.recordEvent(
              Event.WRITE_DONE,
              table,
              ImmutableMap.of(
                  "strategy", strategy.name(),
                  "succeeded", Boolean.toString(error == null),
                  "latencyMillis", Long.toString((now - sent) / 1_000_000),
                  "succeededSoFar", Integer.toString(outcome.succeeded),
                  "attemptsSoFar", Integer.toString(attempts())));
        }
        next++;
        tries = 0;
      }
    }
  }

  private DemoResult result(DemoOptions options, List<Outcome> outcomes) {
    DemoResult result =
        new DemoResult(this, options)
            .timeline("strategy", "succeeded", "attempts", "finished at", "p50", "p99");
    double end = 0;
    for (Outcome outcome : outcomes) {
      end = Math.max(end, outcome.finishedAt);
    }
    int requests = options.integer("requests");
    List<DemoResult.Series> cumulative = new ArrayList<>();
    List<DemoResult.Series> perSecond = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      result.row(
          outcome.strategy.name(),
          Numbers.count(outcome.succeeded) + " of " + Numbers.count(requests),
          Numbers.count(outcome.attempts),
          Numbers.seconds(outcome.finishedAt),
          ms(outcome.percentile(50)),
          ms(outcome.percentile(99)));
      result.keyNumber(
          outcome.strategy.name() + ": succeeded",
          Integer.toString(outcome.succeeded),
          Numbers.count(outcome.attempts) + " attempts for " + Numbers.count(requests) + " writes");
      outcome.successes.add(end, outcome.succeeded);
      cumulative.add(outcome.successes.toResult());
      perSecond.add(outcome.perSecond(end).toResult());
    }
    return result
        .chart(
            DemoResult.Chart.of(
                    "Writes succeeded over time (running total)", "writes", end, cumulative)
                .limit("writes sent", requests))
        .chart(
            DemoResult.Chart.of("Writes succeeded per second", "writes/s", end, perSecond)
                .limit("provisioned WCU (one-KB writes/s)", options.integer("wcu")));
  }

  /** What one strategy achieved. */
  private static final class Outcome {
    final Strategy strategy;
    final Series successes;
    final List<Double> successTimes = new ArrayList<>();
    final List<Long> latencies = new ArrayList<>();
    int succeeded;
    int attempts;
    double finishedAt;

    Outcome(Strategy strategy) {
      this.strategy = strategy;
      successes = new Series(strategy.name());
      successes.add(0, 0);
    }

    long percentile(int p) {
      if (latencies.isEmpty()) {
        return -1;
      }
      List<Long> sorted = new ArrayList<>(latencies);
      sorted.sort(null);
      return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    Series perSecond(double end) {
      int seconds = (int) Math.ceil(end);
      double[] counts = new double[Math.max(1, seconds)];
      for (double t : successTimes) {
        counts[Math.min(counts.length - 1, (int) t)]++;
      }
      Series series = new Series(strategy.name());
      for (int s = 0; s < counts.length; s++) {
        series.add(s, counts[s]);
      }
      return series;
    }
  }

  /** About one KB, so that each write takes one WCU. */
  private static final software.amazon.awssdk.services.dynamodb.model.AttributeValue BODY =
      s("x".repeat(900));

  private static software.amazon.awssdk.services.dynamodb.model.AttributeValue s(String value) {
    return software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder().s(value).build();
  }

  private static String ms(long millis) {
    return millis < 0 ? "-" : Numbers.count(millis) + " ms";
  }
}
