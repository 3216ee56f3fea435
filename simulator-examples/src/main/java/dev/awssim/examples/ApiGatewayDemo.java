package dev.awssim.examples;

import dev.awssim.AwsSimulator;
import dev.awssim.apigateway.ApiGateway;
import dev.awssim.apigateway.ApiKey;
import dev.awssim.apigateway.ApiRequest;
import dev.awssim.apigateway.ApiResponse;
import dev.awssim.apigateway.ApiStage;
import dev.awssim.apigateway.BucketState;
import dev.awssim.apigateway.Integration;
import dev.awssim.apigateway.MethodSettings;
import dev.awssim.apigateway.QuotaSettings;
import dev.awssim.apigateway.RestApi;
import dev.awssim.apigateway.StageSettings;
import dev.awssim.apigateway.ThrottleLevel;
import dev.awssim.apigateway.ThrottleSettings;
import dev.awssim.apigateway.UsagePlanSettings;
import dev.awssim.engine.time.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * API Gateway throttling on the real model: a burst against a stage's token bucket (tokens over
 * time, 200s and 429s), then two customers on usage plans with different rates and quotas.
 */
final class ApiGatewayDemo implements LiveDemo {
  /** The API the burst is sent to. */
  static final String API = "shop";

  /** Its stage. */
  static final String STAGE = "prod";

  @Override
  public String name() {
    return "apigateway-burst";
  }

  @Override
  public String title() {
    return "API Gateway: token buckets, usage plans and quotas";
  }

  @Override
  public String rule(DemoOptions options) {
    int rate = options.integer("rate");
    int burst = options.integer("burst");
    return "API Gateway throttles with token buckets: a bucket holds 'burst' tokens and refills at"
        + " 'rate' per second; a request takes one token from every applicable bucket (usage plan,"
        + " stage or method, account) or gets 429 THROTTLED. Here "
        + options.integer("requests")
        + " requests arrive at once at a stage with rate "
        + rate
        + " and burst "
        + burst
        + ", then one every "
        + options.integer("interval-ms")
        + " ms: "
        + burst
        + " pass at once, then "
        + (rate == 0 ? "none (rate 0)" : "one every " + Numbers.number(1000.0 / rate) + " ms")
        + ". Usage plans give each API key its own bucket and a quota per day; past the quota: 429"
        + " QUOTA_EXCEEDED.";
  }

  @Override
  public String docUrl() {
    return "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html";
  }

  @Override
  public List<DemoOption> options() {
    return List.of(
        DemoOption.between("rate", "10", 0, 10_000, "the stage's rate limit, requests per second"),
        DemoOption.between("burst", "5", 0, 5_000, "the stage's burst limit (bucket size)"),
        DemoOption.between("requests", "20", 0, 10_000, "requests in the burst at t = 0"),
        DemoOption.between(
            "interval-ms", "50", 1, 60_000, "then one request every this many milliseconds"),
        DemoOption.between("duration", "2", 1, 3_600, "simulated seconds of the stage burst"),
        DemoOption.between(
            "free-quota", "20", 1, 1_000_000, "requests per day in the free customer's plan"));
  }

  @Override
  public boolean showsProgress() {
    return false;
  }

  @Override
  public Run start(AwsSimulator sim, DemoOptions options) {
    ApiGateway gateway = sim.apiGateway();
    RestApi api = gateway.createRestApi(API);
    String resource = gateway.createResourcePath(api.id(), "/orders");
    gateway.putMethod(api.id(), resource, "GET", Integration.mock(200, "orders"));
    String deployment = gateway.createDeployment(api.id());
    gateway.createStage(
        api.id(),
        STAGE,
        deployment,
        StageSettings.defaults()
            .withDefaultMethodSettings(
                MethodSettings.defaults()
                    .withThrottle(
                        new ThrottleSettings(options.integer("rate"), options.integer("burst")))));
    return new Burst(this, sim, options, ApiRequest.of(api.id(), STAGE, "GET", "/orders"));
  }

