package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Seeded, bounded fuzzing of the SDK {@link SqsClient}: requests drawn from a catalogue of every
 * parameter's documented constraints (API_SendMessage.html, API_ReceiveMessage.html,
 * API_SendMessageBatch.html, API_ChangeMessageVisibility.html), valid values, values just past each
 * bound, empty and missing ones. Each call either succeeds or throws the SDK's modelled {@link
 * SqsException} with an AWS error code; a rejected call leaves every queue as it was; nothing else
 * is ever thrown. A failure names the seed and the step.
 */
class SimulatedSqsClientFuzzTest {
  private static final int STEPS = 250;

  private SplittableRandom random;
  private AwsSimulator sim;
  private SqsClient sqs;
  private final List<String> urls = new ArrayList<>();
  private final List<String> handles = new ArrayList<>();

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void randomRequests_succeedOrFailWithAwsCode_andRejectedCallsChangeNothing(long seed) {
    random = new SplittableRandom(seed);
    sim = AwsSimulator.withSeed(seed);
    sqs = SimulatedAws.from(sim).sqsClient();
    urls.add(sqs.createQueue(b -> b.queueName("std")).queueUrl());
    urls.add(
        sqs.createQueue(
                b ->
                    b.queueName("q.fifo")
                        .attributesWithStrings(
                            Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true")))
            .queueUrl());
    for (int step = 0; step < STEPS; step++) {
      int op = random.nextInt(9);
      Map<String, Map<String, String>> before = snapshot();
      String where = "seed " + seed + " step " + step + " op " + op;
      try {
        call(op);
      } catch (SqsException e) {
        assertNotNull(e.awsErrorDetails(), where);
        String code = e.awsErrorDetails().errorCode();
        assertTrue(code != null && !code.isEmpty(), where + ": no error code");
        assertTrue(e.statusCode() == 400 || e.statusCode() == 403 || e.statusCode() == 404, where);
        assertEquals(before, snapshot(), where + ": rejected " + code + " changed state");
      } catch (RuntimeException e) {
        fail(where + ": raw " + e, e);
      }
      sim.advanceBy(Duration.ofMillis(random.nextInt(3_000)));
    }
  }

  /** Every attribute of every queue, except the clock-driven timestamps of none. */
  private Map<String, Map<String, String>> snapshot() {
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    for (String url : urls) {
      all.put(url, sim.sqs().getQueueAttributes(url));
    }
    return all;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private <T> T maybe(Supplier<T> value) {
    return random.nextInt(3) == 0 ? null : value.get();
  }

  private String url() {
    return pick(
        List.of(
            urls.get(0),
            urls.get(1),
            urls.get(0),
            urls.get(1),
            "",
            "https://sqs.us-east-1.amazonaws.com/000000000000/missing"));
  }

  private String body() {
    return pick(List.of("hello", "h\u00e9llo", "", "bad\u0000char", "x".repeat(1_048_577)));
  }

  private Integer delay() {
    return pick(List.of(0, 5, 900, 901, -1));
  }

  private String id() {
    return pick(List.of("g1", "g2", "", "x".repeat(128), "x".repeat(129), "has space", "\u00e9"));
  }

  private Map<String, MessageAttributeValue> attributes() {
    Map<String, MessageAttributeValue> a = new LinkedHashMap<>();
    int n = pick(List.of(0, 1, 2, 11));
    for (int i = 0; i < n; i++) {
      String name = pick(List.of("a" + i, "AWS.x" + i, ".dot" + i, "ok-" + i));
      a.put(name, value());
    }
    return a;
  }

  private MessageAttributeValue value() {
    return switch (random.nextInt(7)) {
      case 0 -> MessageAttributeValue.builder().dataType("String").stringValue("v").build();
      case 1 -> MessageAttributeValue.builder().dataType("Number").stringValue("42").build();
      case 2 -> MessageAttributeValue.builder().dataType("Number").stringValue("x").build();
      case 3 ->
          MessageAttributeValue.builder()
              .dataType("Binary")
              .binaryValue(SdkBytes.fromByteArray(new byte[] {1, 2}))
              .build();
      case 4 ->
          MessageAttributeValue.builder()
              .dataType("Binary")
              .binaryValue(SdkBytes.fromByteArray(new byte[0]))
              .build();
      case 5 -> MessageAttributeValue.builder().stringValue("no type").build();
      default -> MessageAttributeValue.builder().dataType("Weird").stringValue("v").build();
    };
  }

  private String handle() {
    return handles.isEmpty() || random.nextInt(4) == 0
        ? pick(List.of("", "garbage", "AQEB" + "x".repeat(40)))
        : pick(handles);
  }

  private void call(int op) {
    switch (op) {
      case 0 ->
          sqs.sendMessage(
              b ->
                  b.queueUrl(url())
                      .messageBody(body())
                      .delaySeconds(maybe(this::delay))
                      .messageAttributes(attributes())
                      .messageGroupId(maybe(this::id))
                      .messageDeduplicationId(maybe(this::id)));
      case 1 -> {
        List<Message> got =
            sqs.receiveMessage(
                    b ->
                        b.queueUrl(url())
                            .maxNumberOfMessages(maybe(() -> pick(List.of(1, 10, 0, 11))))
                            .visibilityTimeout(maybe(() -> pick(List.of(0, 5, 43_200, 43_201, -1))))
                            .waitTimeSeconds(maybe(() -> pick(List.of(0, 21, -1))))
                            .messageAttributeNames(pick(List.of(List.of(), List.of("All"))))
                            .receiveRequestAttemptId(maybe(this::id)))
                .messages();
        got.forEach(m -> handles.add(m.receiptHandle()));
      }
      case 2 -> sqs.deleteMessage(b -> b.queueUrl(url()).receiptHandle(handle()));
      case 3 ->
          sqs.changeMessageVisibility(
              b ->
                  b.queueUrl(url())
                      .receiptHandle(handle())
                      .visibilityTimeout(maybe(() -> pick(List.of(0, 30, 43_200, 43_201, -1)))));
      case 4 -> {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        int n = pick(List.of(0, 1, 3, 10, 11));
        for (int i = 0; i < n; i++) {
          String entryId = pick(List.of("e" + i, "e" + i, "e0", "bad id", ""));
          entries.add(
              SendMessageBatchRequestEntry.builder()
                  .id(entryId)
                  .messageBody(body())
                  .messageGroupId(maybe(this::id))
                  .messageAttributes(attributes())
                  .build());
        }
        sqs.sendMessageBatch(b -> b.queueUrl(url()).entries(entries));
      }
      case 5 -> {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < pick(List.of(0, 2, 11)); i++) {
          entries.add(
              DeleteMessageBatchRequestEntry.builder().id("d" + i).receiptHandle(handle()).build());
        }
        sqs.deleteMessageBatch(b -> b.queueUrl(url()).entries(entries));
      }
      case 6 -> {
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < pick(List.of(0, 2, 11)); i++) {
          entries.add(
              ChangeMessageVisibilityBatchRequestEntry.builder()
                  .id(pick(List.of("c" + i, "c0")))
                  .receiptHandle(handle())
                  .visibilityTimeout(maybe(() -> pick(List.of(0, 43_201))))
                  .build());
        }
        sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url()).entries(entries));
      }
      case 7 ->
          sqs.setQueueAttributes(
              b ->
                  b.queueUrl(url())
                      .attributesWithStrings(
                          Map.of(
                              pick(List.of("VisibilityTimeout", "DelaySeconds", "Nope")),
                              pick(List.of("0", "30", "43201", "-1", "abc")))));
      default ->
          sqs.getQueueAttributes(
              b ->
                  b.queueUrl(url())
                      .attributeNamesWithStrings(pick(List.of("All", "QueueArn", "Nope"))));
    }
  }
}
