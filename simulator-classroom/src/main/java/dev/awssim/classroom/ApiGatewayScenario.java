package dev.awssim.classroom;

import dev.awssim.AwsSimulator;
import dev.awssim.apigateway.ApiRequest;
import dev.awssim.apigateway.BucketState;
import dev.awssim.apigateway.ThrottleLevel;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.trace.TraceEvent;
import dev.awssim.examples.DemoResult;
import dev.awssim.examples.LiveDemo;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * API Gateway token buckets, live: the tokens in the stage's bucket against its burst (the bucket
 * size), and the requests answered and throttled per second against its rate. The panel names the
 * bucket that refused a request and its rate and burst.
 */
final class ApiGatewayScenario implements Scenario {
  /** The stage of the demo's API. */
  static final String STAGE = "prod";

  /** The path the demo calls. */
  static final String PATH = "/orders";

  private static final Slot TOKENS = new Slot(0, "stage bucket tokens", "line");

  private final LiveDemo demo;

  ApiGatewayScenario(LiveDemo demo) {
    this.demo = demo;
  }

  @Override
  public LiveDemo demo() {
    return demo;
  }

  /** The stage (or method) bucket of the demo's route now, or null. */
  private static BucketState stageBucket(AwsSimulator sim, String apiId) {
    for (BucketState b : sim.apiGateway().throttleState(ApiRequest.of(apiId, STAGE, "GET", PATH))) {
      if (b.level() == ThrottleLevel.STAGE || b.level() == ThrottleLevel.METHOD) {
        return b;
      }
    }
    return null;
  }

  @Override
  public List<ChartView> charts(AwsSimulator sim, String resource) {
    BucketState b = stageBucket(sim, resource);
    List<DemoResult.Limit> burst =
        b == null
            ? List.of()
            : List.of(new DemoResult.Limit("burst (bucket size)", b.burstLimit()));
    List<DemoResult.Limit> rate =
        b == null ? List.of() : List.of(new DemoResult.Limit("rate limit", b.rateLimit()));
    return List.of(
        new ChartView("Tokens in the stage bucket", "tokens", burst),
        new ChartView("Requests per second: answered and throttled", "requests/s", rate));
  }

  @Override
  public Slot slot(MetricKey key, String resource) {
    Map<String, String> d = key.dimensions().asMap();
    if (!key.namespace().equals("AWS/ApiGateway")
        || !STAGE.equals(d.get("Stage"))
        || d.containsKey("Method")
        || d.containsKey("Resource")) {
      return null;
    }
    return switch (key.metricName()) {
      case "Count" -> new Slot(1, "requests/s (Count)", "step");
      case "4XXError" -> new Slot(1, "429s and other 4XX/s (4XXError)", "step");
      default -> null;
    };
  }

  @Override
  public Map<Slot, Double> gauges(AwsSimulator sim, String resource) {
    BucketState b = stageBucket(sim, resource);
    return b == null ? Map.of() : Map.of(TOKENS, b.availableTokens());
  }

  @Override
  public String why(TraceEvent event, AwsSimulator sim, String resource) {
    if (!event.type().service().equals("apigateway") || !event.type().name().equals("THROTTLED")) {
      return null;
    }
    String level = event.attribute("level");
    BucketState b = stageBucket(sim, resource);
    String numbers =
        b == null
            ? ""
            : String.format(
                Locale.ROOT,
                " The stage bucket holds at most %,d tokens (burst) and refills at %s per second"
                    + " (rate).",
                b.burstLimit(),
                Jsons.number(b.rateLimit()));
    return event.attribute("method")
        + " "
        + event.attribute("path")
        + " on stage "
        + STAGE
        + ": 429 Too Many Requests. The "
        + (level == null ? "?" : level)
        + " token bucket had no token left: every request takes one token from each bucket that"
        + " applies (usage plan, stage or method, account), and none is left."
        + numbers;
  }
}
