package dev.awssim.awssdk;

import java.util.ArrayList;
import java.util.List;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEventStream;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponse;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponseHandler;

/**
 * A SubscribeToShard handler for tests that keeps only what it needs: the sequence numbers it
 * received, how many events, whether it completed, its error, and its subscription. It asks for
 * everything at once.
 */
final class EventCounter implements SubscribeToShardResponseHandler {
  Subscription subscription;
  final List<String> sequenceNumbers = new ArrayList<>();
  int events;
  boolean completed;
  Throwable error;

  @Override
  public void responseReceived(SubscribeToShardResponse response) {}

  @Override
  public void onEventStream(SdkPublisher<SubscribeToShardEventStream> publisher) {
    publisher.subscribe(
        new Subscriber<SubscribeToShardEventStream>() {
          @Override
          public void onSubscribe(Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(SubscribeToShardEventStream event) {
            events++;
            event.accept(
                SubscribeToShardResponseHandler.Visitor.builder()
                    .onSubscribeToShardEvent(
                        e -> e.records().forEach(r -> sequenceNumbers.add(r.sequenceNumber())))
                    .build());
          }

          @Override
          public void onError(Throwable t) {
            error = t;
          }

          @Override
          public void onComplete() {
            completed = true;
          }
        });
  }

  @Override
  public void exceptionOccurred(Throwable throwable) {
    error = throwable;
  }

  @Override
  public void complete() {}
}
