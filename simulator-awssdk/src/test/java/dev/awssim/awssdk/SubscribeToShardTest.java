package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.http.SdkCancellationException;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEvent;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEventStream;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponse;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponseHandler;

/**
 * SubscribeToShard on the async Kinesis client, stepped: the SDK's event stream over enhanced
 * fan-out ({@code
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SubscribeToShard.html}).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SubscribeToShardTest {
  private static final String SHARD = "shardId-000000000000";

  private final AwsSimulator sim = AwsSimulator.withSeed(31);
  private final KinesisAsyncClient kinesis = SimulatedAws.from(sim).kinesisAsyncClient();
  private String consumerArn;

  @BeforeEach
  void consumer() {
    kinesis
        .createStream(
            b ->
                b.streamName("s")
                    .shardCount(1)
                    .streamModeDetails(m -> m.streamMode(StreamMode.PROVISIONED)))
        .join();
    String streamArn =
        kinesis
            .describeStreamSummary(b -> b.streamName("s"))
            .join()
            .streamDescriptionSummary()
            .streamARN();
    consumerArn =
        kinesis
            .registerStreamConsumer(b -> b.streamARN(streamArn).consumerName("app"))
            .join()
            .consumer()
            .consumerARN();
  }

  /** A handler and subscriber that record everything, asking for {@code batch} events at a time. */
  private static class Recorder implements SubscribeToShardResponseHandler {
    final List<String> signals = new ArrayList<>();
    final List<SubscribeToShardEvent> events = new ArrayList<>();
    final long batch;
    Subscription subscription;
    Throwable error;
    SubscribeToShardResponse response;

    Recorder(long batch) {
      this.batch = batch;
    }

    @Override
    public void responseReceived(SubscribeToShardResponse response) {
      this.response = response;
      signals.add("responseReceived");
    }

    @Override
    public void onEventStream(SdkPublisher<SubscribeToShardEventStream> publisher) {
      signals.add("onEventStream");
      publisher.subscribe(
          new Subscriber<SubscribeToShardEventStream>() {
            @Override
            public void onSubscribe(Subscription s) {
              subscription = s;
              if (batch > 0) {
                s.request(batch);
              }
            }

            @Override
            public void onNext(SubscribeToShardEventStream event) {
              event.accept(
                  SubscribeToShardResponseHandler.Visitor.builder()
                      .onSubscribeToShardEvent(events::add)
                      .build());
            }

            @Override
            public void onError(Throwable t) {
              signals.add("onError");
            }

            @Override
            public void onComplete() {
              signals.add("onComplete");
            }
          });
    }

    @Override
    public void exceptionOccurred(Throwable throwable) {
      signals.add("exceptionOccurred");
      error = throwable;
    }

    @Override
    public void complete() {
      signals.add("complete");
    }

    List<String> keys() {
      List<String> keys = new ArrayList<>();
      events.forEach(e -> e.records().forEach(r -> keys.add(r.partitionKey())));
      return keys;
    }
  }

  private CompletableFuture<Void> subscribe(ShardIteratorType type, Recorder recorder) {
    return kinesis.subscribeToShard(
        b -> b.consumerARN(consumerArn).shardId(SHARD).startingPosition(p -> p.type(type)),
        recorder);
  }

  private void put(String key, int bytes) {
    kinesis
        .putRecord(
            b -> b.streamName("s").partitionKey(key).data(SdkBytes.fromByteArray(new byte[bytes])))
        .join();
  }

  @Test
  void subscribeToShard_pushesRecordsAsVisitableEvents_withContinuationAndMillisBehind() {
    Recorder recorder = new Recorder(Long.MAX_VALUE);
    CompletableFuture<Void> unused = subscribe(ShardIteratorType.TRIM_HORIZON, recorder);
    put("a", 10);
    put("b", 10);

    sim.advanceBy(Duration.ofMillis(200));

    assertEquals(List.of("responseReceived", "onEventStream"), recorder.signals);
    assertNotNull(recorder.response.responseMetadata().requestId());
    assertEquals(List.of("a", "b"), recorder.keys());
    SubscribeToShardEvent event = recorder.events.get(0);
    assertEquals(event.records().get(1).sequenceNumber(), event.continuationSequenceNumber());
    assertEquals(0L, event.millisBehindLatest());
  }

  @Test
  void subscribeToShard_endsAfter5Minutes_subscriberAndHandlerComplete_futureCompletes() {
    Recorder recorder = new Recorder(Long.MAX_VALUE);
    CompletableFuture<Void> done = subscribe(ShardIteratorType.LATEST, recorder);

    sim.advanceBy(Duration.ofMinutes(5).minusMillis(1));
    assertFalse(done.isDone());
    sim.advanceBy(Duration.ofMillis(1));

    assertTrue(done.isDone());
    assertFalse(done.isCompletedExceptionally());
    assertEquals(
        List.of("responseReceived", "onEventStream", "onComplete", "complete"), recorder.signals);
  }

  @Test
  void secondSubscription_within5Seconds_isResourceInUseException() {
    CompletableFuture<Void> unused = subscribe(ShardIteratorType.LATEST, new Recorder(1));
    sim.advanceBy(Duration.ofMillis(4_999));
    Recorder second = new Recorder(1);

    CompletableFuture<Void> refused = subscribe(ShardIteratorType.LATEST, second);

    CompletionException e = assertThrows(CompletionException.class, refused::join);
    assertInstanceOf(ResourceInUseException.class, e.getCause());
    assertEquals(400, ((ResourceInUseException) e.getCause()).statusCode());
    assertEquals(List.of("exceptionOccurred"), second.signals);
  }

  @Test
  void secondSubscription_after5Seconds_takesOver_firstFailsWithResourceInUse() {
    Recorder first = new Recorder(1);
    CompletableFuture<Void> firstDone = subscribe(ShardIteratorType.LATEST, first);
    sim.advanceBy(Duration.ofSeconds(5));

    CompletableFuture<Void> secondDone = subscribe(ShardIteratorType.LATEST, new Recorder(1));

    assertInstanceOf(
        ResourceInUseException.class,
        assertThrows(CompletionException.class, firstDone::join).getCause());
    assertEquals(
        List.of("responseReceived", "onEventStream", "onError", "exceptionOccurred"),
        first.signals);
    assertFalse(secondDone.isDone());
  }

  @Test
  void subscribeToShard_unknownConsumer_isResourceNotFoundException() {
    Recorder recorder = new Recorder(1);
    CompletableFuture<Void> f =
        kinesis.subscribeToShard(
            b ->
                b.consumerARN(consumerArn + "x")
                    .shardId(SHARD)
                    .startingPosition(p -> p.type(ShardIteratorType.LATEST)),
            recorder);
    assertInstanceOf(
        ResourceNotFoundException.class,
        assertThrows(CompletionException.class, f::join).getCause());
    assertEquals(List.of("exceptionOccurred"), recorder.signals);
  }

  @Test
  void publisher_honoursRequestN_recordsWaitInTheShardUntilRequested() {
    Recorder recorder = new Recorder(0);
    CompletableFuture<Void> unused = subscribe(ShardIteratorType.TRIM_HORIZON, recorder);
    put("a", 10);
    sim.advanceBy(Duration.ofSeconds(10));
    assertEquals(0, recorder.events.size());

    recorder.subscription.request(1);
    sim.advanceBy(Duration.ofMillis(200));
    put("b", 10);
    sim.advanceBy(Duration.ofSeconds(10));
    assertEquals(List.of("a"), recorder.keys());

    recorder.subscription.request(1);
    sim.advanceBy(Duration.ofMillis(200));
    assertEquals(List.of("a", "b"), recorder.keys());
  }

  @Test
  void pipe_carriesAtMost2MiBPerSecondPerConsumerAndShard() {
    // 4 MiB in 1 MiB records, written over 4 s (the shard's 1 MiB/s write limit).
    for (int i = 0; i < 4; i++) {
      put("r" + i, 1_048_576 - 2);
      sim.advanceBy(Duration.ofSeconds(1));
    }
    Recorder recorder = new Recorder(Long.MAX_VALUE);
    CompletableFuture<Void> unused = subscribe(ShardIteratorType.TRIM_HORIZON, recorder);

    sim.advanceBy(Duration.ofSeconds(1));
    assertTrue(
        recorder.keys().size() <= 2, "at most 2 MiB in the first second: " + recorder.keys());
    sim.advanceBy(Duration.ofMillis(1_200));
    assertEquals(List.of("r0", "r1", "r2", "r3"), recorder.keys());
  }

  @Test
  void closedParent_lastEventCarriesChildShards_withoutContinuation_thenCompletes() {
    put("a", 10);
    kinesis
        .splitShard(
            b ->
                b.streamName("s")
                    .shardToSplit(SHARD)
                    .newStartingHashKey("170141183460469231731687303715884105728"))
        .join();
    Recorder recorder = new Recorder(Long.MAX_VALUE);
    CompletableFuture<Void> done = subscribe(ShardIteratorType.TRIM_HORIZON, recorder);

    sim.advanceBy(Duration.ofSeconds(1));

    SubscribeToShardEvent last = recorder.events.get(recorder.events.size() - 1);
    assertEquals(List.of("a"), recorder.keys());
    assertNull(last.continuationSequenceNumber());
    assertEquals(2, last.childShards().size());
    assertEquals(List.of(SHARD), last.childShards().get(0).parentShards());
    assertTrue(done.isDone());
  }

  @Test
  void subscriberCancels_subscriptionEnds_futureFailsWithCancellation_noMoreEvents() {
    Recorder recorder = new Recorder(Long.MAX_VALUE);
    CompletableFuture<Void> done = subscribe(ShardIteratorType.TRIM_HORIZON, recorder);
    recorder.subscription.cancel();
    put("a", 10);
    sim.advanceBy(Duration.ofSeconds(10));

    assertEquals(0, recorder.events.size());
    assertInstanceOf(
        SdkCancellationException.class,
        assertThrows(CompletionException.class, done::join).getCause());
  }

  @Test
  void subscriberThatThrows_endsOnlyItsSubscription() {
    Recorder recorder =
        new Recorder(Long.MAX_VALUE) {
          @Override
          public void onEventStream(SdkPublisher<SubscribeToShardEventStream> publisher) {
            publisher.subscribe(
                new Subscriber<SubscribeToShardEventStream>() {
                  @Override
                  public void onSubscribe(Subscription s) {
                    s.request(Long.MAX_VALUE);
                  }

                  @Override
                  public void onNext(SubscribeToShardEventStream event) {
                    throw new IllegalStateException("user bug");
                  }

                  @Override
                  public void onError(Throwable t) {}

                  @Override
                  public void onComplete() {}
                });
          }
        };
    CompletableFuture<Void> done = subscribe(ShardIteratorType.TRIM_HORIZON, recorder);
    put("a", 10);
    sim.advanceBy(Duration.ofSeconds(1));

    assertInstanceOf(
        IllegalStateException.class,
        assertThrows(CompletionException.class, done::join).getCause());
    assertNotNull(recorder.error);
    put("b", 10);
    sim.advanceBy(Duration.ofSeconds(6));
    assertTrue(subscribe(ShardIteratorType.TRIM_HORIZON, new Recorder(1)) != null);
  }
}
