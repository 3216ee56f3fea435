package dev.awssim.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.apigateway.ThrottleSettings;
import dev.awssim.engine.AwsServiceException;
import dev.awssim.examples.Demo;
import dev.awssim.examples.DemoOptions;
import dev.awssim.examples.DemoResult;
import dev.awssim.examples.Demos;
import dev.awssim.examples.LiveDemo;
import dev.awssim.wire.SessionLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The classroom runs the demos' own code: the same seed and options give the same numbers. */
class ClassroomTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static HttpResponse<String> send(ClassroomServer c, String method, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(c.endpoint() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Demo demo(String name) {
    return Demos.all().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  private static void assertSameNumbersAsTheTerminal(
      String scenario, Map<String, String> options, int seconds) throws Exception {
    try (ClassroomServer c = ClassroomServer.start(0, 42)) {
      c.load(scenario, 7, options);
      // Stepped through the wire server's admin endpoint, one second at a time, as the page does.
      for (int s = 0; s < seconds; s++) {
        assertEquals(200, send(c, "POST", "/_awssim/advance?seconds=1").statusCode());
      }
      DemoResult live = c.finishRun();
      DemoResult terminal = demo(scenario).run(DemoOptions.parse(demo(scenario), 7, options));
      assertEquals(terminal.keyNumbers(), live.keyNumbers());
      assertEquals(terminal.timelineRows(), live.timelineRows());
    }
  }

  @Test
  void kinesisHotShard_steppedToTheEnd_sameNumbersAsTheTerminalDemo() throws Exception {
    assertSameNumbersAsTheTerminal(
        "kinesis-hot-shard", Map.of("shards", "2", "rate", "2500", "duration", "4"), 4);
  }

  @Test
  void dynamoDbHotPartition_steppedToTheEnd_sameNumbersAsTheTerminalDemo() throws Exception {
    assertSameNumbersAsTheTerminal(
        "dynamodb-hot-partition",
        Map.of("wcu", "100", "rate", "200", "idle", "10", "spike", "30"),
        40);
  }

  @Test
  void sqsVisibility_steppedToTheEnd_sameNumbersAsTheTerminalDemo() throws Exception {
    assertSameNumbersAsTheTerminal(
        "sqs-visibility",
        Map.of("visibility-timeout", "30", "max-receive-count", "3", "duration", "100"),
        100);
  }

  @Test
  void sqsFifo_steppedToTheEnd_sameNumbersAsTheTerminalDemo() throws Exception {
    assertSameNumbersAsTheTerminal(
        "sqs-fifo", Map.of("visibility-timeout", "20", "messages", "4", "duration", "40"), 40);
  }

  @Test
  void apiGatewayBurst_steppedToTheEnd_sameNumbersAsTheTerminalDemo() throws Exception {
    assertSameNumbersAsTheTerminal(
        "apigateway-burst",
        Map.of("rate", "10", "burst", "5", "requests", "20", "interval-ms", "50", "duration", "2"),
        2);
  }

  @Test
  void apiGatewayBurst_tokensChart_emptiesAtTheBurstInstant() throws Exception {
    try (ClassroomServer c = ClassroomServer.start(0, 42)) {
      c.load("apigateway-burst", 42, Map.of("rate", "10", "burst", "5", "requests", "20"));
      assertEquals(200, send(c, "POST", "/_awssim/advance?seconds=1").statusCode());
      String frame = c.currentRun().frame(1.0, true, false, 10);
      Matcher m =
          Pattern.compile(
                  "\\{\"chart\":0,\"series\":\"stage bucket tokens\"[^}]*\"pts\":\\[(.*?)\\]\\]")
              .matcher(frame);
      assertTrue(m.find(), frame);
      // The 20 requests at 0 s take the bucket's 5 tokens (burst 5) at once: the chart shows it
      // empty at 0 s, not draining along a line to the next update.
      boolean emptyAtZero = false;
      Matcher point = Pattern.compile("\\[?([-0-9.eE]+),([-0-9.eE]+)").matcher(m.group(1));
      while (point.find()) {
        if (Double.parseDouble(point.group(1)) == 0 && Double.parseDouble(point.group(2)) < 1) {
          emptyAtZero = true;
        }
      }
      assertTrue(emptyAtZero, m.group(1));
    }
  }

  @Test
  void retries_steppedToTheEnd_sameNumbersAsTheTerminalDemo() throws Exception {
    // The SDK_LEGACY writer ends last, at 3.775 s: four steps of 1 s reach the end of the run.
    assertSameNumbersAsTheTerminal("retries", Map.of("wcu", "50", "requests", "200"), 4);
  }

  private static HttpResponse<String> updateStage(ClassroomServer c, String apiId, String body)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(c.endpoint() + "/restapis/" + apiId + "/stages/prod"))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/apigateway/aws4_request,"
                    + " SignedHeaders=host, Signature=0")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String patch(String rate, String burst) {
    return "{\"patchOperations\":[{\"op\":\"replace\",\"path\":\"/*/*/throttling/rateLimit\","
        + "\"value\":\""
        + rate
        + "\"},{\"op\":\"replace\",\"path\":\"/*/*/throttling/burstLimit\",\"value\":\""
        + burst
        + "\"}]}";
  }

  private static ThrottleSettings stageThrottle(ClassroomServer c, String apiId) {
    return c.wire()
        .simulator()
        .apiGateway()
        .getStage(apiId, "prod")
        .defaultMethodSettings()
        .throttle()
        .orElseThrow();
  }

  @Test
  void updateStage_negativeBurst_isBadRequestAndTheStageKeepsItsThrottle() throws Exception {
    try (ClassroomServer c = ClassroomServer.start(0, 42)) {
      c.load("apigateway-burst", 42, Map.of("rate", "10", "burst", "5"));
      String apiId = c.resource();
      HttpResponse<String> bad = updateStage(c, apiId, patch("20", "-1"));
      assertEquals(400, bad.statusCode());
      assertTrue(
          bad.headers().firstValue("x-amzn-ErrorType").orElse("").startsWith("BadRequestException"),
          bad.headers().map() + " " + bad.body());
      assertEquals(5, stageThrottle(c, apiId).burstLimit());
      HttpResponse<String> ok = updateStage(c, apiId, patch("20", "10"));
      assertEquals(200, ok.statusCode(), ok.body());
      ThrottleSettings throttle = stageThrottle(c, apiId);
      assertEquals(20.0, throttle.rateLimit());
      assertEquals(10, throttle.burstLimit());
    }
  }

  @Test
  void play_toTheEnd_isInTheSessionLog_andItsReplayGivesTheSameTrace() throws Exception {
    Map<String, String> options = Map.of("shards", "2", "rate", "1500", "duration", "3");
    try (ClassroomServer c = ClassroomServer.start(0, 42)) {
      c.load("kinesis-hot-shard", 7, options);
      send(c, "POST", "/_awssim/advance?seconds=1");
      // Played at 2x: 100 ms of virtual time each 50 ms of wall time, to the run's end at 3 s.
      assertEquals(200, send(c, "POST", "/_classroom/play?speed=2").statusCode());
      while (send(c, "GET", "/_classroom/state").body().contains("\"playing\":true")) {
        Thread.onSpinWait();
      }
      AwsSimulator live = c.wire().simulator();
      assertEquals(Duration.ofSeconds(3), live.clock().elapsed());
      List<SessionLog.Entry> log = c.wire().sessionLog().entries();
      // The step of 1 s, then 20 steps of play of 100 ms each.
      assertEquals(21, log.size(), log.toString());
      assertTrue(log.stream().allMatch(e -> e.operation().equals(SessionLog.ADVANCE)));

      Demo demo = demo("kinesis-hot-shard");
      AwsSimulator replayed = AwsSimulator.builder().seed(7).build();
      ((LiveDemo) demo).start(replayed, DemoOptions.parse(demo, 7, options));
      c.wire().sessionLog().replay(replayed);
      assertEquals(live.clock().elapsed(), replayed.clock().elapsed());
      assertEquals(live.trace().hash(), replayed.trace().hash());
    }
  }

  @Test
  void load_valueAwsRefuses_isAwsErrorAndTheRunningScenarioStays() throws Exception {
    try (ClassroomServer c = ClassroomServer.start(0, 42)) {
      c.load("dynamodb-hot-partition", 42, Map.of("idle", "5"));
      send(c, "POST", "/_awssim/advance?seconds=2");
      AwsServiceException e =
          assertThrows(
              AwsServiceException.class,
              () -> c.load("kinesis-hot-shard", 42, Map.of("shards", "0")));
      assertFalse(e.errorCode().isEmpty());
      HttpResponse<String> r =
          send(c, "POST", "/_classroom/load?scenario=dynamodb-hot-partition&wcu=0");
      assertEquals(400, r.statusCode());
      assertTrue(r.body().contains("ValidationException"), r.body());
      HttpResponse<String> state = send(c, "GET", "/_classroom/state");
      assertTrue(state.body().contains("\"scenario\":\"dynamodb-hot-partition\""), state.body());
      assertTrue(state.body().contains("\"t\":2,"), state.body());
    }
  }

  @Test
  void report_afterARun_isTheLaunchersHtmlReportOfIt() throws Exception {
    try (ClassroomServer c = ClassroomServer.start(0, 42)) {
      c.load("kinesis-hot-shard", 42, Map.of("duration", "2"));
      send(c, "POST", "/_awssim/advance?seconds=2");
      HttpResponse<String> r = send(c, "GET", "/_classroom/report");
      assertEquals(200, r.statusCode());
      Demo demo = demo("kinesis-hot-shard");
      DemoResult same = demo.run(DemoOptions.parse(demo, 42, Map.of("duration", "2")));
      assertEquals(Demos.htmlReport(java.util.List.of(same), 42), r.body());
    }
  }

  @Test
  void play_speedOutOfRange_is400ValidationException() throws Exception {
    try (ClassroomServer c = ClassroomServer.start(0, 42)) {
      HttpResponse<String> r = send(c, "POST", "/_classroom/play?speed=500");
      assertEquals(400, r.statusCode());
      assertTrue(r.body().contains("ValidationException"), r.body());
      assertFalse(c.isPlaying());
      assertEquals(Duration.ZERO, c.wire().simulator().clock().elapsed());
    }
  }
}
