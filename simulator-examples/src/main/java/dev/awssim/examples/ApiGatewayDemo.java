package dev.awssim.examples;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.throttle.TokenBucket;
import java.time.Duration;
import java.util.List;

/**
 * API Gateway throttling: a burst of requests against a stage's token bucket (rate 10/s, burst 5):
 * five pass at once, the rest get 429 until a token is refilled every 100 ms.
 */
final class ApiGatewayDemo implements Demo {
  @Override
  public String name() {
    return "apigateway-burst";
  }

  @Override
  public String title() {
    return "API Gateway: a burst against a token bucket";
  }

  @Override
  public String rule() {
    return "API Gateway throttles with a token bucket: the bucket holds 'burst' tokens and refills at"
        + " 'rate' tokens per second; each request takes one token or gets 429 Too Many Requests"
        + " (THROTTLED). A stage at rate 10 and burst 5 passes 5 requests of a sudden burst, then"
        + " one every 100 ms.";
  }

  @Override
  public String docUrl() {
    return "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html";
  }

  @Override
  public List<DemoOption> options() {
    return List.of(
        new DemoOption("rate", "10", "the stage's rate limit, requests per second"),
        new DemoOption("burst", "5", "the stage's burst limit (bucket size)"),
        new DemoOption("requests", "20", "requests in the burst at t = 0"),
        new DemoOption("interval-ms", "50", "then one request every this many milliseconds"),
        new DemoOption("duration", "2", "simulated seconds"));
  }

  @Override
  public DemoResult run(DemoOptions options) {
    int rate = options.integer("rate");
    int burst = options.integer("burst");
    int interval = Math.max(1, options.integer("interval-ms"));
    AwsSimulator sim = AwsSimulator.withSeed(options.seed());
    TokenBucket stage = TokenBucket.perSecond(rate, burst);
    Series tokens = new Series("tokens in the bucket");
    Series ok = new Series("200 OK (cumulative)");
    Series throttled = new Series("429 THROTTLED (cumulative)");
    int[] counts = new int[2];
    DemoResult result = new DemoResult(this).timeline("t (ms)", "response", "tokens left");
    Runnable request =
        () -> {
          long now = sim.clock().nanos();
          boolean admitted = stage.tryAcquire(1, now);
          counts[admitted ? 0 : 1]++;
          double t = now / 1e9;
          double left = stage.availableTokensExact(now);
          tokens.add(t, left);
          ok.add(t, counts[0]);
          throttled.add(t, counts[1]);
          result.row(
              Long.toString(now / 1_000_000),
              admitted ? "200 OK" : "429 THROTTLED",
              String.format(java.util.Locale.ROOT, "%.2f", left));
        };
    for (int i = 0; i < options.integer("requests"); i++) {
      sim.after(Duration.ZERO, request);
    }
    long duration = Duration.ofSeconds(options.integer("duration")).toMillis();
    for (long t = interval; t <= duration; t += interval) {
      sim.after(Duration.ofMillis(t), request);
    }
    sim.advanceBy(Duration.ofMillis(duration));
    long atZero = Math.min(burst, options.integer("requests"));
    return result
        .keyNumber("passed at t = 0", Long.toString(atZero), "burst = " + burst)
        .keyNumber("200 OK in all", Integer.toString(counts[0]), "burst + rate x time")
        .keyNumber("429 THROTTLED in all", Integer.toString(counts[1]), "no token, no request")
        .chart("Tokens in the stage bucket", "tokens", Series.all(tokens))
        .chart("Responses", "requests", Series.all(ok, throttled));
  }
}