  /**
   * The stage burst: {@code requests} calls at the start, then one every {@code interval-ms}, and a
   * sample of the stage bucket's tokens every {@value #SAMPLE_MS} ms.
   */
  private static final class Burst implements Run {
    private final AwsSimulator sim;
    private final DemoOptions options;
    private final ApiGateway gateway;
    private final ApiRequest request;
    private final DemoResult result;
    private final Series tokens = new Series("stage bucket tokens", DemoResult.Style.LINE);
    private final Series ok = new Series("200 OK (cumulative)");
    private final Series throttled = new Series("429 THROTTLED (cumulative)");
    private final int[] counts = new int[2];
    private final Rows rows;
    private final List<Cancellable> scheduled = new ArrayList<>();
    private final long startNanos;
    private int atZero;

    Burst(ApiGatewayDemo demo, AwsSimulator sim, DemoOptions options, ApiRequest request) {
      this.sim = sim;
      this.options = options;
      this.gateway = sim.apiGateway();
      this.request = request;
      this.startNanos = sim.clock().nanos();
      this.result =
          new DemoResult(demo, options).timeline("t (ms)", "requests", "response", "tokens left");
      this.rows = new Rows(result);
      tokens.add(0, stageTokens(gateway, request));
      ok.add(0, 0);
      throttled.add(0, 0);
      // Samples between calls lie on the bucket's refill line; calls add the drops.
      scheduled.add(
          sim.every(
              Duration.ofMillis(SAMPLE_MS),
              () -> tokens.add(seconds(), stageTokens(gateway, request))));
      for (int i = 0; i < options.integer("requests"); i++) {
        scheduled.add(sim.after(Duration.ZERO, this::call));
      }
      long duration = Duration.ofSeconds(options.integer("duration")).toMillis();
      int interval = options.integer("interval-ms");
      for (long t = interval; t <= duration; t += interval) {
        scheduled.add(sim.after(Duration.ofMillis(t), this::call));
      }
    }

    private double seconds() {
      return (sim.clock().nanos() - startNanos) / 1e9;
    }

    private void call() {
      double t = seconds();
      tokens.add(t, stageTokens(gateway, request));
      ApiResponse response = gateway.invoke(request);
      boolean admitted = response.statusCode() == 200;
      counts[admitted ? 0 : 1]++;
      if (admitted && sim.clock().nanos() == startNanos) {
        atZero++;
      }
      double left = stageTokens(gateway, request);
      tokens.add(t, left);
      ok.add(t, counts[0]);
      throttled.add(t, counts[1]);
      rows.add(
          (sim.clock().nanos() - startNanos) / 1_000_000,
          admitted ? "200 OK" : response.statusCode() + " " + response.errorType(),
          left);
    }

    @Override
    public Duration duration() {
      return Duration.ofSeconds(options.integer("duration"));
    }

    @Override
    public String resource() {
      return request.apiId();
    }

    @Override
    public DemoResult finish() {
      scheduled.forEach(Cancellable::cancel);
      int seconds = options.integer("duration");
      tokens.add(seconds, stageTokens(gateway, request));
      rows.flush();
      Customers customers = customers(options);
      int burst = options.integer("burst");
      int rate = options.integer("rate");
      return result
          .keyNumber("passed at t = 0", Integer.toString(atZero), "burst = " + burst)
          .keyNumber(
              "200 OK in all",
              Numbers.count(counts[0]),
              "burst + rate x time = " + burst + " + " + rate + " x " + seconds + " s at most")
          .keyNumber("429 THROTTLED in all", Numbers.count(counts[1]), "no token, no request")
          .keyNumber(
              "gold customer: 200 OK", Numbers.count(customers.goldOk), "plan rate 50/s, burst 100")
          .keyNumber(
              "free customer: 200 OK",
              Numbers.count(customers.freeOk),
              "plan rate 2/s, burst 5, quota " + options.integer("free-quota") + "/day")
          .keyNumber(
              "free customer: QUOTA_EXCEEDED",
              Numbers.count(customers.freeQuota),
              "429 once the day's quota is used")
          .chart(
              DemoResult.Chart.of(
                      "Tokens in the stage bucket: spent by requests, refilled at the rate",
                      "tokens",
                      seconds,
                      Series.all(tokens))
                  .limit("burst (bucket size)", burst))
          .chart(
              DemoResult.Chart.of(
                  "Stage responses", "requests", seconds, Series.all(ok, throttled)))
          .chart(
              DemoResult.Chart.of(
                      "Two customers, 20 requests/s each: successes",
                      "requests",
                      CUSTOMER_SECONDS,
                      Series.all(customers.gold, customers.free))
                  .limit("free plan's daily quota", options.integer("free-quota")));
    }
  }

