package dev.awssim.awssdk;

import com.google.common.util.concurrent.MoreExecutors;
import dev.awssim.kinesis.Kinesis;
import dev.awssim.kinesis.KinesisException;
import dev.awssim.kinesis.ShardIteratorType;
import dev.awssim.kinesis.ShardSubscription;
import dev.awssim.kinesis.StartingPosition;
import dev.awssim.kinesis.SubscribeToShardListener;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.awscore.DefaultAwsResponseMetadata;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.util.AwsHeader;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.http.SdkCancellationException;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEvent;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEventStream;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardRequest;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponse;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponseHandler;

/**
 * SubscribeToShard for the async Kinesis client: the SDK's event-stream contract over the
 * simulator's enhanced fan-out subscription ({@link Kinesis#subscribeToShard}).
 *
 * <p>As the SDK's {@code EventStreamAsyncResponseTransformer} does, the handler gets {@code
 * responseReceived} and then {@code onEventStream} with a publisher that can be subscribed to once;
 * each event is built by {@link SubscribeToShardEventStream#subscribeToShardEventBuilder()}, so its
 * {@code accept(Visitor)} reaches {@code visitSubscribeToShardEvent}. The publisher honours {@code
 * request(n)}: the simulated subscription pushes only as many events as were requested (HTTP/2 flow
 * control in AWS), so a slow subscriber leaves its records in the shard rather than in a buffer.
 * When the subscription ends (5 minutes, or the end of a closed shard) the subscriber gets {@code
 * onComplete}, the handler {@code complete()}, and the returned future completes; when it fails (a
 * newer subscription took over: ResourceInUseException) the subscriber gets {@code onError}, the
 * handler {@code exceptionOccurred}, and the future completes exceptionally with the SDK's modelled
 * exception. A subscriber that cancels ends the subscription and the future completes with {@link
 * SdkCancellationException}, as the SDK's HTTP client does when its subscriber cancels; cancelling
 * the future ends the subscription too.
 *
 * <p>Every signal runs, in order, on the client's completion executor (one at a time per
 * subscription); a handler or subscriber that throws ends that subscription only, never the
 * simulation.
 */
final class ShardSubscriptions {
  private ShardSubscriptions() {}

  /** Starts a subscription; its errors arrive through {@code handler} and the future. */
  static CompletableFuture<Void> subscribe(
      Kinesis kinesis,
      RetryExecutor retries,
      SubscribeToShardRequest request,
      SubscribeToShardResponseHandler handler) {
    Stream stream = new Stream(retries, handler);
    try {
      SubscribeToShardRequest r = checkRequest(request);
      StartingPosition position =
          new StartingPosition(
              SdkErrors.KINESIS.required(
                  SdkErrors.KINESIS.enumOf(
                      ShardIteratorType.class, r.startingPosition().typeAsString()),
                  "startingPosition.type"),
              r.startingPosition().sequenceNumber(),
              r.startingPosition().timestamp());
      stream.subscription =
          kinesis.subscribeToShard(r.consumerARN(), r.shardId(), position, stream);
    } catch (dev.awssim.engine.AwsServiceException e) {
      stream.fail(retries.translate(e));
      return stream.future;
    } catch (AwsServiceException e) {
      stream.fail(e);
      return stream.future;
    }
    stream.start();
    return stream.future;
  }

  private static SubscribeToShardRequest checkRequest(SubscribeToShardRequest request) {
    if (request == null) {
      throw SdkErrors.KINESIS.validation("SubscribeToShardRequest must not be null");
    }
    SdkErrors.KINESIS.required(request.consumerARN(), "consumerARN");
    SdkErrors.KINESIS.required(request.shardId(), "shardId");
    SdkErrors.KINESIS.required(request.startingPosition(), "startingPosition");
    return request;
  }

