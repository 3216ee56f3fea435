package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkCancellationException;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * A subscriber that cancels after the client's completion executor shut down, as KCL does while it
 * shuts down: cancel() throws nothing (Reactive Streams rule 3.15) and the future still completes
 * with the SDK's SdkCancellationException.
 */
class SubscribeToShardClosedExecutorTest {
  @Test
  void subscriberCancel_afterTheCompletionExecutorShutDown_throwsNothing_futureCancelled() {
    AwsSimulator sim = AwsSimulator.withSeed(3);
    ClosableExecutor executor = new ClosableExecutor();
    KinesisAsyncClient kinesis =
        SimulatedAws.builder(sim).asyncCompletionExecutor(executor).build().kinesisAsyncClient();
    sim.kinesis().createStream("s", 1);
    String consumerArn =
        sim.kinesis().registerStreamConsumer(sim.kinesis().streamArn("s"), "app").consumerArn();
    EventCounter handler = new EventCounter();
    CompletableFuture<Void> done =
        kinesis.subscribeToShard(
            b ->
                b.consumerARN(consumerArn)
                    .shardId("shardId-000000000000")
                    .startingPosition(p -> p.type(ShardIteratorType.LATEST)),
            handler);
    assertNotNull(handler.subscription);

    executor.closed = true;

    assertDoesNotThrow(handler.subscription::cancel);
    assertInstanceOf(
        SdkCancellationException.class,
        assertThrows(CompletionException.class, done::join).getCause());
  }
}
