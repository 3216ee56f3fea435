package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * One clock in three modes: a long poll (WaitTimeSeconds 20, at most 20 s:
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-short-and-long-polling.html)
 * is parked and ends at exactly 20 s of virtual time, moved by idle jumps, the admin endpoints or
 * the pacer.
 */
class TimeModesTest {
  /** Well under the poll's 20 s: the test proves that no 20 s of wall time are spent. */
  private static final Duration WALL_BUDGET = Duration.ofSeconds(10);

  private static CompletableFuture<ReceiveMessageResponse> longPoll(SqsClient sqs, String url) {
    return CompletableFuture.supplyAsync(
        () -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)));
  }

  private static void awaitParked(WireServer server, int n) {
    while (server.parkedCount() != n) {
      Thread.onSpinWait();
    }
  }

  @Test
  void receive_wait20InIdleMode_returnsEmptyAtExactly20VirtualSeconds() {
    try (WireServer server = WireServer.builder().seed(3).port(0).start();
        SqsClient sqs = Loopback.sqs(server)) {
      String url = sqs.createQueue(b -> b.queueName("idle")).queueUrl();
      Instant start = server.simulator().now();
      ReceiveMessageResponse r =
          assertTimeoutPreemptively(
              WALL_BUDGET, () -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)));
      assertEquals(List.of(), r.messages());
      assertEquals(start.plusSeconds(20), server.simulator().now());
    }
  }

  @Test
  void receive_wait20InSteppedMode_completesOnlyWhenAdminReaches20Seconds() {
    try (WireServer server =
            WireServer.builder().seed(3).port(0).timeMode(TimeMode.stepped()).start();
        SqsClient sqs = Loopback.sqs(server)) {
      String url = sqs.createQueue(b -> b.queueName("stepped")).queueUrl();
      Instant start = server.simulator().now();
      CompletableFuture<ReceiveMessageResponse> poll = longPoll(sqs, url);
      assertTimeoutPreemptively(WALL_BUDGET, () -> awaitParked(server, 1));

      Http.admin(server, "POST", "advance?seconds=19.999");
      assertEquals(1, server.parkedCount());
      assertFalse(poll.isDone());
      Http.admin(server, "POST", "advance?seconds=0.001");
      assertEquals(0, server.parkedCount());
      assertEquals(List.of(), assertTimeoutPreemptively(WALL_BUDGET, poll::join).messages());
      assertEquals(start.plusSeconds(20), server.simulator().now());
    }
  }

  @Test
  void receive_parkedWhenAnotherClientSends_wakesWithTheMessageAndNoTimeMoves() {
    try (WireServer server =
            WireServer.builder().seed(3).port(0).timeMode(TimeMode.stepped()).start();
        SqsClient poller = Loopback.sqs(server);
        SqsClient sender = Loopback.sqs(server)) {
      String url = poller.createQueue(b -> b.queueName("wake")).queueUrl();
      Instant start = server.simulator().now();
      CompletableFuture<ReceiveMessageResponse> poll = longPoll(poller, url);
      assertTimeoutPreemptively(WALL_BUDGET, () -> awaitParked(server, 1));

      sender.sendMessage(b -> b.queueUrl(url).messageBody("wake up"));
      List<Message> got = assertTimeoutPreemptively(WALL_BUDGET, poll::join).messages();
      assertEquals(List.of("wake up"), got.stream().map(Message::body).toList());
      assertEquals(start, server.simulator().now());
    }
  }

  private static CompletableFuture<HttpResponse<byte[]>> queryLongPoll(WireServer server) {
    return CompletableFuture.supplyAsync(
        () ->
            Http.post(
                server,
                null,
                "application/x-www-form-urlencoded; charset=utf-8",
                "Action=ReceiveMessage&Version=2012-11-05&WaitTimeSeconds=20&QueueUrl="
                    + QUERY_URL));
  }

  private static final String QUERY_URL = "https://sqs.us-east-1.amazonaws.com/000000000000/query";

  @Test
  void queryReceive_wait20InIdleMode_returnsEmptyAtExactly20VirtualSeconds() {
    try (WireServer server = WireServer.builder().seed(3).port(0).start();
        SqsClient sqs = Loopback.sqs(server)) {
      sqs.createQueue(b -> b.queueName("query"));
      Instant start = server.simulator().now();
      HttpResponse<byte[]> r =
          assertTimeoutPreemptively(WALL_BUDGET, () -> queryLongPoll(server).join());
      assertEquals(200, r.statusCode(), Http.text(r));
      assertFalse(Http.text(r).contains("<Message>"), Http.text(r));
      assertEquals(start.plusSeconds(20), server.simulator().now());
    }
  }

  @Test
  void queryReceive_wait20InSteppedMode_isParkedUntilAdminReaches20Seconds() {
    try (WireServer server =
            WireServer.builder().seed(3).port(0).timeMode(TimeMode.stepped()).start();
        SqsClient sqs = Loopback.sqs(server)) {
      sqs.createQueue(b -> b.queueName("query"));
      Instant start = server.simulator().now();
      CompletableFuture<HttpResponse<byte[]>> poll = queryLongPoll(server);
      assertTimeoutPreemptively(WALL_BUDGET, () -> awaitParked(server, 1));

      Http.admin(server, "POST", "advance?seconds=19.999");
      assertEquals(1, server.parkedCount());
      assertFalse(poll.isDone());
      Http.admin(server, "POST", "advance?seconds=0.001");
      HttpResponse<byte[]> r = assertTimeoutPreemptively(WALL_BUDGET, poll::join);
      assertEquals(200, r.statusCode(), Http.text(r));
      assertTrue(
          Http.text(r).contains("<ReceiveMessageResult></ReceiveMessageResult>"), Http.text(r));
      assertEquals(start.plusSeconds(20), server.simulator().now());
    }
  }

  @Test
  void queryReceive_parkedWhenAClientSends_wakesWithTheMessage() {
    try (WireServer server =
            WireServer.builder().seed(3).port(0).timeMode(TimeMode.stepped()).start();
        SqsClient sqs = Loopback.sqs(server)) {
      String url = sqs.createQueue(b -> b.queueName("query")).queueUrl();
      CompletableFuture<HttpResponse<byte[]>> poll = queryLongPoll(server);
      assertTimeoutPreemptively(WALL_BUDGET, () -> awaitParked(server, 1));
      sqs.sendMessage(b -> b.queueUrl(url).messageBody("over query"));
      HttpResponse<byte[]> r = assertTimeoutPreemptively(WALL_BUDGET, poll::join);
      assertTrue(Http.text(r).contains("<Body>over query</Body>"), Http.text(r));
    }
  }

  @Test
  void receive_wait20Accelerated1000x_endsAfter20VirtualSeconds() {
    try (WireServer server =
            WireServer.builder().seed(3).port(0).timeMode(TimeMode.accelerated(1000)).start();
        SqsClient sqs = Loopback.sqs(server)) {
      String url = sqs.createQueue(b -> b.queueName("fast")).queueUrl();
      Instant start = server.simulator().now();
      ReceiveMessageResponse r =
          assertTimeoutPreemptively(
              WALL_BUDGET, () -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)));
      assertEquals(List.of(), r.messages());
      assertFalse(server.simulator().now().isBefore(start.plusSeconds(20)));
    }
  }

  @Test
  void pauseAndResume_areShownOnTheClock() {
    try (WireServer server = WireServer.builder().port(0).start()) {
      JsonNode paused = JsonNode.parser().parse(Http.admin(server, "POST", "pause").body());
      assertEquals("idle", paused.field("timeMode").orElseThrow().asString());
      assertTrue(paused.field("paused").orElseThrow().asBoolean());
      assertTrue(server.isPaused());
      Http.admin(server, "POST", "resume");
      assertFalse(server.isPaused());
    }
  }

  @Test
  void replay_afterAnIdleModeRun_givesTheSameTraceHash() {
    AwsSimulator live = AwsSimulator.withSeed(11);
    try (WireServer server = WireServer.builder().simulator(live).port(0).start();
        SqsClient sqs = Loopback.sqs(server)) {
      String url = sqs.createQueue(b -> b.queueName("replayed")).queueUrl();
      assertTimeoutPreemptively(
          WALL_BUDGET, () -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)));
      sqs.sendMessage(b -> b.queueUrl(url).messageBody("after the poll"));
      assertTimeoutPreemptively(
          WALL_BUDGET, () -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5)));
      assertTrue(
          server.sessionLog().entries().stream()
              .anyMatch(e -> e.operation().equals(SessionLog.ADVANCE)));

      AwsSimulator replayed = AwsSimulator.withSeed(11);
      server.sessionLog().replay(replayed);
      assertEquals(live.trace().hash(), replayed.trace().hash());
      assertEquals(live.now(), replayed.now());
    }
  }

  @Test
  void parse_modes_andRejectsUnknown() {
    assertEquals(TimeMode.idle(), TimeMode.parse("idle"));
    assertEquals(TimeMode.stepped(), TimeMode.parse("stepped"));
    assertEquals(60.0, TimeMode.parse("accelerated:60").factor());
    assertThrows(IllegalArgumentException.class, () -> TimeMode.parse("fast"));
    assertThrows(IllegalArgumentException.class, () -> TimeMode.parse("accelerated:0"));
  }
}