  private static final int CUSTOMER_SECONDS = 10;
  private static final int SAMPLE_MS = 10;

  /** Timeline rows with runs of equal responses at the same instant merged into one row. */
  private static final class Rows {
    private final DemoResult result;
    private long millis = -1;
    private String response;
    private int count;
    private double left;

    Rows(DemoResult result) {
      this.result = result;
    }

    void add(long atMillis, String what, double tokensLeft) {
      if (atMillis != millis || !what.equals(response)) {
        flush();
        millis = atMillis;
        response = what;
      }
      count++;
      left = tokensLeft;
    }

    void flush() {
      if (count > 0) {
        result.row(Numbers.count(millis), Numbers.count(count), response, Numbers.number(left));
      }
      count = 0;
    }
  }

  private static double stageTokens(ApiGateway gateway, ApiRequest request) {
    for (BucketState bucket : gateway.throttleState(request)) {
      if (bucket.level() == ThrottleLevel.STAGE || bucket.level() == ThrottleLevel.METHOD) {
        return bucket.availableTokens();
      }
    }
    return 0;
  }

  /** What the two usage-plan customers got. */
  private static final class Customers {
    final Series gold = new Series("gold key: 200 OK (cumulative)");
    final Series free = new Series("free key: 200 OK (cumulative)");
    int goldOk;
    int freeOk;
    int freeQuota;
  }

  private static Customers customers(DemoOptions options) {
    AwsSimulator sim = AwsSimulator.withSeed(options.seed());
    ApiGateway gateway = sim.apiGateway();
    RestApi api = gateway.createRestApi("partner-api");
    String resource = gateway.createResourcePath(api.id(), "/quotes");
    gateway.putMethod(api.id(), resource, "GET", Integration.mock(200, "quote"), true, List.of());
    gateway.createStage(api.id(), "prod", gateway.createDeployment(api.id()));
    ApiStage stage = ApiStage.of(api.id(), "prod");
    String goldPlan =
        gateway.createUsagePlan(
            UsagePlanSettings.of("gold", stage)
                .withThrottle(new ThrottleSettings(50, 100))
                .withQuota(QuotaSettings.of(5_000, "DAY")));
    String freePlan =
        gateway.createUsagePlan(
            UsagePlanSettings.of("free", stage)
                .withThrottle(new ThrottleSettings(2, 5))
                .withQuota(QuotaSettings.of(options.integer("free-quota"), "DAY")));
    ApiKey gold = gateway.createApiKey("gold-customer");
    ApiKey free = gateway.createApiKey("free-customer");
    gateway.createUsagePlanKey(goldPlan, gold.id());
    gateway.createUsagePlanKey(freePlan, free.id());
    Customers customers = new Customers();
    customers.gold.add(0, 0);
    customers.free.add(0, 0);
    sim.every(
        Duration.ofMillis(50),
        () -> {
          double t = sim.clock().nanos() / 1e9;
          ApiResponse g =
              gateway.invoke(
                  ApiRequest.builder(api.id(), "prod", "GET", "/quotes")
                      .apiKey(gold.value())
                      .build());
          ApiResponse f =
              gateway.invoke(
                  ApiRequest.builder(api.id(), "prod", "GET", "/quotes")
                      .apiKey(free.value())
                      .build());
          customers.goldOk += g.statusCode() == 200 ? 1 : 0;
          customers.freeOk += f.statusCode() == 200 ? 1 : 0;
          customers.freeQuota += "QUOTA_EXCEEDED".equals(f.errorType()) ? 1 : 0;
          customers.gold.add(t, customers.goldOk);
          customers.free.add(t, customers.freeOk);
        });
    sim.advanceBy(Duration.ofSeconds(CUSTOMER_SECONDS));
    return customers;
  }
}
