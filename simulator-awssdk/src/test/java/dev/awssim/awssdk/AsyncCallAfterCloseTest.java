package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * A call on an async client whose completion executor has shut down (KCL keeps publishing metrics
 * and fetching records while it shuts down) returns a failed future, as a closed SDK client does;
 * the call itself throws nothing, whether the model answered or refused it.
 */
class AsyncCallAfterCloseTest {
  @Test
  void call_afterTheCompletionExecutorShutDown_futureFailsWithSdkClientException() {
    AwsSimulator sim = AwsSimulator.withSeed(5);
    ClosableExecutor executor = new ClosableExecutor();
    SqsAsyncClient sqs =
        SimulatedAws.builder(sim).asyncCompletionExecutor(executor).build().sqsAsyncClient();
    sim.sqs().createQueue("q");
    GetQueueUrlResponse before = sqs.getQueueUrl(b -> b.queueName("q")).join();
    assertInstanceOf(String.class, before.queueUrl());
    assertInstanceOf(
        QueueDoesNotExistException.class,
        assertThrows(CompletionException.class, () -> sqs.getQueueUrl(b -> b.queueName("x")).join())
            .getCause());

    executor.closed = true;

    CompletableFuture<GetQueueUrlResponse> answered =
        assertDoesNotThrow(() -> sqs.getQueueUrl(b -> b.queueName("q")));
    assertInstanceOf(
        SdkClientException.class,
        assertThrows(CompletionException.class, answered::join).getCause());
    CompletableFuture<GetQueueUrlResponse> refused =
        assertDoesNotThrow(() -> sqs.getQueueUrl(b -> b.queueName("x")));
    assertInstanceOf(
        SdkClientException.class,
        assertThrows(CompletionException.class, refused::join).getCause());
  }
}
