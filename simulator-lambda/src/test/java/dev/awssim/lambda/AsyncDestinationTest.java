package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.awssim.AwsSimulator;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous invocation destinations and dead-letter targets that are SQS queues and SNS topics
 * of the simulation, with AWS's invocation record:
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_DestinationConfig.html
 */
class AsyncDestinationTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(4);
  private final Sqs sqs = sim.sqs();
  private final Lambda lambda = Lambda.create(sim);

  private String queue(String name) {
    return sqs.createQueue(name);
  }

  private String arn(String url) {
    return sqs.getQueueAttributes(url, List.of("QueueArn")).get("QueueArn");
  }

  private List<Message> receive(String url) {
    return sqs.receiveMessage(
            ReceiveMessageRequest.builder(url)
                .maxNumberOfMessages(10)
                .waitTimeSeconds(0)
                .messageAttributeNames(List.of("All"))
                .build())
        .messages();
  }

  private void failing() {
    RequestHandler<Object, Object> h =
        (e, c) -> {
          throw new IllegalStateException("boom");
        };
    lambda.createFunction(FunctionConfig.of("fn", h));
  }

  @Test
  void onFailure_sqsQueue_getsTheInvocationRecordWhenTheThirdAttemptFails_at180s() {
    failing();
    String failures = queue("failures");
    lambda.putFunctionEventInvokeConfig(
        "fn", EventInvokeConfig.defaults().withOnFailureDestination(arn(failures)));
    InvokeResult queued = lambda.invoke("fn", InvocationType.EVENT, "{\"order\":1}");

    sim.advanceBy(Duration.ofMillis(179_999)); // attempts at 0 s, 60 s; the third at 180 s
    assertTrue(receive(failures).isEmpty());
    sim.advanceBy(Duration.ofMillis(1));
    List<Message> messages = receive(failures);
    assertEquals(1, messages.size());
    String body = messages.get(0).body();
    String functionArn = lambda.getFunction("fn").functionArn();
    assertTrue(body.startsWith("{\"version\":\"1.0\",\"timestamp\":\""), body);
    assertTrue(
        body.contains(
            "\"requestContext\":{\"requestId\":\""
                + queued.requestId()
                + "\",\"functionArn\":\""
                + functionArn
                + ":$LATEST\",\"condition\":\"RetriesExhausted\",\"approximateInvokeCount\":3}"),
        body);
    assertTrue(body.contains("\"requestPayload\":{\"order\":1}"), body);
    assertTrue(
        body.contains(
            "\"responseContext\":{\"statusCode\":200,\"executedVersion\":\"$LATEST\","
                + "\"functionError\":\"Unhandled\"}"),
        body);
    assertTrue(
        body.contains(
            "\"responsePayload\":{\"errorMessage\":\"boom\","
                + "\"errorType\":\"java.lang.IllegalStateException\"}"),
        body);
  }

  @Test
  void onSuccess_snsTopic_publishesTheRecordAsTheMessage() {
    lambda.createFunction(
        FunctionConfig.of("fn", (RequestHandler<Object, Object>) (e, c) -> "done"));
    String topic = sim.sns().createTopic("results");
    String inbox = queue("inbox");
    sim.sns().subscribe(topic, "sqs", arn(inbox), Map.of("RawMessageDelivery", "true"));
    lambda.putFunctionEventInvokeConfig(
        "fn", EventInvokeConfig.defaults().withOnSuccessDestination(topic));

    lambda.invoke("fn", InvocationType.EVENT, "plain text");
    sim.advanceBy(Duration.ZERO);

    List<Message> messages = receive(inbox);
    assertEquals(1, messages.size());
    String body = messages.get(0).body();
    assertTrue(body.contains("\"condition\":\"Success\",\"approximateInvokeCount\":1"), body);
    assertTrue(body.contains("\"requestPayload\":\"plain text\""), body);
    assertTrue(body.contains("\"responsePayload\":\"done\""), body);
    assertTrue(
        body.contains("\"responseContext\":{\"statusCode\":200,\"executedVersion\":\"$LATEST\"}"),
        body);
  }

  @Test
  void
      putFunctionEventInvokeConfig_fifoOrUnknownDestination_invalidParameterValue_nothingChanges() {
    failing();
    String fifo = sqs.createQueue("d.fifo", Map.of("FifoQueue", "true"));
    for (String bad :
        List.of(
            arn(fifo),
            "arn:aws:sqs:" + sim.account().region() + ":" + sim.account().accountId() + ":none",
            "arn:aws:sns:" + sim.account().region() + ":" + sim.account().accountId() + ":none")) {
      LambdaException e =
          assertThrows(
              LambdaException.class,
              () ->
                  lambda.putFunctionEventInvokeConfig(
                      "fn", EventInvokeConfig.defaults().withOnFailureDestination(bad)));
      assertEquals("InvalidParameterValueException", e.errorCode());
    }
    assertEquals(EventInvokeConfig.defaults(), lambda.getFunctionEventInvokeConfig("fn"));
  }

  @Test
  void deadLetterConfig_snsTopic_publishesTheEventAsIs_withItsAttributes() {
    failing();
    String topic = sim.sns().createTopic("fn-dlq");
    String inbox = queue("inbox");
    sim.sns().subscribe(topic, "sqs", arn(inbox), Map.of("RawMessageDelivery", "true"));
    lambda.putDeadLetterConfig("fn", topic);
    lambda.putFunctionEventInvokeConfig(
        "fn", EventInvokeConfig.defaults().withMaximumRetryAttempts(0));

    InvokeResult queued = lambda.invoke("fn", InvocationType.EVENT, "{\"order\":2}");
    sim.advanceBy(Duration.ZERO);

    List<Message> messages = receive(inbox);
    assertEquals(1, messages.size());
    Message m = messages.get(0);
    assertEquals("{\"order\":2}", m.body());
    assertEquals(queued.requestId(), m.messageAttributes().get("RequestID").stringValue());
    assertEquals("200", m.messageAttributes().get("ErrorCode").stringValue());
    assertEquals("boom", m.messageAttributes().get("ErrorMessage").stringValue());
  }
}
