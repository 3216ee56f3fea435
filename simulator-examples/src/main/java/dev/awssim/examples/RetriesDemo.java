package dev.awssim.examples;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.throttle.TokenBucket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Retries: the same burst against a throttled resource with no retries, naive immediate retries,
 * and exponential backoff with full jitter, side by side.
 */
final class RetriesDemo implements Demo {
  private static final int MAX_ATTEMPTS = 9;
  private static final long BASE_DELAY_MS = 25;
  private static final long MAX_BACKOFF_MS = 20_000;

  /** How a client reacts to a throttling error. */
  enum Strategy {
    NO_RETRIES,
    IMMEDIATE_RETRIES,
    BACKOFF_WITH_JITTER
  }

  @Override
  public String name() {
    return "retries";
  }

  @Override
  public String title() {
    return "Retries: none, naive, and exponential backoff with jitter";
  }

  @Override
  public String rule() {
    return "The AWS SDKs retry throttling errors with exponential backoff and full jitter (the"
        + " DynamoDB client of the Java SDK v2: 9 attempts, base delay 25 ms, at most 20 s). A burst"
        + " of requests against a resource that admits 'rate' per second: without retries most"
        + " fail; retrying at once only hammers the empty bucket; backoff with jitter spreads the"
        + " retries out until they fit.";
  }

  @Override
  public String docUrl() {
    return "https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html";
  }

  @Override
  public List<DemoOption> options() {
    return List.of(
        new DemoOption("rate", "100", "requests per second the resource admits"),
        new DemoOption("burst", "50", "the resource's burst"),
        new DemoOption("requests", "400", "requests sent at t = 0"));
  }

  @Override
  public DemoResult run(DemoOptions options) {
    DemoResult result =
        new DemoResult(this)
            .timeline("strategy", "succeeded", "attempts", "p50 latency", "p99 latency");
    List<DemoResult.Series> successes = new ArrayList<>();
    for (Strategy strategy : Strategy.values()) {
      Outcome outcome = simulate(strategy, options);
      result.row(
          strategy.name(),
          outcome.succeeded + " of " + options.integer("requests"),
          Integer.toString(outcome.attempts),
          ms(outcome.percentile(50)),
          ms(outcome.percentile(99)));
      result.keyNumber(
          strategy.name() + ": succeeded",
          Integer.toString(outcome.succeeded),
          strategy == Strategy.NO_RETRIES
              ? "burst admitted, the rest throttled"
              : "attempts up to " + MAX_ATTEMPTS);
      successes.add(outcome.successes.toResult());
    }
    return result.chart("Requests succeeded over time", "requests", successes);
  }

  /** What one strategy achieved. */
  private static final class Outcome {
    final Series successes;
    final List<Long> latencies = new ArrayList<>();
    int succeeded;
    int attempts;

    Outcome(Strategy strategy) {
      successes = new Series(strategy.name());
    }

    long percentile(int p) {
      if (latencies.isEmpty()) {
        return -1;
      }
      List<Long> sorted = new ArrayList<>(latencies);
      sorted.sort(null);
      return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
  }

  private static Outcome simulate(Strategy strategy, DemoOptions options) {
    AwsSimulator sim = AwsSimulator.withSeed(options.seed());
    TokenBucket resource = TokenBucket.perSecond(options.integer("rate"), options.integer("burst"));
    RandomGenerator jitter = sim.random("demo/retries/jitter");
    Outcome outcome = new Outcome(strategy);
    for (int i = 0; i < options.integer("requests"); i++) {
      sim.after(Duration.ZERO, () -> attempt(sim, resource, strategy, jitter, outcome, 1, 0));
    }
    sim.advanceBy(Duration.ofSeconds(60));
    return outcome;
  }

  private static void attempt(
      AwsSimulator sim,
      TokenBucket resource,
      Strategy strategy,
      RandomGenerator jitter,
      Outcome outcome,
      int attempt,
      long startNanos) {
    outcome.attempts++;
    long now = sim.clock().nanos();
    if (resource.tryAcquire(1, now)) {
      outcome.succeeded++;
      outcome.latencies.add((now - startNanos) / 1_000_000);
      outcome.successes.add(now / 1e9, outcome.succeeded);
      return;
    }
    if (strategy == Strategy.NO_RETRIES || attempt >= MAX_ATTEMPTS) {
      return;
    }
    long delayMs =
        strategy == Strategy.IMMEDIATE_RETRIES
            ? 0
            : jitter.nextLong(Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS << attempt) + 1);
    sim.after(
        Duration.ofMillis(delayMs),
        () -> attempt(sim, resource, strategy, jitter, outcome, attempt + 1, startNanos));
  }

  private static String ms(long millis) {
    return millis < 0 ? "-" : String.format(Locale.ROOT, "%d ms", millis);
  }
}
