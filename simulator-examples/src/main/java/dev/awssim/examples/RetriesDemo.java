package dev.awssim.examples;

import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.AwsSdkEventType;
import dev.awssim.awssdk.ClientFaults;
import dev.awssim.awssdk.RetryMode;
import dev.awssim.awssdk.SimulatedAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Retries: one writer sends the same writes to a small provisioned DynamoDB table through the
 * simulated SDK client in each of its retry modes ({@link RetryMode#NONE}, {@link
 * RetryMode#LEGACY}, {@link RetryMode#STANDARD}), and once with naive immediate retries in the
 * caller's own loop. The retry numbers are the SDK's own, as {@code simulator-awssdk} models them;
 * this demo restates none of them.
 */
final class RetriesDemo implements Demo {
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

  @Override
  public DemoResult run(DemoOptions options) {
    DemoResult result =
        new DemoResult(this, options)
            .timeline("strategy", "succeeded", "attempts", "finished at", "p50", "p99");
    List<Outcome> outcomes = new ArrayList<>();
    double end = 0;
    for (Strategy strategy : Strategy.values()) {
      Outcome outcome = simulate(strategy, options);
      outcomes.add(outcome);
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

  private static Outcome simulate(Strategy strategy, DemoOptions options) {
    AwsSimulator sim = AwsSimulator.withSeed(options.seed());
    SimulatedAws aws =
        SimulatedAws.builder(sim)
            .retryMode(strategy.mode)
            .faults(
                ClientFaults.none()
                    .withAddedLatency(Duration.ofMillis(options.integer("latency-ms"))))
            .build();
    DynamoDbClient db = aws.dynamoDbClient();
    long wcu = options.integer("wcu");
    db.createTable(
        b ->
            b.tableName("orders")
                .keySchema(
                    KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("pk")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(wcu).writeCapacityUnits(wcu)));
    Outcome outcome = new Outcome(strategy);
    long start = sim.clock().nanos();
    int sdkRetriesBefore = sim.trace().events(AwsSdkEventType.RETRY_SCHEDULED).size();
    int ownAttempts = 0;
    for (int i = 0; i < options.integer("requests"); i++) {
      long sent = sim.clock().nanos();
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item =
          Map.of("pk", s("order-" + i), "body", BODY);
      int tries = strategy == Strategy.IMMEDIATE_RETRIES ? IMMEDIATE_ATTEMPTS : 1;
      for (int attempt = 1; attempt <= tries; attempt++) {
        ownAttempts++;
        try {
          db.putItem(b -> b.tableName("orders").item(item));
          long now = sim.clock().nanos();
          outcome.succeeded++;
          outcome.latencies.add((now - sent) / 1_000_000);
          double t = (now - start) / 1e9;
          outcome.successTimes.add(t);
          outcome.successes.add(t, outcome.succeeded);
          break;
        } catch (ProvisionedThroughputExceededException e) {
          // lost, or tried again at once by the caller's loop
        }
      }
    }
    int sdkRetries = sim.trace().events(AwsSdkEventType.RETRY_SCHEDULED).size() - sdkRetriesBefore;
    outcome.attempts = ownAttempts + sdkRetries;
    outcome.finishedAt = (sim.clock().nanos() - start) / 1e9;
    return outcome;
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
