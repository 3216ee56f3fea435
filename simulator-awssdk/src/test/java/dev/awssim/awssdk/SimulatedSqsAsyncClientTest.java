package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.RequestThrottledException;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** SQS through the SDK's {@link SqsAsyncClient}, stepped: futures complete on virtual time. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SimulatedSqsAsyncClientTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(11);
  private final SimulatedAws aws = SimulatedAws.from(sim);
  private final SqsAsyncClient sqs = aws.sqsAsyncClient();

  private String create(String name) {
    return sqs.createQueue(b -> b.queueName(name)).join().queueUrl();
  }

  private CompletableFuture<ReceiveMessageResponse> longPoll(String url, int seconds) {
    return sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(seconds));
  }

  private static Throwable failure(CompletableFuture<?> f) {
    assertTrue(f.isCompletedExceptionally(), "completed exceptionally");
    return assertThrows(CompletionException.class, f::join).getCause();
  }

  @Test
  void sendAndShortPoll_needNoWaiting_futuresAreAlreadyComplete() {
    String url = create("orders");
    CompletableFuture<SendMessageResponse> sent =
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("m1"));
    assertTrue(sent.isDone());

    CompletableFuture<ReceiveMessageResponse> got = sqs.receiveMessage(b -> b.queueUrl(url));

    assertTrue(got.isDone());
    assertEquals("m1", got.join().messages().get(0).body());
    assertEquals(sent.join().messageId(), got.join().messages().get(0).messageId());
    assertEquals(Duration.ZERO, sim.clock().elapsed());
  }

  @Test
  void receiveMessage_longPoll_completesAtTheInstantAMessageArrives() {
    String url = create("orders");
    CompletableFuture<ReceiveMessageResponse> poll = longPoll(url, 20);
    sim.after(
        Duration.ofSeconds(5),
        () -> {
          // Fire-and-forget: the test observes the send through the long poll.
          var unused = sqs.sendMessage(b -> b.queueUrl(url).messageBody("m1"));
        });

    sim.advanceBy(Duration.ofMillis(4_999));
    assertFalse(poll.isDone(), "nothing to receive before 5 s");
    sim.advanceBy(Duration.ofMillis(1));

    assertTrue(poll.isDone());
    assertEquals("m1", poll.join().messages().get(0).body());
  }

  @Test
  void receiveMessage_longPollOnAnEmptyQueue_completesEmptyAtExactly20Seconds() {
    String url = create("orders");
    CompletableFuture<ReceiveMessageResponse> poll = longPoll(url, 20);

    sim.advanceBy(Duration.ofMillis(19_999));
    assertFalse(poll.isDone());
    sim.advanceBy(Duration.ofMillis(1));

    assertTrue(poll.isDone());
    assertTrue(poll.join().messages().isEmpty());
  }

  /**
   * 10,000 long polls of 20 s (the longest WaitTimeSeconds, {@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html})
   * pending at once hold no thread: the JVM's live threads grow by at most a small constant, none
   * completes a nanosecond before 20 s, and all complete, empty, at exactly 20 s.
   */
  @Test
  void receiveMessage_tenThousandPendingLongPolls_costNoThreads() {
    String url = create("orders");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int threadsBefore = threads.getThreadCount();
    List<CompletableFuture<ReceiveMessageResponse>> polls = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      polls.add(longPoll(url, 20));
    }

    int grown = threads.getThreadCount() - threadsBefore;
    assertTrue(grown <= 4, "no thread per pending poll, but " + grown + " more threads");
    sim.advanceBy(Duration.ofSeconds(20).minusNanos(1));
    assertTrue(polls.stream().noneMatch(CompletableFuture::isDone));
    sim.advanceBy(Duration.ofNanos(1));
    assertTrue(polls.stream().allMatch(p -> p.isDone() && p.join().messages().isEmpty()));
  }

  @Test
  void receiveMessage_cancelled_withdrawsThePollAndLosesNoMessage() {
    String url = create("orders");
    CompletableFuture<ReceiveMessageResponse> cancelled = longPoll(url, 20);
    assertTrue(cancelled.cancel(true));

    sqs.sendMessage(b -> b.queueUrl(url).messageBody("m1")).join();
    sim.advanceBy(Duration.ofSeconds(1));

    List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url)).join().messages();
    assertEquals(1, got.size(), "the cancelled poll took nothing");
    assertEquals("m1", got.get(0).body());
  }

  @Test
  void receiveMessage_callerCancelsAsTheResponseArrives_messagesAreGivenBack() {
    SimulatedAws pooled =
        SimulatedAws.builder(sim)
            .asyncCompletionExecutor(task -> sim.after(Duration.ZERO, task))
            .build();
    SqsAsyncClient client = pooled.sqsAsyncClient();
    String url = create("orders");
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("m1")).join();
    CompletableFuture<ReceiveMessageResponse> poll =
        client.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(300));

    assertFalse(poll.isDone(), "completion is handed to the executor");
    poll.cancel(true);
    sim.advanceBy(Duration.ZERO);

    List<Message> again = sqs.receiveMessage(b -> b.queueUrl(url)).join().messages();
    assertEquals(1, again.size(), "visible again at once, not after the 300 s timeout");
  }

  @Test
  void receiveMessage_missingQueue_failsWithQueueDoesNotExistException() {
    CompletableFuture<ReceiveMessageResponse> f =
        sqs.receiveMessage(b -> b.queueUrl("https://sqs.us-east-1.amazonaws.com/000/none"));

    QueueDoesNotExistException e = assertInstanceOf(QueueDoesNotExistException.class, failure(f));
    assertEquals(400, e.statusCode());
  }

  @Test
  void callback_thatThrows_doesNotBreakTheSimulation() {
    String url = create("orders");
    CompletableFuture<Object> broken =
        longPoll(url, 20)
            .thenApply(
                r -> {
                  throw new IllegalStateException("user bug");
                });
    CompletableFuture<ReceiveMessageResponse> healthy = longPoll(url, 20);

    sqs.sendMessage(b -> b.queueUrl(url).messageBody("m1")).join();
    sim.advanceBy(Duration.ofSeconds(20));

    assertInstanceOf(IllegalStateException.class, failure(broken));
    assertTrue(healthy.isDone());
  }

  @Test
  void sendMessage_throttledEveryAttempt_retriesOnVirtualTimeThenFails() {
    SqsAsyncClient throttled =
        SimulatedAws.builder(sim)
            .faults(ClientFaults.none().withThrottling(1.0, Set.of("SendMessage")))
            .build()
            .sqsAsyncClient();
    String url = create("orders");

    CompletableFuture<SendMessageResponse> f =
        throttled.sendMessage(b -> b.queueUrl(url).messageBody("m1"));
    assertFalse(f.isDone(), "waiting for the first backoff");
    sim.advanceBy(Duration.ofSeconds(60));

    RequestThrottledException e = assertInstanceOf(RequestThrottledException.class, failure(f));
    assertEquals(4, e.numAttempts(), "the SDK's legacy mode makes 4 attempts");
  }

  @Test
  void unsupportedOperation_failsTheFutureNamingIt() {
    String url = create("orders");

    Throwable e = failure(sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("k", "v"))));

    assertInstanceOf(UnsupportedOperationException.class, e);
    assertTrue(e.getMessage().contains("TagQueue"), e.getMessage());
  }

  @Test
  void listQueuesPaginator_publishesEveryQueue() {
    create("a");
    create("b");
    List<String> urls = new ArrayList<>();

    SdkPublisher<String> publisher = sqs.listQueuesPaginator(b -> b.maxResults(1)).queueUrls();
    publisher.subscribe(urls::add).join();

    assertEquals(2, urls.size());
  }

  @Test
  void sameCallsSyncAndAsync_giveTheSameVisibilityBehaviour() {
    SqsClient sync = aws.sqsClient();
    String url =
        sync.createQueue(
                b ->
                    b.queueName("q")
                        .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30")))
            .queueUrl();
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("m1")).join();
    assertEquals(1, sqs.receiveMessage(b -> b.queueUrl(url)).join().messages().size());

    sim.advanceBy(Duration.ofMillis(29_999));
    assertTrue(sqs.receiveMessage(b -> b.queueUrl(url)).join().messages().isEmpty());
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(1, sqs.receiveMessage(b -> b.queueUrl(url)).join().messages().size());
  }
}
