package dev.awssim.examples;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.throttle.ThrottleDecision;
import dev.awssim.engine.throttle.TokenBucket;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A burst of requests against a token bucket (rate 10/s, burst 5) on virtual time: five pass at
 * once, the rest are refused until a token is refilled every 100 ms. The same bucket throttles API
 * Gateway stages and usage plans.
 */
public final class TokenBucketDemo {
  /** What one request got. */
  public record Outcome(Duration at, boolean admitted, long tokensLeft) {}

  private TokenBucketDemo() {}

  /**
   * Sends {@code burst} requests at t=0, then one every {@code interval} until {@code duration}.
   */
  public static List<Outcome> run(
      long seed, long rate, long bucketSize, int burst, Duration interval, Duration duration) {
    AwsSimulator sim = AwsSimulator.withSeed(seed);
    TokenBucket bucket = TokenBucket.perSecond(rate, bucketSize);
    List<Outcome> outcomes = new ArrayList<>();
    Runnable request =
        () -> {
          ThrottleDecision d = bucket.tryConsume(1, sim.clock().nanos());
          outcomes.add(
              new Outcome(
                  sim.clock().elapsed(),
                  d.isAdmitted(),
                  bucket.availableTokens(sim.clock().nanos())));
        };
    for (int i = 0; i < burst; i++) {
      sim.after(Duration.ZERO, request);
    }
    for (Duration t = interval; t.compareTo(duration) <= 0; t = t.plus(interval)) {
      sim.after(t, request);
    }
    sim.advanceBy(duration);
    return outcomes;
  }

  /** Prints the timeline of a default run. */
  public static void print(PrintStream out, long seed) {
    List<Outcome> outcomes = run(seed, 10, 5, 20, Duration.ofMillis(50), Duration.ofSeconds(1));
    out.println(
        "Token bucket: rate 10 requests/s, burst 5; 20 requests at t=0, then one every 50 ms");
    out.println("  t (ms)  result     tokens left");
    for (Outcome o : outcomes) {
      out.printf(
          Locale.ROOT,
          "  %6d  %-9s  %s%n",
          o.at().toMillis(),
          o.admitted() ? "200 OK" : "429",
          "#".repeat((int) o.tokensLeft()));
    }
    long admitted = outcomes.stream().filter(Outcome::admitted).count();
    out.printf(
        Locale.ROOT,
        "  admitted %d of %d requests in 1 s of virtual time%n",
        admitted,
        outcomes.size());
  }
}
