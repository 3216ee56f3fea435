package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.internal.SimulatorAccess;
import dev.awssim.internal.WallClockPacer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.batchmanager.SqsAsyncBatchManager;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SDK's own {@link SqsAsyncBatchManager}, unchanged, over the simulated {@link SqsAsyncClient}.
 * It runs its own timers on a wall-clock executor and measures visibility with {@code
 * System.nanoTime()}, so the simulation is paced at 1x (a test bounded by its timeout, not by
 * reading the clock).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SqsAsyncBatchManagerTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(5);
  private final ExecutorService completions = Executors.newFixedThreadPool(2, daemon("completion"));
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(daemon("batch-timers"));
  private final SimulatedAws aws =
      SimulatedAws.builder(sim).asyncCompletionExecutor(completions).build();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private WallClockPacer pacer;
  private SqsAsyncBatchManager manager;

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** The simulated client, counting the operations the batch manager calls. */
  private SqsAsyncClient counting(SqsAsyncClient real) {
    return (SqsAsyncClient)
        Proxy.newProxyInstance(
            SqsAsyncClient.class.getClassLoader(),
            new Class<?>[] {SqsAsyncClient.class},
            (proxy, method, args) -> {
              calls.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private int count(String operation) {
    AtomicInteger n = calls.get(operation);
    return n == null ? 0 : n.get();
  }

  @AfterEach
  void stop() {
    if (manager != null) {
      manager.close();
    }
    if (pacer != null) {
      pacer.stop();
    }
    timers.shutdownNow();
    completions.shutdownNow();
  }

  private List<Message> receiveAtLeast(String url, int n) {
    List<Message> got = new ArrayList<>();
    while (got.size() < n) {
      got.addAll(
          manager
              .receiveMessage(
                  b ->
                      b.queueUrl(url)
                          .maxNumberOfMessages(10)
                          .waitTimeSeconds(1)
                          .messageSystemAttributeNames(
                              MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
              .join()
              .messages());
    }
    return got;
  }

  @Test
  void batchManager_sendsReceivesDeletesInBatches_andAVisibilityTimeoutRedelivers() {
    String url =
        aws.sqsClient()
            .createQueue(
                b ->
                    b.queueName("orders")
                        .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "2")))
            .queueUrl();
    pacer = WallClockPacer.start(SimulatorAccess.scheduler(sim), 1.0);
    manager =
        SqsAsyncBatchManager.builder()
            .client(counting(aws.sqsAsyncClient()))
            .scheduledExecutor(timers)
            .overrideConfiguration(
                c ->
                    c.receiveMessageSystemAttributeNames(
                        List.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)))
            .build();

    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      int n = i;
      sends.add(manager.sendMessage(b -> b.queueUrl(url).messageBody("m" + n)));
    }
    CompletableFuture.allOf(sends.toArray(new CompletableFuture<?>[0])).join();
    assertTrue(count("sendMessageBatch") >= 1);
    assertTrue(count("sendMessageBatch") < 10, "batched: " + calls);
    assertEquals(0, count("sendMessage"));

    List<Message> first = receiveAtLeast(url, 10);
    assertEquals(10, first.size());
    Message kept = first.get(0);
    List<CompletableFuture<?>> deletes = new ArrayList<>();
    for (Message m : first.subList(1, first.size())) {
      deletes.add(manager.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
    }
    CompletableFuture.allOf(deletes.toArray(new CompletableFuture<?>[0])).join();
    assertTrue(count("deleteMessageBatch") >= 1);
    assertEquals(0, count("deleteMessage"));

    Message again = receiveAtLeast(url, 1).get(0);

    assertEquals(kept.messageId(), again.messageId(), "the one not deleted comes back");
    assertEquals("2", again.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
    assertTrue(pacer.failure().isEmpty());
  }
}
