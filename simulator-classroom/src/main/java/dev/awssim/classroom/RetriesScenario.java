package dev.awssim.classroom;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.trace.TraceEvent;
import dev.awssim.examples.DemoResult;
import dev.awssim.examples.LiveDemo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Retries, live: four writers, each on its own table ({@code orders-no-retries}, {@code
 * orders-immediate-retries}, {@code orders-sdk-legacy}, {@code orders-sdk-standard}), write the
 * same items through the SDK's DynamoDB client with a different reaction to throttling. The charts
 * are the writes each table took per second against its provisioned WCU, and the latency of each
 * write that succeeded; the panel explains the latest throttle with the backoff the SDK chose.
 */
final class RetriesScenario implements Scenario {
  private static final String[] STRATEGIES = {
    "NO_RETRIES", "IMMEDIATE_RETRIES", "SDK_LEGACY", "SDK_STANDARD"
  };

  private final LiveDemo demo;

  /** The table of the latest throttle, so that the SDK's backoff that follows it is explained. */
  private String lastThrottled;

  private String lastWhy;

  RetriesScenario(LiveDemo demo) {
    this.demo = demo;
  }

  @Override
  public LiveDemo demo() {
    return demo;
  }

  /** The table of {@code strategy}, as the demo names it: {@code orders-sdk-legacy}. */
  static String table(String resource, String strategy) {
    return resource + "-" + strategy.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The strategy whose table is {@code table}, or null. */
  private static String strategy(String resource, String table) {
    for (String s : STRATEGIES) {
      if (table(resource, s).equals(table)) {
        return s;
      }
    }
    return null;
  }

  @Override
  public List<ChartView> charts(AwsSimulator sim, String resource) {
    Map<Long, List<String>> byWcu = new LinkedHashMap<>();
    for (String s : STRATEGIES) {
      long wcu =
          sim.dynamoDb()
              .describeTable(table(resource, s))
              .provisionedThroughput()
              .writeCapacityUnits();
      byWcu.computeIfAbsent(wcu, k -> new ArrayList<>()).add(s);
    }
    // One line while the four tables have the same WCU, as they have until a student changes one.
    List<DemoResult.Limit> limits = new ArrayList<>();
    byWcu.forEach(
        (wcu, strategies) ->
            limits.add(
                new DemoResult.Limit(
                    byWcu.size() == 1
                        ? "provisioned WCU"
                        : "provisioned WCU (" + String.join(", ", strategies) + ")",
                    (double) wcu)));
    return List.of(
        new ChartView("Writes each table took per second", "writes/s (1 KB = 1 WCU)", limits),
        new ChartView("Latency of each write that succeeded", "ms", List.of()));
  }

  @Override
  public Slot slot(MetricKey key, String resource) {
    Map<String, String> d = key.dimensions().asMap();
    if (!key.namespace().equals("AWS/DynamoDB")
        || d.size() != 1
        || !key.metricName().equals("ConsumedWriteCapacityUnits")) {
      return null;
    }
    String strategy = strategy(resource, d.get("TableName"));
    return strategy == null ? null : new Slot(0, strategy, "step");
  }

  @Override
  public Map<Slot, Double> gauges(AwsSimulator sim, String resource) {
    return Map.of();
  }

  @Override
  public List<Point> points(TraceEvent event, String resource) {
    if (!event.type().service().equals("retries-demo")
        || !"true".equals(event.attribute("succeeded"))) {
      return List.of();
    }
    return List.of(
        new Point(
            new Slot(1, event.attribute("strategy"), "dots"),
            Double.parseDouble(event.attribute("latencyMillis"))));
  }

  @Override
  public String why(TraceEvent event, AwsSimulator sim, String resource) {
    String service = event.type().service();
    String name = event.type().name();
    if (service.equals("dynamodb") && name.equals("THROTTLED")) {
      String table = tableOf(event.resource());
      String strategy = strategy(resource, table);
      if (strategy == null) {
        return null;
      }
      long wcu = sim.dynamoDb().describeTable(table).provisionedThroughput().writeCapacityUnits();
      lastThrottled = table;
      lastWhy =
          String.format(
              Locale.ROOT,
              "Table %s (%s) refused a PutItem: %s, more writes than its %,d provisioned WCU"
                  + " allow (ProvisionedThroughputExceededException, a throttling error). %s",
              table,
              strategy,
              event.attribute("reason"),
              wcu,
              reaction(strategy));
      return lastWhy;
    }
    if (service.equals("awssdk") && name.equals("RETRY_SCHEDULED") && lastThrottled != null) {
      String why =
          lastWhy
              + String.format(
                  Locale.ROOT,
                  " This time the SDK waits %,d ms before attempt %s.",
                  Long.parseLong(event.attribute("delayMillis")),
                  event.attribute("attempt"));
      lastThrottled = null;
      return why;
    }
    return null;
  }

  /** What each strategy does with a throttling error, with the SDK's numbers. */
  private static String reaction(String strategy) {
    return switch (strategy) {
      case "NO_RETRIES" ->
          "RetryMode.NONE makes one attempt: the error reaches the caller and the write is lost.";
      case "IMMEDIATE_RETRIES" ->
          "The caller's own loop tries again at once, up to 9 attempts: the table has no capacity"
              + " left within the same instant, so the tries only add throttled attempts.";
      case "SDK_LEGACY" ->
          "The SDK's legacy mode (its default) retries up to 9 attempts for DynamoDB; before"
              + " attempt n it waits a half-jitter backoff from 500 ms: between half and all of"
              + " min(500 ms x 2^(n-2), 20 s).";
      default ->
          "The SDK's standard mode retries up to 9 attempts for DynamoDB; before attempt n it"
              + " waits a full-jitter backoff from 1 s: between 0 and min(1 s x 2^(n-2), 20 s);"
              + " each retry takes 5 of the client's 500 retry-quota tokens.";
    };
  }

  /** The table name of a DynamoDB ARN ({@code ...:table/NAME} or {@code .../index/...}). */
  private static String tableOf(String arn) {
    int at = arn.indexOf(":table/");
    if (at < 0) {
      return arn;
    }
    String rest = arn.substring(at + ":table/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  @Override
  public boolean counts(TraceEvent event) {
    return event.type().service().equals("dynamodb");
  }

  @Override
  public String panelTitle() {
    return "Why throttled, and what each strategy does";
  }

  @Override
  public String noun() {
    return "throttled attempt";
  }

  @Override
  public String countLabel() {
    return "attempts throttled";
  }
}