  /** One subscription: the simulator's listener on one side, the SDK's handler on the other. */
  private static final class Stream
      implements SubscribeToShardListener, SdkPublisher<SubscribeToShardEventStream> {
    private final RetryExecutor retries;
    private final SubscribeToShardResponseHandler handler;
    private final Executor signals;
    final CompletableFuture<Void> future = new CompletableFuture<>();
    volatile ShardSubscription subscription;

    // Touched only by tasks on `signals`, which run one at a time.
    private Subscriber<? super SubscribeToShardEventStream> subscriber;
    private boolean subscribed;
    private boolean finished;
    private Runnable pendingEnd;

    Stream(RetryExecutor retries, SubscribeToShardResponseHandler handler) {
      this.retries = retries;
      this.handler = handler;
      this.signals = MoreExecutors.newSequentialExecutor(retries.completions());
    }

    /** The listener asks for nothing: demand comes from the subscriber's request(n). */
    @Override
    public long initialDemand() {
      return 0;
    }

    void start() {
      // The initial response carries the request id, as the SDK's does (KCL logs it).
      SubscribeToShardResponse response =
          (SubscribeToShardResponse)
              SubscribeToShardResponse.builder()
                  .responseMetadata(
                      DefaultAwsResponseMetadata.create(
                          Map.of(AwsHeader.AWS_REQUEST_ID, retries.newRequestId())))
                  .build();
      CompletableFuture<Void> unused =
          future.whenComplete(
              (v, e) -> {
                if (future.isCancelled()) {
                  subscription.cancel();
                }
              });
      signals.execute(
          () -> {
            try {
              handler.responseReceived(response);
              handler.onEventStream(this);
            } catch (RuntimeException e) {
              subscription.cancel();
              failNow(e);
            }
          });
    }

    @Override
    public void subscribe(Subscriber<? super SubscribeToShardEventStream> s) {
      if (s == null) {
        throw new NullPointerException("subscriber");
      }
      signals.execute(() -> attach(s));
    }

    private void attach(Subscriber<? super SubscribeToShardEventStream> s) {
      if (subscribed) {
        // As the SDK's event publisher: one subscriber per stream.
        s.onSubscribe(NOOP);
        s.onError(new IllegalStateException("This publisher may only be subscribed to once"));
        return;
      }
      subscribed = true;
      subscriber = s;
      guarded(() -> s.onSubscribe(new Demand()));
      if (pendingEnd != null) {
        pendingEnd.run();
      }
    }

    /** The subscriber's side of the stream. */
    private final class Demand implements Subscription {
      @Override
      public void request(long n) {
        if (n <= 0) {
          // Reactive Streams rule 3.9.
          signals.execute(
              () -> {
                subscription.cancel();
                failNow(new IllegalArgumentException("request(n) with n <= 0: " + n));
              });
          return;
        }
        subscription.request(n);
      }

      @Override
      public void cancel() {
        subscription.cancel();
        try {
          signals.execute(
              () -> {
                if (!finished) {
                  finished = true;
                  future.completeExceptionally(cancelled());
                }
              });
        } catch (RejectedExecutionException e) {
          // The client was closed (KCL cancels while it shuts down): no signal can run any more,
          // and the caller must not get an exception from cancel() (Reactive Streams rule 3.15).
          future.completeExceptionally(cancelled());
        }
      }

      private SdkCancellationException cancelled() {
        return new SdkCancellationException(
            "Subscriber cancelled before all events have been published");
      }
    }

    @Override
    public void onEvent(dev.awssim.kinesis.SubscribeToShardEvent event) {
      SubscribeToShardEvent converted =
          SubscribeToShardEventStream.subscribeToShardEventBuilder()
              .records(Convert.list(event.records(), KinesisConverters::record))
              .continuationSequenceNumber(event.continuationSequenceNumber())
              .millisBehindLatest(event.millisBehindLatest())
              .childShards(Convert.list(event.childShards(), KinesisConverters::childShard))
              .build();
      signals.execute(
          () -> {
            if (!finished && subscriber != null) {
              guarded(() -> subscriber.onNext(converted));
            }
          });
    }

    @Override
    public void onComplete() {
      signals.execute(() -> end(this::completeNow));
    }

    @Override
    public void onError(KinesisException error) {
      AwsServiceException sdk = retries.translate(error);
      signals.execute(() -> end(() -> failNow(sdk)));
    }

    /** Runs an ending now, or once the subscriber is there to hear it. */
    private void end(Runnable ending) {
      if (subscribed || finished) {
        ending.run();
      } else {
        pendingEnd = ending;
      }
    }

    /** A failure before the stream started: only the handler and the future hear of it. */
    void fail(Throwable error) {
      signals.execute(() -> failNow(error));
    }

    private void completeNow() {
      if (finished) {
        return;
      }
      finished = true;
      if (subscriber != null) {
        quietly(() -> subscriber.onComplete());
      }
      quietly(handler::complete);
      future.complete(null);
    }

    private void failNow(Throwable error) {
      if (finished) {
        return;
      }
      finished = true;
      if (subscriber != null) {
        quietly(() -> subscriber.onError(error));
      }
      quietly(() -> handler.exceptionOccurred(error));
      future.completeExceptionally(error);
    }

    /** Runs a subscriber callback; one that throws ends the subscription with its exception. */
    private void guarded(Runnable callback) {
      try {
        callback.run();
      } catch (RuntimeException e) {
        subscription.cancel();
        failNow(e);
      }
    }

    /** Runs an ending callback; what it throws is the caller's bug and changes nothing here. */
    private static void quietly(Runnable callback) {
      try {
        callback.run();
      } catch (RuntimeException e) {
        // Ignored, as the SDK logs and ignores exceptions from onComplete and onError.
      }
    }
  }

  private static final Subscription NOOP =
      new Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      };
}
