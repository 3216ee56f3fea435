package dev.awssim.sqs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Nulls deep inside requests get AWS's errors, and binary values are copied in and out. */
class SqsNullAndCopyTest {
  private final Sqs sqs = AwsSimulator.withSeed(5).sqs();
  private final String url = sqs.createQueue("q");

  private String code(Executable call) {
    return assertThrows(SqsException.class, call).errorCode();
  }

  private Map<String, String> state() {
    return sqs.getQueueAttributes(url);
  }

  @Test
  void sendMessage_nullAttributeValueOrName_invalidParameterValue_stateUnchanged() {
    Map<String, String> before = state();
    Map<String, MessageAttributeValue> nullValue = new HashMap<>();
    nullValue.put("a", null);
    Map<String, MessageAttributeValue> nullName = new HashMap<>();
    nullName.put(null, MessageAttributeValue.ofString("x"));
    assertEquals(
        "InvalidParameterValue",
        code(
            () ->
                sqs.sendMessage(
                    SendMessageRequest.builder(url, "b").messageAttributes(nullValue).build())));
    assertEquals(
        "InvalidParameterValue",
        code(
            () ->
                sqs.sendMessage(
                    SendMessageRequest.builder(url, "b").messageAttributes(nullName).build())));
    assertEquals(
        "InvalidParameterValue",
        code(
            () ->
                sqs.sendMessage(
                    SendMessageRequest.builder(url, "b")
                        .messageSystemAttributes(nullValue)
                        .build())));
    assertEquals(before, state());
  }

  @Test
  void sendMessageBatch_entryWithNullAttributeValue_failsThatEntryOnly() {
    Map<String, MessageAttributeValue> nullValue = new HashMap<>();
    nullValue.put("a", null);
    BatchResultErrorEntry failed =
        sqs.sendMessageBatch(
                url,
                List.of(
                    new SendMessageBatchRequestEntry("bad", "b", null, nullValue, null, null, null),
                    SendMessageBatchRequestEntry.of("ok", "b")))
            .failed()
            .get(0);
    assertEquals("bad", failed.id());
    assertEquals("InvalidParameterValue", failed.code());
    assertEquals("1", state().get("ApproximateNumberOfMessages"));
  }

  @Test
  void receiveMessage_nullAttributeNameInAList_invalidAttributeName() {
    List<String> names = new ArrayList<>();
    names.add(null);
    sqs.sendMessage(url, "m");
    Map<String, String> before = state();
    assertEquals(
        "InvalidAttributeName",
        code(
            () ->
                sqs.receiveMessage(
                    ReceiveMessageRequest.builder(url).messageAttributeNames(names).build())));
    assertEquals(
        "InvalidAttributeName",
        code(
            () ->
                sqs.receiveMessage(
                    ReceiveMessageRequest.builder(url)
                        .messageSystemAttributeNames(names)
                        .build())));
    assertEquals(
        "InvalidAttributeName",
        code(
            () ->
                sqs.receiveMessage(
                    ReceiveMessageRequest.builder(url).attributeNames(names).build())));
    assertEquals(before, state());
  }

  @Test
  void missingQueueUrlOrBody_missingParameter() {
    assertEquals("MissingParameter", code(() -> sqs.sendMessage(null, "b")));
    assertEquals("MissingParameter", code(() -> sqs.sendMessage(url, null)));
    assertEquals("MissingParameter", code(() -> sqs.receiveMessage((String) null)));
    assertEquals("MissingParameter", code(() -> sqs.deleteMessage(url, null)));
  }

  @Test
  void nullRequestObject_isAJavaArgumentError_namingTheArgument() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> sqs.sendMessage((SendMessageRequest) null));
    assertEquals("request", e.getMessage());
  }

  @Test
  void binaryAttribute_callerChangesItsArraysInOrOut_storedMessageUnchanged() {
    byte[] given = {1, 2, 3};
    sqs.sendMessage(
        SendMessageRequest.builder(url, "b")
            .messageAttributes(Map.of("bin", MessageAttributeValue.ofBinary(given)))
            .build());
    given[0] = 9;
    ReceiveMessageRequest all =
        ReceiveMessageRequest.builder(url)
            .messageAttributeNames(List.of("All"))
            .visibilityTimeout(0)
            .build();
    byte[] out =
        sqs.receiveMessage(all).messages().get(0).messageAttributes().get("bin").binaryValue();
    assertArrayEquals(new byte[] {1, 2, 3}, out);
    out[1] = 9;
    assertArrayEquals(
        new byte[] {1, 2, 3},
        sqs.receiveMessage(all).messages().get(0).messageAttributes().get("bin").binaryValue());
  }
}
