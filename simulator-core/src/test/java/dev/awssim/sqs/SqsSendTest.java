package dev.awssim.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SendMessage: sizes, characters, attributes, MD5s, delays and retention (1.6, 1.7, 1.9). */
class SqsSendTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(3);
  private final Sqs sqs = sim.sqs();

  private static SqsException error(String code, Runnable call) {
    SqsException e = assertThrows(SqsException.class, call::run);
    assertEquals(code, e.errorCode(), e.getMessage());
    return e;
  }

  private int visible(String url) {
    return Integer.parseInt(sqs.getQueueAttributes(url).get("ApproximateNumberOfMessages"));
  }

  @Test
  void sendMessage_md5OfBody_isHexMd5() {
    String url = sqs.createQueue("md5");
    // MD5("hello") from RFC 1321 test tooling
    assertEquals(
        "5d41402abc4b2a76b9719d911017c592", sqs.sendMessage(url, "hello").md5OfMessageBody());
    Message m = sqs.receiveMessage(url).messages().get(0);
    assertEquals("5d41402abc4b2a76b9719d911017c592", m.md5OfBody());
  }

  @Test
  void sendMessage_md5OfMessageAttributes_followsAwsEncoding() {
    String url = sqs.createQueue("attrmd5");
    SendMessageResult r =
        sqs.sendMessage(
            SendMessageRequest.builder(url, "body")
                .messageAttributes(Map.of("a", MessageAttributeValue.ofString("b")))
                .build());
    // MD5 of 00000001 'a' 00000006 'String' 01 00000001 'b', computed independently
    assertEquals(expectedMd5(), r.md5OfMessageAttributes());
    assertNull(sqs.sendMessage(url, "plain").md5OfMessageAttributes());
    Message m =
        sqs.receiveMessage(
                ReceiveMessageRequest.builder(url).messageAttributeNames(List.of("All")).build())
            .messages()
            .get(0);
    assertEquals(expectedMd5(), m.md5OfMessageAttributes());
    assertEquals("b", m.messageAttributes().get("a").stringValue());
  }

  private static String expectedMd5() {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");
      md.update(new byte[] {0, 0, 0, 1, 'a', 0, 0, 0, 6, 'S', 't', 'r', 'i', 'n', 'g', 1});
      md.update(new byte[] {0, 0, 0, 1, 'b'});
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void sendMessage_bodyOf1MiB_acceptedAndOneByteMore_rejected(QueueKind kind) {
    String url = kind.create(sqs, "size");
    kind.send(sqs, url, "x".repeat(1_048_576));
    SqsException e =
        error("InvalidParameterValue", () -> kind.send(sqs, url, "y".repeat(1_048_577)));
    assertTrue(e.errorMessage().contains("1048576"));
    assertEquals(1, visible(url));
  }

  @Test
  void sendMessage_queueMaximumMessageSize_countsBodyAndAttributes() {
    String url = sqs.createQueue("small", Map.of("MaximumMessageSize", "1024"));
    sqs.sendMessage(url, "x".repeat(1024));
    error("InvalidParameterValue", () -> sqs.sendMessage(url, "x".repeat(1025)));
    error(
        "InvalidParameterValue",
        () ->
            sqs.sendMessage(
                SendMessageRequest.builder(url, "x".repeat(1020))
                    .messageAttributes(Map.of("k", MessageAttributeValue.ofString("v")))
                    .build()));
  }

  @Test
  void sendMessage_emptyBody_missingParameter() {
    String url = sqs.createQueue("empty");
    error("MissingParameter", () -> sqs.sendMessage(url, ""));
  }

  @Test
  void sendMessage_invalidCharacter_invalidMessageContents() {
    String url = sqs.createQueue("chars");
    error("InvalidMessageContents", () -> sqs.sendMessage(url, "bad\u0000"));
    error("InvalidMessageContents", () -> sqs.sendMessage(url, "bad\uFFFF"));
    sqs.sendMessage(url, "ok\t\n\r \uD7FF\uE000\uFFFD\uD83D\uDE00");
    assertEquals(1, visible(url));
  }

  @Test
  void sendMessage_asciiBodyWithUnpairedSurrogate_invalidMessageContents() {
    // An unpaired surrogate encodes as one byte ('?'), as an ASCII char does: still rejected.
    String url = sqs.createQueue("surrogates");
    error("InvalidMessageContents", () -> sqs.sendMessage(url, "bad \uD83D here"));
    error("InvalidMessageContents", () -> sqs.sendMessage(url, "bad \uDE00"));
    error("InvalidMessageContents", () -> sqs.sendMessage(url, "\u001F"));
    sqs.sendMessage(url, "ok? \u007F");
    assertEquals(1, visible(url));
  }

  @Test
  void sendMessage_11Attributes_rejectedAnd10Accepted() {
    String url = sqs.createQueue("attrs");
    Map<String, MessageAttributeValue> ten = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      ten.put("a" + i, MessageAttributeValue.ofNumber(Integer.toString(i)));
    }
    sqs.sendMessage(SendMessageRequest.builder(url, "b").messageAttributes(ten).build());
    Map<String, MessageAttributeValue> eleven = new LinkedHashMap<>(ten);
    eleven.put("a10", MessageAttributeValue.ofString("x"));
    error(
        "InvalidParameterValue",
        () ->
            sqs.sendMessage(
                SendMessageRequest.builder(url, "b").messageAttributes(eleven).build()));
  }

  @Test
  void sendMessage_badAttributes_invalidParameterValue() {
    String url = sqs.createQueue("badattrs");
    for (Map<String, MessageAttributeValue> bad :
        List.of(
            Map.of("AWS.x", MessageAttributeValue.ofString("v")),
            Map.of("a..b", MessageAttributeValue.ofString("v")),
            Map.of("n", MessageAttributeValue.ofNumber("abc")),
            Map.of("t", MessageAttributeValue.of("Text", "v", null)),
            Map.of("e", MessageAttributeValue.ofString("")))) {
      error(
          "InvalidParameterValue",
          () ->
              sqs.sendMessage(SendMessageRequest.builder(url, "b").messageAttributes(bad).build()));
    }
    assertEquals(0, visible(url));
  }

  @Test
  void delayQueue_hidesNewMessagesForDelaySeconds() {
    String url = sqs.createQueue("delay", Map.of("DelaySeconds", "10"));
    sqs.sendMessage(url, "m");
    sim.advanceBy(Duration.ofMillis(9_999));
    assertTrue(sqs.receiveMessage(url).messages().isEmpty());
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(1, sqs.receiveMessage(url).messages().size());
  }

  @Test
  void messageTimer_overridesQueueDelay() {
    String url = sqs.createQueue("timer", Map.of("DelaySeconds", "10"));
    sqs.sendMessage(SendMessageRequest.builder(url, "m").delaySeconds(2).build());
    sim.advanceBy(Duration.ofSeconds(2));
    assertEquals(1, sqs.receiveMessage(url).messages().size());
  }

  @Test
  void messageTimer_above900_invalidParameterValue() {
    String url = sqs.createQueue("timer");
    error(
        "InvalidParameterValue",
        () -> sqs.sendMessage(SendMessageRequest.builder(url, "m").delaySeconds(901).build()));
  }

  @Test
  void standardQueueDelayChange_isNotRetroactive() {
    String url = sqs.createQueue("retro", Map.of("DelaySeconds", "10"));
    sqs.sendMessage(url, "m");
    sqs.setQueueAttributes(url, Map.of("DelaySeconds", "0"));
    assertTrue(sqs.receiveMessage(url).messages().isEmpty());
  }

  @Test
  void fifoQueueDelayChange_isRetroactive() {
    String url = QueueKind.FIFO.create(sqs, "retro", Map.of("DelaySeconds", "10"));
    QueueKind.FIFO.send(sqs, url, "m");
    sqs.setQueueAttributes(url, Map.of("DelaySeconds", "0"));
    assertEquals(1, sqs.receiveMessage(url).messages().size());
  }

  @Test
  void fifo_perMessageDelay_rejectedButZeroAccepted() {
    String url = QueueKind.FIFO.create(sqs, "fdelay");
    SqsException e =
        error(
            "InvalidParameterValue",
            () ->
                sqs.sendMessage(
                    SendMessageRequest.builder(url, "m")
                        .messageGroupId("g")
                        .delaySeconds(5)
                        .build()));
    assertTrue(e.errorMessage().contains("not valid for this queue type"));
    sqs.sendMessage(
        SendMessageRequest.builder(url, "m").messageGroupId("g").delaySeconds(0).build());
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void retention_messageVanishesAtRetentionEnd(QueueKind kind) {
    String url = kind.create(sqs, "ret", Map.of("MessageRetentionPeriod", "60"));
    kind.send(sqs, url, "m");
    sim.advanceBy(Duration.ofMillis(59_999));
    assertEquals(1, visible(url));
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(0, visible(url));
    assertTrue(sqs.receiveMessage(url).messages().isEmpty());
    assertEquals(1, sim.trace().events(SqsEventType.EXPIRED).size());
  }

  @Test
  void retention_loweringExpiresExistingMessages() {
    String url = sqs.createQueue("lower");
    sqs.sendMessage(url, "m");
    sim.advanceBy(Duration.ofMinutes(2));
    sqs.setQueueAttributes(url, Map.of("MessageRetentionPeriod", "60"));
    assertEquals(0, visible(url));
  }

  @Test
  void retention_countsFromEnqueueEvenWhileInFlight() {
    String url = sqs.createQueue("inflight", Map.of("MessageRetentionPeriod", "60"));
    sqs.sendMessage(url, "m");
    sim.advanceBy(Duration.ofSeconds(50));
    Message m = sqs.receiveMessage(url).messages().get(0);
    sim.advanceBy(Duration.ofSeconds(10));
    assertEquals("0", sqs.getQueueAttributes(url).get("ApproximateNumberOfMessagesNotVisible"));
    sqs.deleteMessage(url, m.receiptHandle());
  }

  @Test
  void standard_messageDeduplicationId_rejected() {
    String url = sqs.createQueue("nodedup");
    error(
        "InvalidParameterValue",
        () ->
            sqs.sendMessage(
                SendMessageRequest.builder(url, "m").messageDeduplicationId("d").build()));
  }

  @Test
  void standard_messageGroupId_acceptedAndReturned() {
    String url = sqs.createQueue("fair");
    sqs.sendMessage(SendMessageRequest.builder(url, "m").messageGroupId("tenant-1").build());
    Message m =
        sqs.receiveMessage(
                ReceiveMessageRequest.builder(url)
                    .attributeNames(List.of("MessageGroupId"))
                    .build())
            .messages()
            .get(0);
    assertEquals(Map.of("MessageGroupId", "tenant-1"), m.attributes());
  }

  @Test
  void traceHeader_systemAttribute_roundTripsWithItsOwnMd5() {
    String url = sqs.createQueue("xray");
    SendMessageResult r =
        sqs.sendMessage(
            SendMessageRequest.builder(url, "b")
                .messageSystemAttributes(
                    Map.of("AWSTraceHeader", MessageAttributeValue.ofString("Root=1-abc")))
                .build());
    assertTrue(r.md5OfMessageSystemAttributes() != null);
    assertNull(r.md5OfMessageAttributes());
    Message m =
        sqs.receiveMessage(
                ReceiveMessageRequest.builder(url)
                    .messageSystemAttributeNames(List.of("AWSTraceHeader"))
                    .build())
            .messages()
            .get(0);
    assertEquals(Map.of("AWSTraceHeader", "Root=1-abc"), m.attributes());
  }

  @Test
  void receive_messageAttributeNames_prefixFilter() {
    String url = sqs.createQueue("filter");
    sqs.sendMessage(
        SendMessageRequest.builder(url, "b")
            .messageAttributes(
                Map.of(
                    "order.id", MessageAttributeValue.ofString("1"),
                    "order.kind", MessageAttributeValue.ofString("x"),
                    "other", MessageAttributeValue.ofString("y")))
            .build());
    Message m =
        sqs.receiveMessage(
                ReceiveMessageRequest.builder(url)
                    .messageAttributeNames(List.of("order.*"))
                    .build())
            .messages()
            .get(0);
    assertEquals(java.util.Set.of("order.id", "order.kind"), m.messageAttributes().keySet());
  }

  // API_SendMessage.html: message system attributes (AWSTraceHeader) do not count toward the size.
  @Test
  void sendMessage_1MiBBodyWithTraceHeader_accepted() {
    String url = sqs.createQueue("trace");
    sqs.sendMessage(
        SendMessageRequest.builder(url, "x".repeat(1_048_576))
            .messageSystemAttributes(
                Map.of("AWSTraceHeader", MessageAttributeValue.ofString("Root=1-a-b")))
            .build());
    error(
        "InvalidParameterValue",
        () ->
            sqs.sendMessage(
                SendMessageRequest.builder(url, "x".repeat(1_048_575))
                    .messageAttributes(Map.of("k", MessageAttributeValue.ofString("v")))
                    .build()));
    assertEquals(1, visible(url));
  }

  // sqs-queue-message-identifiers.html: message id up to 100 characters, receipt handle up to
  // 1,024; a new handle for every receive.
  @Test
  void identifiers_withinAwsLengths() {
    String url = sqs.createQueue("ids", Map.of("VisibilityTimeout", "0"));
    String id = sqs.sendMessage(url, "m").messageId();
    assertTrue(id.length() <= 100, id);
    String h1 = sqs.receiveMessage(url).messages().get(0).receiptHandle();
    String h2 = sqs.receiveMessage(url).messages().get(0).receiptHandle();
    assertTrue(h1.length() <= 1_024, h1);
    assertTrue(!h1.equals(h2), "a new receipt handle per receive");
  }
}
