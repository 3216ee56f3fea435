package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;

/** The admin endpoints move the one clock; a session log replays to the same trace hash. */
class AdminAndReplayTest {
  private static String now(HttpResponse<byte[]> r) {
    assertEquals(200, r.statusCode(), Http.text(r));
    return JsonNode.parser().parse(r.body()).field("now").orElseThrow().asString();
  }

  @Test
  void receive_visibilityTimeout_redeliversAt30SecondsOnTheAdminClock() {
    try (WireServer server = WireServer.builder().seed(5).port(0).start();
        SqsClient sqs = Loopback.sqs(server)) {
      String url = sqs.createQueue(b -> b.queueName("jobs")).queueUrl();
      sqs.sendMessage(b -> b.queueUrl(url).messageBody("job"));
      assertEquals(1, sqs.receiveMessage(b -> b.queueUrl(url)).messages().size());
      String start = now(Http.admin(server, "GET", "clock"));

      now(Http.admin(server, "POST", "advance?seconds=29.999"));
      assertEquals(List.of(), sqs.receiveMessage(b -> b.queueUrl(url)).messages());
      String at30 = now(Http.admin(server, "POST", "advance?by=PT0.001S"));
      assertEquals(java.time.Instant.parse(start).plusSeconds(30), java.time.Instant.parse(at30));
      List<Message> again = sqs.receiveMessage(b -> b.queueUrl(url)).messages();
      assertEquals(List.of("job"), again.stream().map(Message::body).toList());
    }
  }

  @Test
  void advance_backwards_is400AndTimeStays() {
    try (WireServer server = WireServer.builder().port(0).start()) {
      String before = now(Http.admin(server, "GET", "clock"));
      HttpResponse<byte[]> r = Http.admin(server, "POST", "advance?to=2000-01-01T00:00:00Z");
      assertEquals(400, r.statusCode());
      assertEquals(before, now(Http.admin(server, "GET", "clock")));
    }
  }

  @Test
  void metricsAndReset_listCloudWatchNames_thenStartOver() {
    try (WireServer server = WireServer.builder().seed(2).port(0).start();
        SqsClient sqs = Loopback.sqs(server)) {
      String url = sqs.createQueue(b -> b.queueName("metered")).queueUrl();
      sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
      Http.admin(server, "POST", "advance?by=PT1M");
      String metrics = Http.text(Http.admin(server, "GET", "metrics"));
      assertTrue(metrics.contains("\"namespace\":\"AWS/SQS\""), metrics);
      assertTrue(metrics.contains("\"QueueName\":\"metered\""), metrics);

      HttpResponse<byte[]> reset = Http.admin(server, "POST", "reset?seed=99");
      assertEquals(200, reset.statusCode(), Http.text(reset));
      assertEquals(99, server.seed());
      assertEquals(0, server.simulator().sqs().listQueues().queueUrls().size());
      assertEquals(0, server.sessionLog().entries().size());
      assertEquals(400, Http.admin(server, "POST", "reset").statusCode());
    }
  }

  @Test
  void metricStatistics_perMinute_countsSendsInTheirPeriod() {
    try (WireServer server = WireServer.builder().seed(2).port(0).start();
        SqsClient sqs = Loopback.sqs(server)) {
      String url = sqs.createQueue(b -> b.queueName("counted")).queueUrl();
      java.time.Instant start = server.simulator().now();
      sqs.sendMessage(b -> b.queueUrl(url).messageBody("a"));
      sqs.sendMessage(b -> b.queueUrl(url).messageBody("b"));
      Http.admin(server, "POST", "advance?by=PT2M");
      String query =
          "metrics/statistics?namespace=AWS/SQS&metricName=NumberOfMessagesSent"
              + "&dimension.QueueName=counted&period=60&statistic=Sum&start="
              + start
              + "&end="
              + start.plusSeconds(120);
      HttpResponse<byte[]> r = Http.admin(server, "GET", query);
      assertEquals(200, r.statusCode(), Http.text(r));
      assertTrue(Http.text(r).contains("\"value\":2.0"), Http.text(r));
      HttpResponse<byte[]> bad = Http.admin(server, "GET", query.replace("Sum", "Median"));
      assertEquals(400, bad.statusCode());
    }
  }

  @Test
  void trace_sinceSequence_listsLaterEvents() {
    try (WireServer server = WireServer.builder().port(0).start();
        SqsClient sqs = Loopback.sqs(server)) {
      String url = sqs.createQueue(b -> b.queueName("q1")).queueUrl();
      sqs.sendMessage(b -> b.queueUrl(url).messageBody("a"));
      long count = server.simulator().trace().recordedCount();
      sqs.sendMessage(b -> b.queueUrl(url).messageBody("b"));
      String lines = Http.text(Http.admin(server, "GET", "trace?since=" + count));
      assertTrue(lines.startsWith("{\"seq\":" + count + ","), lines);
      assertEquals(
          server.simulator().trace().recordedCount() - count, lines.lines().count(), lines);
    }
  }

  @Test
  void events_streamTraceEventsAsServerSentEvents() throws Exception {
    try (WireServer server = WireServer.builder().port(0).start()) {
      java.net.http.HttpResponse<java.util.stream.Stream<String>> stream =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(server.endpoint() + "/_awssim/events"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofLines());
      assertEquals(200, stream.statusCode());
      assertEquals("text/event-stream", stream.headers().firstValue("Content-Type").orElseThrow());
      Http.post(
          server,
          "AmazonSQS.CreateQueue",
          "application/x-amz-json-1.0",
          "{\"QueueName\":\"live\"}");
      java.util.concurrent.ExecutorService reader =
          java.util.concurrent.Executors.newSingleThreadExecutor();
      try {
        String data =
            reader
                .submit(
                    () ->
                        stream.body().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow())
                .get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(data.contains("\"resource\":\"live\"") || data.contains("live"), data);
      } finally {
        reader.shutdownNow();
        stream.body().close();
      }
    }
  }

  @Test
  void sessionLog_replayedInProcess_sameTraceHash() {
    String served;
    SessionLog log;
    try (WireServer server = WireServer.builder().seed(11).port(0).start();
        SqsClient sqs = Loopback.sqs(server)) {
      String url = sqs.createQueue(b -> b.queueName("replayed")).queueUrl();
      for (int i = 0; i < 5; i++) {
        int n = i;
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("m" + n));
      }
      sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(3));
      Http.admin(server, "POST", "advance?by=PT45S");
      sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(5));
      assertThrows(
          ReceiptHandleIsInvalidException.class,
          () -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle("forged")));
      served = server.simulator().trace().hash();
      log = server.sessionLog();
    }
    AwsSimulator fresh = AwsSimulator.withSeed(11);
    log.replay(fresh);
    assertEquals(served, fresh.trace().hash());
    assertEquals(10, log.entries().size());
  }
}
